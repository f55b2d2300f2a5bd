import Foundation
import PolicyDiagnostics
import PolicyModel
import PolicyTranslations
import Testing

@testable import PolicyBuild
@testable import PolicyRender

/// The templates compiled per language with their UI strings written in render every page of
/// the example site (five companies, English, French, Arabic and Hindi, published history)
/// byte for byte as the shared templates do.
@Suite struct LocalizedTemplatesTests {
    @Test func everyPageIsTheSameWithTheStringsWrittenIn() throws {
        let site = try BuildFixtures.exampleSite()
        #expect(site.theme.localized.count >= 3)
        var shared = site.theme
        shared.localized = [:]
        let withStrings = SiteBuilder().render(site)
        let withTags = SiteBuilder().render(PreparedSite(site: site.site, theme: shared, diagnostics: site.diagnostics))
        #expect(withStrings.count == withTags.count && withStrings.count > 100)
        for (written, tagged) in zip(withStrings, withTags) {
            #expect(written.path == tagged.path)
            #expect(written.contents == tagged.contents, "\(written.path)")
        }
    }

    /// Only the languages the site publishes get their own compiled templates (the theme has
    /// strings for more: compiling those was start-up time on one core for pages never made).
    @Test func onlyTheSitesLanguagesAreCompiled() throws {
        let site = try BuildFixtures.exampleSite()
        #expect(Set(site.theme.localized.keys) == Set(site.site.languages))
        #expect(site.theme.translations.languages.count > site.site.languages.count)
    }
}
