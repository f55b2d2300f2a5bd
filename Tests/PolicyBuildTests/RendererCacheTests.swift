import Foundation
import PolicyMarkdown
import PolicyModel
import Testing

@testable import PolicyBuild
@testable import PolicyRender

/// What a renderer keeps for a build: section values shared only by pages that show the same
/// company facts, and bodies that may leave out the prose's plain words.
@Suite struct RendererCacheTests {
    let prepared: PreparedSite

    init() throws { prepared = try BuildFixtures.exampleSite() }

    /// A text's section values are made once per build and language, and shared only by pages
    /// that show the same company facts: an archived version shows the facts it was published with.
    @Test func pagesOfOneTextShareValuesOnlyWithTheSameCompanyFacts() throws {
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
        #expect(second.contact.legalName == "Renamed Holdings <Ltd> & Co")
        #expect(first.contact.legalName == company.info.legalName)
        let contact = String(decoding: renderer.renderContact(other, at: "x/").contents, as: UTF8.self)
        #expect(contact.contains("Renamed Holdings &lt;Ltd&gt; &amp; Co"))
        #expect(renderer.sectionValues(page) === first)

        // Another language of the same company is made apart.
        let french = try #require(
            renderer.pages(of: company).first(where: { $0.language != page.language }), "the example site's first company has a second language")
        #expect(renderer.sectionValues(french) !== first)
    }

    /// A section and a table row rendered once are found again by their values: a second
    /// render of the same pages renders no fragment anew, and the pages are the same.
    @Test func sectionsAndRowsAreKeptAndFoundAgain() throws {
        let renderer = SiteRenderer(site: prepared.site, theme: prepared.theme)
        #expect(prepared.theme.rendersSectionHTML)
        let pages = prepared.site.companies.flatMap { renderer.pages(of: $0) }
        let first = pages.map { renderer.renderPolicy($0, at: SitePaths.policy($0.company.slug, $0.language)).contents }
        let sections = renderer.sectionBlocks.rendered.count, rows = renderer.tableRows.rendered.count
        #expect(sections > pages.count && rows > 0)
        let again = pages.map { renderer.renderPolicy($0, at: SitePaths.policy($0.company.slug, $0.language)).contents }
        #expect(again == first)
        #expect(renderer.sectionBlocks.rendered.count == sections && renderer.tableRows.rendered.count == rows)
    }

    /// A build's bodies leave the prose's words out (only `check` reads them); a page asked for
    /// them anyway gets them, the same as from a cache that keeps them.
    @Test func wordsComeBackFromACacheThatLeavesThemOut() throws {
        let keeping = SiteRenderer(site: prepared.site, theme: prepared.theme)
        let leaving = SiteRenderer(site: prepared.site, theme: prepared.theme, bodies: BodyCache(keepsPlainText: false))
        for company in prepared.site.companies {
            for page in keeping.pages(of: company) {
                #expect(leaving.body(page.document).plainText == nil)
                let words = keeping.bodyText(page.document)
                #expect(words.count > 100)
                #expect(leaving.bodyText(page.document) == words)
            }
        }
    }
}
