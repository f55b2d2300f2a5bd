import Foundation
import PolicyContent
import PolicyDiagnostics
import PolicyFiles
import PolicyModel
import PolicyYAML
import TestSupport
import Testing

@testable import PolicyScaffold

/// The scaffold's files decode with the project's own decoder, carry the rights of the regimes
/// asked for, mark what a person must write, and never hide a problem.
@Suite struct ScaffolderTests {
    static let root = Repository.root
    static let themes = root.appendingPathComponent("themes").path
    let today = PolicyDate("2026-11-30")!

    /// A content folder with only site.yml, for the company scaffold to read.
    func site() throws -> String {
        let folder = Scratch.directory.appendingPathComponent("scaffold-\(UUID().uuidString.prefix(8))/content")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "title: T\nbase_url: https://x.example/\ndefault_language: en\n".write(
            to: folder.appendingPathComponent("site.yml"), atomically: true, encoding: .utf8)
        return folder.path
    }

    func text(_ files: [ScaffoldFile], _ suffix: String) throws -> String {
        String(decoding: try #require(files.first { $0.path.hasSuffix(suffix) }).contents, as: UTF8.self)
    }

    @Test func aCompanyGetsItsRegimesRightsAndDecodes() throws {
        let content = try site()
        let files = try Scaffolder(themesPath: Self.themes, today: today).company(
            slug: "acme", name: "Acme \"Ltd\"", languages: [LanguageCode("en")!, LanguageCode("fr")!], jurisdictions: ["gdpr", "ccpa", "in-dpdp"],
            contentPath: content)
        #expect(files.map(\.path) == ["\(content)/acme/company.yml", "\(content)/acme/en/privacy.md", "\(content)/acme/fr/privacy.md"])
        let company = try text(files, "company.yml")
        let (info, problems) = StrictYAMLDecoder(file: "company.yml").decode(CompanyInfo.self, from: company)
        #expect(problems.isEmpty, "\(problems)")
        #expect(info?.legalName == "Acme \"Ltd\"")
        #expect(info?.jurisdictions.map(\.id) == ["gdpr", "ccpa", "in-dpdp"])

        let french = try text(files, "fr/privacy.md")
        let front = String(french.split(separator: "---\n")[0])
        let (policy, policyProblems) = StrictYAMLDecoder(file: "privacy.md").decode(PolicyFrontMatter.self, from: front)
        #expect(policyProblems.isEmpty, "\(policyProblems)")
        #expect(policy?.title == "Politique de confidentialité")
        #expect(policy?.effective == today)
        // GDPR's general rights, then CCPA's and the DPDP Act's own vocabulary as regional blocks.
        #expect(policy?.rights?.rights.contains(.portability) == true)
        #expect(policy?.regionalRights.map(\.jurisdiction.id) == ["ccpa", "in-dpdp"])
        #expect(policy?.regionalRights.last?.items.map(\.right) == ["grievance", "nominate"])
        #expect(french.contains("## Vos droits {#rights}"))
        #expect(!Placeholder.find(in: french, file: "fr").isEmpty)
        #expect(!Placeholder.find(in: company, file: "company.yml").isEmpty)
    }

    @Test func withoutRegimesThePolicyListsTheBaseRights() throws {
        let files = try Scaffolder(themesPath: Self.themes, today: today).company(
            slug: "solo", name: nil, languages: [], jurisdictions: [], contentPath: try site())
        let english = try text(files, "en/privacy.md")
        #expect(english.contains("- right: access") && english.contains("- right: complaint") && !english.contains("portability"))
        #expect(!english.contains("regional_rights"))
    }

    @Test func badRequestsAreRefusedWithTheReason() throws {
        let content = try site()
        let scaffolder = Scaffolder(themesPath: Self.themes, today: today)
        #expect(throws: ScaffoldError.badSlug("Acme Corp")) {
            try scaffolder.company(slug: "Acme Corp", name: nil, languages: [], jurisdictions: [], contentPath: content)
        }
        #expect(throws: ScaffoldError.self) { try scaffolder.company(slug: "acme", name: nil, languages: [], jurisdictions: ["gdrp"], contentPath: content) }
        #expect(throws: ScaffoldError.noSite("/nowhere")) {
            try scaffolder.company(slug: "acme", name: nil, languages: [], jurisdictions: [], contentPath: "/nowhere")
        }
        #expect(throws: ScaffoldError.self) { try scaffolder.language(LanguageCode("fr")!, company: "ghost", contentPath: content) }
        do {
            _ = try scaffolder.company(slug: "acme", name: nil, languages: [], jurisdictions: ["gdrp"], contentPath: content)
        } catch {
            #expect("\(error)".contains("expected one of: gdpr"))
        }
    }

    @Test func aLanguageListGainsTheNewLanguageInEitherStyle() {
        let scaffolder = Scaffolder(themesPath: Self.themes, today: today)
        let fr = LanguageCode("fr")!
        #expect(scaffolder.adding(fr, toLanguagesIn: "a: 1\nlanguages: [en]\nb: 2") == "a: 1\nlanguages: [en, fr]\nb: 2")
        #expect(scaffolder.adding(fr, toLanguagesIn: "languages: []\n") == "languages: [fr]\n")
        #expect(scaffolder.adding(fr, toLanguagesIn: "languages:\n    - en\n    - ar\nb: 2") == "languages:\n    - en\n    - ar\n    - fr\nb: 2")
        #expect(scaffolder.adding(fr, toLanguagesIn: "legal_name: A\n") == nil)
    }

    @Test func aTranslationCopyKeepsTheDataAndAsksForTranslation() {
        let source = "---\ntitle: Privacy policy\nversion: \"1.2\"\n---\n\nIntro.\n"
        let copy = PolicySkeleton.translationCopy(of: source, from: LanguageCode("en")!, to: LanguageCode("de")!, title: "Datenschutzerklärung")
        #expect(
            copy
                == "---\ntitle: \"Datenschutzerklärung\"\nversion: \"1.2\"\n---\n\n[[TODO: translate this text and its front matter from en into de, then delete this line]]\n\nIntro.\n"
        )
    }

    @Test func placeholdersAreFoundWithTheirColumn() {
        let found = Placeholder.find(in: "a\nx: \"[[TODO: one]]\" [[TODO: two]]\n# [[TODO: three", file: "f.yml")
        #expect(found.map(\.location.description) == ["f.yml:2:5", "f.yml:2:20", "f.yml:3:3"])
        #expect(found.first?.message == "placeholder left: [[TODO: one]]")
    }
}
