import Foundation
import PolicyMarkdown
import PolicyModel
import Testing

@testable import PolicyBuild
@testable import PolicyRender

/// A build's bodies leave the prose's words out (only `check` reads them); a page asked for
/// them anyway gets them, the same as from a cache that keeps them.
@Suite struct BodyTextTests {
    @Test func wordsComeBackFromACacheThatLeavesThemOut() throws {
        let prepared = try LocalizedTemplatesTests.exampleSite()
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
