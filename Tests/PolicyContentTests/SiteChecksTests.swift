import PolicyDiagnostics
import PolicyFiles
import PolicyModel
import PolicyText
import PolicyYAML
import Testing

@testable import PolicyContent

@Suite("Translation checks")
struct TranslationCheckTests {
    func load(en: String, fr: String) -> [Diagnostic] {
        var fs = Content.fileSystem(languages: ["en", "fr"])
        fs.write("content/acme/en/privacy.md", en)
        fs.write("content/acme/fr/privacy.md", fr)
        return Content.load(fs).diagnostics
    }

    @Test func matchingTranslationHasNoDiagnostics() {
        let diagnostics = load(
            en: Content.policy(categories: ["essential", "analytics"], rights: ["access", "erasure"]),
            fr: Content.policy(categories: ["analytics", "essential"], rights: ["erasure", "access"]))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
    }

    @Test func staleTranslationWarns() throws {
        let diagnostics = load(en: Content.policy(version: "1.1"), fr: Content.policy(version: "1.0"))
        #expect(diagnostics.count == 1)
        let stale = try #require(diagnostics.first)
        #expect(stale.code == "stale-translation")
        #expect(stale.severity == .warning)
        #expect(stale.location.file == "content/acme/fr/privacy.md")
        #expect(stale.location.line == 3)
        #expect(
            stale.description
                == "content/acme/fr/privacy.md:3:1: warning: translation is version 1.0 but the en source is version 1.1; expected the translation updated to 1.1 (its page says it may be out of date)"
        )
        #expect(!diagnostics.hasErrors)
    }

    @Test func versionsCompareNumerically() {
        // 1.10 is newer than 1.9, so this translation is stale, not ahead.
        let diagnostics = load(en: Content.policy(version: "1.10"), fr: Content.policy(version: "1.9"))
        #expect(diagnostics.map(\.code) == ["stale-translation"])
    }

    @Test func translationAheadOfSourceWarns() {
        let diagnostics = load(en: Content.policy(version: "1.0"), fr: Content.policy(version: "2.0"))
        #expect(diagnostics.map(\.code) == ["translation-ahead"])
        #expect(diagnostics.first?.severity == .warning)
    }

    @Test func differentCookieCategoriesIsAnError() throws {
        let diagnostics = load(
            en: Content.policy(categories: ["essential", "analytics"]),
            fr: Content.policy(categories: ["essential", "marketing"]))
        // One report per difference, each at the French line and naming the English one.
        #expect(diagnostics.map(\.code) == ["translation-mismatch", "translation-mismatch"])
        #expect(diagnostics.allSatisfy { $0.severity == .error && $0.location.file == "content/acme/fr/privacy.md" })
        let missing = try #require(diagnostics.first)
        #expect(missing.location.line == 6)
        #expect(missing.message == "cookie category 'analytics' is missing here, but content/acme/en/privacy.md:9:15 lists it")
        #expect(missing.expected == "expected the same cookie categories in every language: add 'analytics' here, or remove it from the en source")
        let extra = try #require(diagnostics.last)
        #expect(extra.message == "cookie category 'marketing' is not in the en source (content/acme/en/privacy.md:6:1)")
    }

    @Test func differentRightsIsAnError() throws {
        let diagnostics = load(
            en: Content.policy(rights: ["access", "erasure"]),
            fr: Content.policy(rights: ["access"]))
        #expect(diagnostics.map(\.code) == ["translation-mismatch"])
        let mismatch = try #require(diagnostics.first)
        #expect(mismatch.message == "right 'erasure' is missing here, but content/acme/en/privacy.md:12:7 lists it")
        #expect(mismatch.location.file == "content/acme/fr/privacy.md")
        #expect(mismatch.location.line == 9)
    }

    @Test func staleAndMismatchedReportsBoth() {
        let diagnostics = load(
            en: Content.policy(version: "1.1", categories: ["essential", "analytics"]),
            fr: Content.policy(version: "1.0", categories: ["essential"]))
        #expect(diagnostics.map(\.code) == ["stale-translation", "translation-mismatch"])
        #expect(diagnostics.map(\.severity) == [.warning, .error])
    }
}

@Suite("Archive checks")
struct ArchiveCheckTests {
    func changelog(hash: String, version: String = "1.0") -> String {
        """
        entries:
          - version: "\(version)"
            date: 2025-01-01
            summary: First published version
            archive_hash: \(hash)

        """
    }

    func fileSystem(hash: String) -> InMemoryFileSystem {
        var fs = Content.fileSystem()
        fs.write("content/acme/en/privacy.md", Content.policy(version: "1.1"))
        fs.write("content/acme/versions/1.0/en/privacy.md", Content.policy(version: "1.0"))
        fs.write("content/acme/changelog.yml", changelog(hash: hash))
        return fs
    }

    @Test func archiveMustMatchRecordedHash() throws {
        let wrong = Content.load(fileSystem(hash: "0000"))
        #expect(
            wrong.diagnostics.map(\.description) == [
                "content/acme/changelog.yml: error: the archive_hash recorded for version 1.0 is not a SHA-256 (64 lowercase hexadecimal digits); expected the value `policysite publish` wrote: restore content/acme/changelog.yml (e.g. `git checkout -- content/acme/changelog.yml`)"
            ])
        let company = try #require(wrong.site?.companies.first)
        #expect(company.archive.map(\.version.description) == ["1.0"])
        #expect(company.changelog.entries.map(\.summary) == ["First published version"])
        let hash = try #require(company.archive.first?.contentHash)
        #expect(hash.count == 64)

        var fs = fileSystem(hash: hash)
        let recorded = Content.load(fs)
        #expect(recorded.diagnostics.isEmpty, "\(recorded.diagnostics)")

        fs.write("content/acme/versions/1.0/en/privacy.md", Content.policy(version: "1.0", body: "## Introduction\n\nWe keep a lot of data.\n"))
        let modified = Content.load(fs).diagnostics
        #expect(
            modified.map(\.description) == [
                "content/acme/versions/1.0/en/privacy.md: error: archived version 1.0 was changed after it was published (its files no longer match the archive_hash in content/acme/changelog.yml); expected published versions to stay as they are: restore whichever of content/acme/versions/1.0 and that archive_hash was edited (`git diff -- content/acme/versions/1.0 content/acme/changelog.yml` shows which) and publish changes as a new version"
            ])
    }

    @Test func archiveHashCoversEveryLanguage() throws {
        var fs = fileSystem(hash: "0000")
        let hash = try #require(Content.load(fs).site?.companies.first?.archive.first?.contentHash)
        fs.write("content/acme/versions/1.0/fr/privacy.md", Content.policy(version: "1.0"))
        let withFrench = try #require(Content.load(fs).site?.companies.first?.archive.first)
        #expect(withFrench.policies.count == 2)
        #expect(withFrench.contentHash != hash)
    }

    @Test func archivedVersionWithoutChangelogEntry() {
        var fs = fileSystem(hash: "0000")
        fs.files["content/acme/changelog.yml"] = nil
        let diagnostics = Content.load(fs).diagnostics
        #expect(diagnostics.map(\.code) == ["unrecorded-version"])
        #expect(diagnostics.first?.location.file == "content/acme/versions/1.0")
    }

    @Test func changelogEntryWithoutArchive() {
        var fs = Content.fileSystem()
        fs.write("content/acme/changelog.yml", changelog(hash: "abc", version: "0.9"))
        let diagnostics = Content.load(fs).diagnostics
        #expect(diagnostics.map(\.message) == ["changelog entry 0.9 has no archived copy in versions/0.9/"])
        #expect(diagnostics.first?.location.file == "content/acme/changelog.yml")
    }

    @Test func badVersionFolder() {
        var fs = fileSystem(hash: "0000")
        fs.write("content/acme/versions/latest/en/privacy.md", Content.policy())
        let codes = Content.load(fs).diagnostics.map(\.code)
        #expect(codes.contains("bad-version"))
    }

    @Test func changelogMustBeInOrder() {
        let text = """
            entries:
              - version: "2.0"
                date: 2025-03-01
                summary: Second
                archive_hash: b
              - version: "1.0"
                date: 2025-01-01
                summary: First
                archive_hash: a
            """
        let (changelog, diagnostics) = StrictYAMLDecoder(file: "changelog.yml").decode(Changelog.self, from: text)
        #expect(changelog?.entries.count == 2)
        #expect(diagnostics.map(\.message) == ["entry 1.0 does not follow 2.0"])
        #expect(diagnostics.first?.code == "bad-changelog")
    }
}
