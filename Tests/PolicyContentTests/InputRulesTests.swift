import Foundation
import PolicyDiagnostics
import PolicyFiles
import PolicyModel
import PolicyText
import Testing

@testable import PolicyContent
@testable import PolicyYAML

/// Values `check --strict` used to accept although they are wrong, and inputs that cost far
/// more to read than their size: each is an error at its file and line.
@Suite("Input rules")
struct InputRulesTests {
    /// The error lines of loading the default content with `site`, `company` and `policy` swapped in.
    func problems(site: String = Content.site, company: String = Content.company(), policy: String = Content.policy()) -> [String] {
        var fs = Content.fileSystem(site: site, company: company)
        fs.write("content/acme/en/privacy.md", policy)
        return Content.load(fs).diagnostics.errors.map(\.description)
    }

    @Test func onlyAnUnquotedBooleanTurnsRawHTMLOn() {
        let quoted = problems(site: Content.site + "options:\n  allow_raw_html: \"yes\"\n")
        #expect(quoted.count == 1)
        #expect(
            quoted.first?.hasPrefix("content/site.yml:5:19: error: 'options.allow_raw_html' is the text 'yes' in quotes, not a boolean") == true, "\(quoted)")
        #expect(quoted.first?.hasSuffix("expected true or false without quotes") == true)
        #expect(problems(site: Content.site + "options:\n  allow_raw_html: 'true'\n").count == 1)
        #expect(problems(site: Content.site + "options:\n  allow_raw_html: true\n").isEmpty)
    }

    @Test func customCookieCategoriesAreNewWellFormedAndDeclaredOnce() {
        let site =
            Content.site + """
                custom_cookie_categories:
                  - id: functional
                    labels: {en: Functional}
                  - id: functional
                    labels: {en: Functional again}
                  - id: analytics
                    labels: {en: Statistics}
                  - id: ""
                    labels: {en: Nothing}
                  - id: <script>
                    labels: {en: Script}

                """
        let found = problems(site: site)
        #expect(
            found == [
                "content/site.yml:7:5: error: custom cookie category 'functional' is declared twice; expected each category once, with all its labels in one entry",
                "content/site.yml:9:5: error: custom cookie category 'analytics' redefines a built-in category; expected a new id; essential, analytics, preferences, marketing are built in and need no declaration",
                "content/site.yml:11:9: error: cookie category id is empty; expected a lowercase letter, then lowercase letters, digits, '_' or '-' (e.g. functional), at most 64 characters",
                "content/site.yml:13:9: error: cookie category id '<script>' is not an id; expected a lowercase letter, then lowercase letters, digits, '_' or '-' (e.g. functional), at most 64 characters",
            ], "\(found)")
    }

    @Test func titlesAndNamesAreNotEmpty() {
        let policy = problems(policy: Content.policy().replacingOccurrences(of: "title: Privacy Policy", with: "title: \"\""))
        #expect(policy == ["content/acme/en/privacy.md:2:8: error: 'title' is empty; expected the title as readers should see it"], "\(policy)")
        let site = problems(site: Content.site.replacingOccurrences(of: "title: Test site", with: "title: \"  \""))
        #expect(site == ["content/site.yml:1:8: error: 'title' is empty; expected the title as readers should see it"], "\(site)")
        let company = problems(company: Content.company().replacingOccurrences(of: "display_name: Acme", with: "display_name: ''"))
        #expect(company == ["content/acme/company.yml:2:15: error: 'display_name' is empty; expected the display_name as readers should see it"], "\(company)")
    }

    @Test func oneLineFieldsHaveABoundedLength() {
        let long = String(repeating: "Privacy-", count: 50)
        let found = problems(site: Content.site.replacingOccurrences(of: "title: Test site", with: "title: \(long)"))
        #expect(
            found == [
                "content/site.yml:1:8: error: 'title' is 400 characters long; expected at most 300 characters; put longer text in a description or the policy body"
            ],
            "\(found)")
    }

    @Test func versionNumbersAreCanonical() {
        for version in ["01.0", "1.00", "1.0.01", "+1.0"] {
            let found = problems(policy: Content.policy(version: version))
            #expect(found.count == 1 && found[0].hasPrefix("content/acme/en/privacy.md:3:10: error: version '\(version)' is not a version number"), "\(found)")
        }
        #expect(problems(policy: Content.policy(version: "1.00")).first?.contains("(a number has a leading zero)") == true)
        #expect(problems(policy: Content.policy(version: "1.10")).isEmpty)
        #expect(problems(policy: Content.policy(version: "0.0.10")).isEmpty)
    }

    @Test func controlCharactersInTextAreRefused() {
        let policy = Content.policy().replacingOccurrences(of: "title: Privacy Policy", with: #"title: "Privacy \e[31mPolicy""#)
        let found = problems(policy: policy)
        #expect(
            found == [
                "content/acme/en/privacy.md:2:8: error: 'title' holds the control character U+001B at character 9; expected text without control characters (only tabs and line breaks); delete it"
            ], "\(found)")
        let company = problems(company: Content.company(extra: #"phone: "+1 555\a 0100""# + "\n"))
        #expect(company.count == 1 && company[0].contains("'phone' holds the control character U+0007"), "\(company)")
        // Tabs and line breaks are text.
        #expect(problems(company: Content.company(extra: "phone: \"+1\\t555\\n0100\"\n")).isEmpty)
    }

    @Test func anAliasBombIsRefusedAtItsAnchor() {
        // 3,000 aliases of a 3,000-item list: 18 KB of YAML, nine million values expanded.
        let items = Array(repeating: "x", count: 3_000).joined(separator: ", ")
        let aliases = Array(repeating: "*a", count: 3_000).joined(separator: ", ")
        let company = Content.company(extra: "locales:\n  a: &a [\(items)]\n  b: &b [\(aliases)]\n")
        let found = problems(company: company)
        #expect(found.count == 1, "\(found.map { $0.prefix(300) })")
        #expect(
            found.first?.hasPrefix("content/acme/company.yml:5:") == true
                && found.first?.contains("error: aliases (*name) of the value anchored here repeat it until the document holds more than 300000 values")
                    == true,
            "\(found.map { $0.prefix(300) })")
        #expect(found.first?.hasSuffix("expected each value written out, or far fewer aliases of large anchored values") == true)
    }

    @Test func aFewAliasesStillWork() {
        let company = Content.company(extra: "locales: {en: &gb en-GB, fr: *gb}\naddress: &address [1 Main Street, Springfield]\n")
        #expect(problems(company: company).isEmpty)
    }

    @Test func aYAMLDocumentHasABoundedSize() {
        let description = String(repeating: "word ", count: 60_000)
        let found = problems(site: Content.site + "description: \(description)\n")
        #expect(found.count == 1, "\(found.map { $0.prefix(300) })")
        #expect(
            found.first?.hasPrefix("content/site.yml:1:1: error: the YAML is 293 KB, more than the 256 KB a content file's YAML may hold") == true,
            "\(found.map { $0.prefix(300) })")
        #expect(found.first?.hasSuffix("expected the facts of one site, company or policy; move long prose into the Markdown body") == true)
        let summary = problems(
            policy: Content.policy().replacingOccurrences(of: "title: Privacy Policy", with: "title: Privacy Policy\nsummary: \(description)"))
        #expect(summary.count == 1 && summary[0].hasPrefix("content/acme/en/privacy.md:2:1: error: the YAML is 293 KB"), "\(summary.map { $0.prefix(300) })")
    }

    @Test func anErrorQuotesOnlyTheStartOfALongValue() {
        let value = String(repeating: "9", count: 200_000)
        let found = problems(policy: Content.policy().replacingOccurrences(of: "effective: 2025-01-01", with: "effective: \(value)"))
        #expect(found.count == 1)
        let line = found.first ?? ""
        #expect(line.count < 400, "an error of \(line.count) characters")
        #expect(
            line.hasPrefix("content/acme/en/privacy.md:4:12: error: '\(String(repeating: "9", count: 80))…' is not a valid date; expected an ISO 8601 date"),
            "\(line.prefix(300))")
    }
}
