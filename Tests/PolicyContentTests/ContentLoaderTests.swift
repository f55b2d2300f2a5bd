import Foundation
import PolicyDiagnostics
import PolicyFiles
import PolicyModel
import PolicyText
import Testing

@testable import PolicyContent

@Suite("ContentLoader")
struct ContentLoaderTests {
    @Test func minimalSiteLoadsWithoutDiagnostics() throws {
        let result = Content.load(Content.fileSystem())
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let site = try #require(result.site)
        #expect(site.config.title == "Test site")
        #expect(site.config.baseURL == "https://example.org/")
        let company = try #require(site.companies.first)
        #expect(site.companies.count == 1)
        #expect(company.slug == "acme")
        #expect(company.folder == "content/acme")
        #expect(company.languages.map(\.rawValue) == ["en"])
        let policy = try #require(company.source)
        #expect(policy.path == "content/acme/en/privacy.md")
        #expect(policy.frontMatter.version.description == "1.0")
        #expect(policy.frontMatter.cookies.map(\.category.id) == ["essential"])
        #expect(policy.bodyLine == 13)
        #expect(policy.body.hasPrefix("## Introduction"))
    }

    @Test func defaultLanguageComesFirst() throws {
        let result = Content.load(Content.fileSystem(languages: ["fr", "ar", "en"]))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let company = try #require(result.site?.companies.first)
        #expect(company.languages.map(\.rawValue) == ["en", "ar", "fr"])
        #expect(result.site?.languages.map(\.rawValue) == ["en", "ar", "fr"])
    }

    @Test func companyDefaultLanguageOverridesSite() throws {
        let fs = Content.fileSystem(languages: ["ar", "en", "fr"], company: Content.company(extra: "default_language: fr\n"))
        let result = Content.load(fs)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let company = try #require(result.site?.companies.first)
        #expect(company.defaultLanguage.rawValue == "fr")
        #expect(company.languages.map(\.rawValue) == ["fr", "ar", "en"])
        #expect(company.source?.language.rawValue == "fr")
        // The site's own default still leads the site-wide list.
        #expect(result.site?.languages.first?.rawValue == "en")
    }

    @Test func everyProblemInSeveralFilesIsListed() {
        var fs = Content.fileSystem(company: Content.company(extra: "phone: 1\nfax: 2\n"))
        fs.write(
            "content/acme/en/privacy.md",
            Content.policy(categories: ["tracking"]).replacingOccurrences(of: "effective: 2025-01-01", with: "effective: yesterday"))
        fs.write("content/beta/company.yml", "display_name: Beta\n")
        fs.write("content/beta/en/privacy.md", Content.policy())
        let result = Content.load(fs)
        #expect(
            result.diagnostics.map(\.description) == [
                "content/acme/company.yml:5:1: error: unknown field 'fax'; expected one of: legal_name, display_name, slug, website, address, country, governing_law, privacy_email, phone, dpo, dpo_not_appointed, entities, jurisdictions, registrations, response_time, supervisory_authority, languages, default_language, locales",
                "content/acme/en/privacy.md:4:12: error: 'yesterday' is not a valid date; expected an ISO 8601 date, YYYY-MM-DD (e.g. 2025-01-31) or YYYY-MM for a month",
                "content/acme/en/privacy.md:7:15: error: unknown cookie category 'tracking'; expected one of: essential, analytics, preferences, marketing, or declare it under custom_cookie_categories in site.yml",
                "content/beta/company.yml:1:1: error: missing required field 'legal_name'; expected a value for 'legal_name'; see docs/content-format.md",
            ])
    }

    @Test func customCookieCategoryDeclaredInSiteIsAccepted() throws {
        let custom = Content.site + "custom_cookie_categories:\n  - id: functional\n    labels: {en: Functional, fr: Fonctionnels}\n"
        var fs = Content.fileSystem(site: custom)
        fs.write("content/acme/en/privacy.md", Content.policy(categories: ["essential", "functional"]))
        let accepted = Content.load(fs)
        #expect(accepted.diagnostics.isEmpty, "\(accepted.diagnostics)")
        #expect(accepted.site?.config.customCookieCategories.first?.labels["fr"] == "Fonctionnels")
        #expect(accepted.site?.companies.first?.source?.frontMatter.cookies.map(\.category.id) == ["essential", "functional"])

        fs.write("content/site.yml", Content.site)
        let rejected = Content.load(fs)
        #expect(rejected.diagnostics.map(\.code) == ["unknown-cookie-category"])
        #expect(rejected.diagnostics.first?.location.line == 9)
    }

    @Test func duplicateSlug() throws {
        var fs = Content.fileSystem()
        fs.write("content/acme-two/company.yml", Content.company("Acme Two", extra: "slug: acme\n"))
        fs.write("content/acme-two/en/privacy.md", Content.policy())
        let result = Content.load(fs)
        #expect(
            result.diagnostics.map(\.description) == [
                "content/acme-two/company.yml: error: slug 'acme' is already used by content/acme; expected a unique slug per company"
            ])
        #expect(result.site?.companies.map(\.folder) == ["content/acme"])
    }

    @Test func badSlug() {
        let result = Content.load(Content.fileSystem(company: Content.company(extra: "slug: Acme_Co\n")))
        #expect(result.diagnostics.map(\.code) == ["bad-slug"])
    }

    @Test func missingDefaultLanguagePolicy() throws {
        let result = Content.load(Content.fileSystem(languages: ["fr"]))
        #expect(
            result.diagnostics.map(\.description) == [
                "content/acme/company.yml:1:1: error: the default language 'en' has no policy (content/acme/en/privacy.md is missing); expected a policy in the default language, or set default_language in company.yml to one of: fr"
            ])
        #expect(result.diagnostics.first?.code == "missing-default-language")
        #expect(result.site?.companies.first?.languages.map(\.rawValue) == ["fr"])
    }

    @Test func listedLanguagesMustMatchFolders() throws {
        let fs = Content.fileSystem(languages: ["en", "fr"], company: Content.company(extra: "languages: [en, de]\n"))
        let result = Content.load(fs)
        let diagnostics = result.diagnostics
        #expect(diagnostics.map(\.code).sorted() == ["missing-translation", "unlisted-language"])
        let missing = try #require(diagnostics.first { $0.code == "missing-translation" })
        #expect(missing.message == "language 'de' is listed but has no policy")
        #expect(missing.expected == "expected content/acme/de/privacy.md, or remove 'de' from languages")
        #expect(missing.location.file == "content/acme/company.yml")
        let unlisted = try #require(diagnostics.first { $0.code == "unlisted-language" })
        #expect(unlisted.message == "folder 'fr/' is not in this company's languages")
        #expect(result.site?.companies.first?.languages.map(\.rawValue) == ["en"])
    }

    @Test func unknownLanguageFolderAndStrayFiles() {
        var fs = Content.fileSystem()
        fs.write("content/acme/eng/privacy.md", Content.policy())
        fs.write("content/acme/notes.txt", "hi")
        fs.write("content/acme/en/draft.md", "x")
        fs.write("content/README.md", "x")
        let result = Content.load(fs)
        #expect(
            result.diagnostics.map(\.description).first
                == "content/README.md: error: unexpected file in content/; expected only site.yml and one folder per company")
        #expect(result.diagnostics.map(\.code) == ["unexpected-file", "unexpected-file", "unknown-language", "unexpected-file"])
        #expect(
            result.diagnostics.map(\.location.file) == [
                "content/README.md", "content/acme/en/draft.md", "content/acme/eng", "content/acme/notes.txt",
            ])
    }

    @Test func missingSiteYml() {
        let result = Content.load(InMemoryFileSystem(files: ["content/acme/company.yml": Content.company()]))
        #expect(result.site == nil)
        #expect(
            result.diagnostics.map(\.description) == [
                "content/site.yml: error: file is missing; create it with title, base_url and default_language"
            ])
    }

    @Test func frontMatterProblems() {
        var fs = Content.fileSystem(languages: ["en", "fr"])
        fs.write("content/acme/en/privacy.md", "# No front matter\n")
        fs.write("content/acme/fr/privacy.md", "---\ntitle: x\n")
        let codes = Content.load(fs).diagnostics.map(\.code)
        #expect(codes.contains("missing-front-matter"))
        #expect(codes.contains("unclosed-front-matter"))
    }

    /// A version announced a month before it applies is normal practice, not an error.
    @Test func lastUpdatedBeforeEffectiveIsAnAnnouncement() {
        var fs = Content.fileSystem()
        fs.write("content/acme/en/privacy.md", Content.policy().replacingOccurrences(of: "last_updated: 2025-02-01", with: "last_updated: 2024-12-01"))
        let result = Content.load(fs)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.site?.companies.first?.source?.frontMatter.lastUpdated.description == "2024-12-01")
    }

    /// The broken fixtures, loaded in memory, give exactly the messages in their expected.txt.
    @Test(arguments: [
        "bad-date", "bad-duration", "bad-url", "duplicate-slug", "reserved-slug", "many-problems", "missing-company-yml", "missing-field",
        "missing-front-matter", "translation-mismatch", "unknown-cookie-category", "unknown-field", "unknown-language-folder", "unknown-right",
        "yaml-syntax",
    ])
    func brokenFixture(_ name: String) throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/broken/\(name)")
        var fs = InMemoryFileSystem()
        let enumerator = try #require(FileManager.default.enumerator(at: root.appendingPathComponent("content"), includingPropertiesForKeys: nil))
        for case let url as URL in enumerator where !url.hasDirectoryPath {
            let relative = String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))
            fs.files[relative] = try Data(contentsOf: url)
        }
        #expect(!fs.files.isEmpty)
        let expected = try String(contentsOf: root.appendingPathComponent("expected.txt"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        #expect(Content.load(fs).diagnostics.map(\.description) == expected)
    }
}
