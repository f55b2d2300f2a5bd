import Foundation
import PolicyFiles
import Testing

/// Every language of a policy states the same structured facts; only the words may differ.
/// One policy in English and French, the French changed one fact at a time: each change is
/// reported, at the French line and naming the English one.
@Suite struct TranslationFactsTests {
    static let english = """
        ---
        title: Privacy Policy
        version: "1.0"
        effective: 2025-01-01
        last_updated: 2025-02-01
        cookies:
          - category: essential
            purpose: Keep you signed in
            cookies:
              - name: acme_session
                provider: Acme
                purpose: Sign-in
                duration: session
              - name: acme_lang
                provider: Acme
                purpose: Remember your language
                duration: 1 year
        retention:
          - data: Account data
            period: 2 years
        third_parties:
          - name: Mailchimp
            purpose: Newsletter
            role: processor
        transfers:
          - destination: United States
            country: US
            safeguards: Standard contractual clauses
        rights:
          items:
            - right: access
            - right: erasure
        ---
        ## Introduction

        We keep little data.

        """

    /// The same facts in French words, line for line, so both files' lines are the same numbers.
    static let french =
        english
        .replacingOccurrences(of: "title: Privacy Policy", with: "title: Politique de confidentialité")
        .replacingOccurrences(of: "Keep you signed in", with: "Vous garder connecté")
        .replacingOccurrences(of: "purpose: Sign-in", with: "purpose: Connexion")
        .replacingOccurrences(of: "Remember your language", with: "Retenir votre langue")
        .replacingOccurrences(of: "Account data", with: "Données du compte")
        .replacingOccurrences(of: "purpose: Newsletter", with: "purpose: Lettre d'information")
        .replacingOccurrences(of: "destination: United States", with: "destination: États-Unis")
        .replacingOccurrences(of: "Standard contractual clauses", with: "Clauses contractuelles types")
        .replacingOccurrences(of: "We keep little data.", with: "Nous conservons peu de données.")

    /// One fact changed in the French text, and where the report must point in each file.
    struct Change: CustomStringConvertible, Sendable {
        var description: String
        var from: String
        var to: String
        /// `line:column` in fr/privacy.md and in en/privacy.md.
        var french: String
        var english: String
        /// A renamed cookie or category is one missing and one extra: two reports.
        var reports = 1
    }

    static let changes: [Change] = [
        Change(
            description: "a cookie left out",
            from: "      - name: acme_lang\n        provider: Acme\n        purpose: Retenir votre langue\n        duration: 1 year\n",
            to: "", french: "7:15", english: "14:9"),
        Change(
            description: "a cookie added", from: "        duration: 1 year\n",
            to: "        duration: 1 year\n      - {name: acme_ab, provider: Acme, purpose: Test, duration: 1 day}\n",
            french: "18:9", english: "7:15"),
        Change(description: "a cookie renamed", from: "name: acme_lang", to: "name: acme_langue", french: "14:9", english: "7:15", reports: 2),
        Change(
            description: "a provider", from: "        provider: Acme\n        purpose: Connexion", to: "        provider: Acme SAS\n        purpose: Connexion",
            french: "10:9", english: "10:9"),
        Change(description: "a duration", from: "duration: session", to: "duration: 1 day", french: "10:9", english: "10:9"),
        Change(description: "a duration left out", from: "        duration: 1 year\n", to: "", french: "14:9", english: "14:9"),
        Change(description: "a cookie category", from: "category: essential", to: "category: preferences", french: "6:1", english: "7:15", reports: 2),
        Change(description: "a retention period", from: "period: 2 years", to: "period: 3 years", french: "19:5", english: "19:5"),
        Change(description: "a retention rule left out", from: "  - data: Données du compte\n    period: 2 years\n", to: "", french: "18:1", english: "19:5"),
        Change(description: "a recipient's role", from: "role: processor", to: "role: controller", french: "22:5", english: "22:5"),
        Change(
            description: "a recipient's privacy policy", from: "role: processor",
            to: "role: processor\n    privacy_policy: https://mailchimp.com/legal/privacy/",
            french: "22:5", english: "22:5"),
        Change(
            description: "a recipient added", from: "transfers:\n", to: "  - name: Stripe\n    purpose: Paiements\ntransfers:\n", french: "25:5",
            english: "21:1"),
        Change(
            description: "a recipient left out", from: "  - name: Mailchimp\n    purpose: Lettre d'information\n    role: processor\n", to: "", french: "21:1",
            english: "22:5"),
        Change(description: "a transfer country", from: "country: US", to: "country: CA", french: "26:5", english: "26:5"),
        Change(description: "a transfer country left out", from: "    country: US\n", to: "", french: "26:5", english: "26:5"),
        Change(
            description: "a transfer left out", from: "  - destination: États-Unis\n    country: US\n    safeguards: Clauses contractuelles types\n", to: "",
            french: "25:1", english: "26:5"),
        Change(description: "a right left out", from: "    - right: erasure\n", to: "", french: "29:1", english: "32:7"),
        Change(
            description: "a right added", from: "    - right: erasure\n", to: "    - right: erasure\n    - right: portability\n", french: "33:7",
            english: "29:1"),
    ]

    func site(french: String) throws -> URL {
        let folder = try CLI.temporaryDirectory("translation-facts-\(UUID().uuidString.prefix(8))")
        let fixture = CLI.root.appendingPathComponent("Tests/Fixtures/broken/translation-facts/content")
        let content = folder.appendingPathComponent("content")
        for language in ["en", "fr"] {
            try FileManager.default.createDirectory(at: content.appendingPathComponent("acme/\(language)"), withIntermediateDirectories: true)
        }
        for file in ["site.yml", "acme/company.yml"] {
            try FileManager.default.copyItem(at: fixture.appendingPathComponent(file), to: content.appendingPathComponent(file))
        }
        try Self.english.write(to: content.appendingPathComponent("acme/en/privacy.md"), atomically: false, encoding: .utf8)
        try french.write(to: content.appendingPathComponent("acme/fr/privacy.md"), atomically: false, encoding: .utf8)
        return folder
    }

    var themes: String { CLI.root.appendingPathComponent("themes").path }

    @Test func theSameFactsInOtherWordsPass() throws {
        let result = try CLI.run(["check", "--strict", "--themes", themes], in: try site(french: Self.french))
        #expect(result.status == 0, "\(result.stderr)")
    }

    /// A translation left at the older version states that version's facts: the source's new
    /// retention period is the stale warning's business, not a mismatch.
    @Test func aStaleTranslationIsComparedByCategoriesAndRightsOnly() throws {
        let folder = try site(french: Self.french.replacingOccurrences(of: "period: 2 years", with: "period: 3 years"))
        let english = folder.appendingPathComponent("content/acme/en/privacy.md")
        try Self.english.replacingOccurrences(of: "version: \"1.0\"", with: "version: \"1.1\"").write(to: english, atomically: false, encoding: .utf8)
        let result = try CLI.run(["check", "--themes", themes], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stderrLines.first?.hasPrefix("content/acme/fr/privacy.md:3:1: warning: translation is version 1.0 but the en source is version 1.1") == true)
        #expect(result.stderrLines.count == 2, "\(result.stderr)")
        // Rights still must agree.
        try Self.french.replacingOccurrences(of: "    - right: erasure\n", with: "").write(
            to: folder.appendingPathComponent("content/acme/fr/privacy.md"), atomically: false, encoding: .utf8)
        let rights = try CLI.run(["check", "--themes", themes], in: folder)
        #expect(rights.status == 1)
        #expect(rights.stderr.contains("content/acme/fr/privacy.md:29:1: error: right 'erasure' is missing here, but content/acme/en/privacy.md:32:7 lists it"))
    }

    @Test(arguments: changes)
    func eachChangedFactIsReportedWithBothLocations(_ change: Change) throws {
        #expect(Self.french.contains(change.from), "the change does not apply")
        let result = try CLI.run(["check", "--themes", themes], in: try site(french: Self.french.replacingOccurrences(of: change.from, with: change.to)))
        #expect(result.status == 1, "\(change): \(result.stderr)")
        let reports = result.stderrLines.filter { $0.hasPrefix("content/acme/fr/privacy.md:\(change.french): error: ") }
        #expect(reports.contains { $0.contains("content/acme/en/privacy.md:\(change.english)") }, "\(change): \(result.stderr)")
        // Nothing else: one fact, one report (a duplicate under another code would be noise),
        // each at the French file.
        let errors = result.stderrLines.dropLast()
        #expect(errors.count == change.reports, "\(change): \(result.stderr)")
        #expect(errors.allSatisfy { $0.hasPrefix("content/acme/fr/privacy.md:") && $0.contains("content/acme/en/privacy.md:") })
    }
}
