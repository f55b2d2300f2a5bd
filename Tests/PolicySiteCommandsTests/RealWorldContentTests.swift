import Foundation
import Testing

/// A policy far larger than the seeds (Tests/Fixtures/replay/v5: a US company with an EU
/// controller, a UK representative, an Indian grievance officer, two DPOs with postal
/// addresses, CCPA, GDPR, UK GDPR and DPDP rights, cookies with odd expiries, 100 recipients,
/// `###` sections) built and linted as a user would.
@Suite struct RealWorldContentTests {
    static let themes = CLI.root.appendingPathComponent("themes").path

    static func built() throws -> URL {
        let folder = try CLI.temporaryDirectory("realworld")
        try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("Tests/Fixtures/replay/v5/content"), to: folder.appendingPathComponent("content"))
        let result = try CLI.run(["build", "--strict", "--themes", themes, "--output", "out"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        return folder.appendingPathComponent("out/northwind/en")
    }

    @Test func contactPageNamesEveryEntityAndDPOWithWhomTheyServe() throws {
        let contact = try read(try Self.built().appendingPathComponent("contact/index.html"))
        #expect(
            contact.contains(
                "<dt>Controller</dt><dd><strong>Northwind Cloud Europe GmbH</strong><br><span class=\"serves\">For the European Economic Area</span>"))
        #expect(contact.contains("<dt>Representative</dt><dd><strong>Harbor Rep Ltd</strong><br><span class=\"serves\">For the United Kingdom</span>"))
        #expect(
            contact.contains(
                "<dt>Grievance officer</dt><dd><strong>Northwind Cloud India Pvt Ltd</strong><br><span class=\"serves\">For India</span><br>Priya Raman"))
        #expect(
            contact.contains(
                "<span class=\"serves\">For the European Economic Area, the United Kingdom</span><br>Jonas Weber<br><address>Friedrichstraße 10<br>10117 Berlin<br>Germany</address>"
            ))
        #expect(contact.contains("Registered with the Information Commissioner&#39;s Office (ICO): ZA123456"))
    }

    @Test func rightsPageShowsOneBlockPerDeclaredRegime() throws {
        let rights = try read(try Self.built().appendingPathComponent("rights/index.html"))
        #expect(rights.contains("<h2 id=\"rights-ccpa-heading\">If you are in California</h2>"))
        #expect(rights.contains("<dt>Right to correct</dt><dd>Ask us to correct inaccurate personal information, including through an authorised agent.</dd>"))
        #expect(rights.contains("Supervisory authority: <a href=\"https://cppa.ca.gov/\">the California Privacy Protection Agency</a>"))
        #expect(rights.contains("<h2 id=\"rights-in-dpdp-heading\">If you are in India</h2>"))
        #expect(!rights.contains("rights-uk-gdpr-heading"), "no block for a regime without regional rights")
    }

    @Test func cookiesWithOddExpiriesAndLongRecipientListsRender() throws {
        let site = try Self.built()
        let cookies = try read(site.appendingPathComponent("cookies/index.html"))
        #expect(cookies.contains("until you sign out"))
        #expect(cookies.contains(">8 hours<"))
        #expect(cookies.contains("<small>Only on <code>/admin</code></small>"))
        #expect(cookies.contains("<span class=\"muted\">Not stated</span>"), "a cookie without an expiry says so")
        let policy = try read(site.appendingPathComponent("index.html"))
        #expect(policy.contains("Vendor 100") && policy.contains("Fjord Chat"))
        #expect(policy.contains("Processed in") && policy.contains("Established in"))
    }

    @Test func lintChecksEachDeclaredRegime() throws {
        let folder = try CLI.temporaryDirectory("realworld-lint")
        try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("Tests/Fixtures/replay/v5/content"), to: folder.appendingPathComponent("content"))
        let result = try CLI.run(["lint", "--themes", Self.themes], in: folder)
        #expect(result.status == 0)
        #expect(
            result.stdout.split(separator: "\n") == [
                "content/northwind/en/privacy.md:1:1: warning: ccpa (§1798.121) Right to limit use of sensitive personal information: missing (right 'limit_sensitive' is not listed); expected it in regional_rights (jurisdiction: ccpa) items, or rights.items",
                "content/northwind/en/privacy.md:1:1: warning: gdpr (GDPR Art. 13(2)(b)) Rights of access, rectification, erasure, restriction, objection, portability: partial (missing objection); expected it in rights.items",
                "content/northwind/en/privacy.md:1:1: warning: uk-gdpr (GDPR Art. 13(2)(b)) Rights of access, rectification, erasure, restriction, objection, portability: partial (missing restriction, objection, portability); expected it in rights.items",
                "content/northwind/en/privacy.md:1:1: warning: uk-gdpr (GDPR Art. 13(2)(d)) Right to complain to a supervisory authority: missing (no right to complain to a supervisory authority); expected it in rights.items complaint, company.yml supervisory_authority",
                "content/northwind/en/privacy.md:1:1: warning: in-dpdp (s. 5(1)(iii), s. 13(3)) How to complain to the Data Protection Board: missing (right 'complaint' is not listed); expected it in regional_rights (jurisdiction: in-dpdp) items, or rights.items",
                "Northwind Cloud: ccpa: 12 of 13 items stated",
                "Northwind Cloud: gdpr: 11 of 12 items stated",
                "Northwind Cloud: uk-gdpr: 10 of 12 items stated",
                "Northwind Cloud: in-dpdp: 9 of 10 items stated",
            ])
    }
}
