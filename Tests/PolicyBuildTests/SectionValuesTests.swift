import Foundation
import PolicyModel
import Testing

@testable import PolicyBuild
@testable import PolicyRender

/// A text's section values are made once per build and language, and shared only by pages
/// that show the same company facts: an archived version shows the facts it was published with.
@Suite struct SectionValuesTests {
    @Test func pagesOfOneTextShareValuesOnlyWithTheSameCompanyFacts() throws {
        let prepared = try LocalizedTemplatesTests.exampleSite()
        let renderer = SiteRenderer(site: prepared.site, theme: prepared.theme)
        let company = try #require(prepared.site.companies.first)
        let page = try #require(renderer.pages(of: company).first)
        let first = renderer.sectionValues(page)
        #expect(renderer.sectionValues(page) === first)

        // The same text and language with other facts (as an archived version may have).
        var renamed = company
        renamed.info.legalName = "Renamed Holdings <Ltd> & Co"
        let other = CompanyPage(company: renamed, language: page.language, document: page.document)
        let second = renderer.sectionValues(other)
        #expect(second !== first)
        #expect(second.contact["legal_name"] as? String == "Renamed Holdings <Ltd> & Co")
        #expect(first.contact["legal_name"] as? String == company.info.legalName)
        let contact = String(decoding: renderer.renderContact(other, at: "x/").contents, as: UTF8.self)
        #expect(contact.contains("Renamed Holdings &lt;Ltd&gt; &amp; Co"))
        #expect(renderer.sectionValues(page) === first)

        // Another language of the same company is made apart.
        if let french = renderer.pages(of: company).first(where: { $0.language != page.language }) {
            #expect(renderer.sectionValues(french) !== first)
        }
    }
}
