import Foundation
import PolicyModel
import TestSupport
import Testing

@Suite("ContentLayout and ThemeLayout")
struct ContentLayoutTests {
    @Test func buildsThePathsOfACompanyFolder() throws {
        let french = try #require(LanguageCode("fr"))
        #expect(ContentLayout.site(in: "content") == "content/site.yml")
        #expect(ContentLayout.company(in: "content/acme") == "content/acme/company.yml")
        #expect(ContentLayout.changelog(in: "content/acme") == "content/acme/changelog.yml")
        #expect(ContentLayout.policy(in: "content/acme", language: french) == "content/acme/fr/privacy.md")
        #expect(ContentLayout.versions(in: "content/acme") == "content/acme/versions")
        let version = try #require(PolicyVersionNumber("1.2"))
        #expect(ContentLayout.version(version, in: "content/acme") == "content/acme/versions/1.2")
        // A relative content folder given as "" (the current folder) adds no leading slash.
        #expect(ContentLayout.site(in: "") == "site.yml")
    }

    @Test func buildsThePathsOfAThemeFolder() throws {
        let english = try #require(LanguageCode("en"))
        #expect(ThemeLayout.strings(in: "themes/default") == "themes/default/i18n")
        #expect(ThemeLayout.strings(in: "themes/default", language: english) == "themes/default/i18n/en.yml")
        #expect(ThemeLayout.jurisdictions(in: "themes/default") == "themes/default/jurisdictions.yml")
    }

    /// The example site and the default theme are laid out as the types say: renaming a name in
    /// one place only fails here.
    @Test func describesTheExampleSiteAndTheDefaultTheme() throws {
        let files = FileManager.default
        let content = Repository.content.path
        #expect(files.fileExists(atPath: ContentLayout.site(in: content)))
        let companies = try files.contentsOfDirectory(atPath: content).filter { !$0.hasPrefix(".") && $0 != ContentLayout.siteFile }
        #expect(!companies.isEmpty)
        var sawVersions = false
        for name in companies {
            let folder = content + "/" + name
            #expect(files.fileExists(atPath: ContentLayout.company(in: folder)), "\(folder)")
            for entry in try files.contentsOfDirectory(atPath: folder) where LanguageCode(entry)?.rawValue == entry {
                #expect(files.fileExists(atPath: ContentLayout.policy(in: folder, language: entry)), "\(folder)/\(entry)")
            }
            if files.fileExists(atPath: ContentLayout.versions(in: folder)) {
                sawVersions = true
                #expect(files.fileExists(atPath: ContentLayout.changelog(in: folder)), "\(folder)")
            }
        }
        #expect(sawVersions, "the example site has a company with published versions")
        let theme = Repository.themes.appendingPathComponent(ThemeLayout.defaultTheme).path
        #expect(files.fileExists(atPath: ThemeLayout.jurisdictions(in: theme)))
        #expect(files.fileExists(atPath: ThemeLayout.strings(in: theme, language: try #require(LanguageCode("en")))))
    }
}
