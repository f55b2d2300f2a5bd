import Foundation
import PolicyFiles
import Testing

/// The life of a version (announced → upcoming → current → archived) on every page, file and
/// command, at dates before, between and after the six versions of Tests/Fixtures/lifecycle
/// (written by its generate.py; 2.1 and 2.2 are announced ahead). Every run names its date with
/// `--as-of`, so nothing depends on the day the tests run.
@Suite struct LifecycleTests {
    static let fixture = CLI.root.appendingPathComponent("Tests/Fixtures/lifecycle/content")
    static let themes = CLI.root.appendingPathComponent("themes").path
    let folder: URL

    init() throws {
        folder = try CLI.temporaryDirectory("lifecycle")
        try FileManager.default.copyItem(at: Self.fixture, to: folder.appendingPathComponent("content"))
    }

    func run(_ arguments: [String]) throws -> CLI.Result { try CLI.run(arguments + ["--themes", Self.themes], in: folder) }

    /// Builds the site as of `date` into `out-<date>/`; returns a reader of its files.
    func build(asOf date: String, _ extra: [String] = []) throws -> (String) throws -> String {
        let output = "out-\(date)"
        let result = try run(["build", "--as-of", date, "--output", output] + extra)
        #expect(result.status == 0, "build --as-of \(date): \(result.stderr)")
        return { path in try read(folder.appendingPathComponent(output).appendingPathComponent(path)) }
    }

    func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path) }

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// `version: status` of every entry of `policies.json` in `language`.
    func indexStatuses(_ text: String, language: String = "en") throws -> [String: String] {
        let entries = try #require(try json(text)["policies"] as? [[String: Any]]).filter { $0["language"] as? String == language }
        return Dictionary(entries.map { ($0["version"] as? String ?? "?", $0["status"] as? String ?? "?") }) { first, _ in first }
    }

    /// `version: status` of policy.json's list of versions.
    func listedStatuses(_ text: String) throws -> [String: String] {
        let versions = try #require(try json(text)["versions"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: versions.map { ($0["version"] as? String ?? "?", $0["status"] as? String ?? "?") })
    }

    @Test func twoVersionsAnnouncedAheadAreBothUpcomingEverywhere() throws {
        let file = try build(asOf: "2026-12-07")
        let current = try file("acme/en/index.html")
        #expect(current.contains("Version 2.0 of this policy."))
        #expect(current.contains("Version 2.1 takes effect on January 6, 2027; until then this version applies."))
        #expect(current.contains("Version 2.2 takes effect on March 1, 2027; until then this version applies."))
        // The nearer one first.
        #expect(current.components(separatedBy: "Version 2.1 takes effect").first.map { !$0.contains("Version 2.2 takes effect") } == true)

        let upcoming = try file("acme/en/versions/2.1/index.html")
        #expect(upcoming.contains("Upcoming version 2.1: announced November 2, 2026. This version takes effect on January 6, 2027."))
        #expect(!upcoming.contains("Archived version") && !upcoming.contains("superseded"))
        #expect(
            try file("acme/en/versions/2.2/index.html").contains(
                "Upcoming version 2.2: announced November 20, 2026. This version takes effect on March 1, 2027."))
        #expect(
            try file("acme/en/versions/2.0/index.html").contains("Version 2.0, the version in force: announced February 1, 2021 · effective April 1, 2021."))
        // Superseded on the effective date of the version that replaced each one.
        let superseded = [
            ("1.0", "Archived version 1.0: announced April 19, 2018 · effective May 25, 2018. This version was superseded on March 1, 2019."),
            ("1.1", "Archived version 1.1: announced March 1, 2019 · effective March 1, 2019. This version was superseded on February 1, 2020."),
            ("1.2", "Archived version 1.2: announced January 10, 2020 · effective February 1, 2020. This version was superseded on April 1, 2021."),
        ]
        for (version, note) in superseded { #expect(try file("acme/en/versions/\(version)/index.html").contains(note), "versions/\(version)") }

        let expected = ["1.0": "archived", "1.1": "archived", "1.2": "archived", "2.0": "current", "2.1": "upcoming", "2.2": "upcoming"]
        #expect(try indexStatuses(try file("policies.json")) == expected)
        #expect(try indexStatuses(try file("policies.json"), language: "fr") == expected)
        #expect(try listedStatuses(try file("acme/en/policy.json")) == expected)
        #expect(try json(try file("acme/en/policy.json"))["status"] as? String == "current")
        for (version, status) in expected {
            let data = try json(try file("acme/en/versions/\(version)/policy.json"))
            #expect(data["status"] as? String == status, "versions/\(version)/policy.json")
        }
        let index = try #require(try json(try file("policies.json"))["policies"] as? [[String: Any]])
        #expect(index.first { $0["version"] as? String == "2.1" }?["effective"] as? String == "2027-01-06")

        let changelog = try file("acme/en/changelog/index.html")
        #expect(
            changelog.contains(
                "Version 2.1 <span class=\"muted\">· announced <time datetime=\"2026-11-02\">November 2, 2026</time> · effective <time datetime=\"2027-01-06\">January 6, 2027</time> · <strong>upcoming</strong></span>"
            ))
        #expect(
            changelog.contains(
                "Version 2.0 <span class=\"muted\">· announced <time datetime=\"2021-02-01\">February 1, 2021</time> · effective <time datetime=\"2021-04-01\">April 1, 2021</time> · <strong>current</strong></span>"
            ))
        #expect(changelog.contains("Version 1.1 <span class=\"muted\">· <time datetime=\"2019-03-01\">March 1, 2019</time></span>"))
        let feed = try file("acme/en/feed.xml")
        #expect(feed.contains("<summary>Support chat added. (announced November 2, 2026 · effective January 6, 2027 · upcoming)</summary>"))
        #expect(feed.contains("<summary>Rewritten policy. (announced February 1, 2021 · effective April 1, 2021)</summary>"))
        #expect(feed.contains("<summary>Server logs kept for 3 months.</summary>"))

        let versions = try run(["versions", "acme", "--as-of", "2026-12-07"])
        #expect(versions.status == 0, "\(versions.stderr)")
        #expect(
            versions.stdout == """
                2.2\tannounced 2026-11-20 · effective 2027-03-01\tNewsletter added.  (upcoming)
                2.1\tannounced 2026-11-02 · effective 2027-01-06\tSupport chat added.  (upcoming)
                2.0\tannounced 2021-02-01 · effective 2021-04-01\tRewritten policy.  (current)
                1.2\tannounced 2020-01-10 · effective 2020-02-01\tNew analytics provider.  (archived, superseded on 2021-04-01 by 2.0)
                1.1\tannounced 2019-03-01 · effective 2019-03-01\tServer logs kept for 3 months.  (archived, superseded on 2020-02-01 by 1.2)
                1.0\tannounced 2018-04-19 · effective 2018-05-25\tFirst policy.  (archived, superseded on 2019-03-01 by 1.1)

                """)
    }

    /// What each date shows: the version in force then, only versions published by then, each
    /// with its status on that day.
    @Test func asOfShowsTheVersionInForceAndOnlyWhatWasPublishedByThen() throws {
        // Before 1.0 took effect: 1.0 is the page, marked, and nothing later exists.
        var file = try build(asOf: "2018-05-01")
        var page = try file("acme/en/index.html")
        #expect(page.contains("Version 1.0 of this policy.") && page.contains("This version takes effect on May 25, 2018."))
        #expect(try json(try file("acme/en/policy.json"))["status"] as? String == "upcoming")
        #expect(try indexStatuses(try file("policies.json")) == ["1.0": "upcoming"])
        #expect(try !exists("out-2018-05-01/acme/en/versions/1.1") && !(try file("acme/en/changelog/index.html")).contains("Version 1.1"))
        #expect(!(try file("acme/en/feed.xml")).contains("Rewritten policy"))
        var versions = try run(["versions", "acme", "--as-of", "2018-05-01"])
        #expect(versions.stdout == "1.0\tannounced 2018-04-19 · effective 2018-05-25\tFirst policy.  (upcoming)\n")

        // Between versions, with 2.0 not yet published.
        file = try build(asOf: "2020-12-01")
        page = try file("acme/en/index.html")
        #expect(page.contains("Version 1.2 of this policy.") && !page.contains("takes effect") && !page.contains("Version 2.0"))
        #expect(try !exists("out-2020-12-01/acme/en/versions/2.0") && !(try file("policies.json")).contains("\"2.0\""))
        #expect(try file("acme/en/versions/1.1/index.html").contains("This version was superseded on February 1, 2020."))
        #expect(try file("acme/en/versions/1.2/index.html").contains("Version 1.2, the version in force"))
        #expect(try indexStatuses(try file("policies.json")) == ["1.0": "archived", "1.1": "archived", "1.2": "current"])

        // 2.0 announced, not yet in force.
        file = try build(asOf: "2021-03-01")
        page = try file("acme/en/index.html")
        #expect(page.contains("Version 1.2 of this policy.") && page.contains("Version 2.0 takes effect on April 1, 2021; until then this version applies."))
        #expect(!page.contains("Version 2.1"))
        #expect(try file("acme/en/versions/2.0/index.html").contains("This version takes effect on April 1, 2021."))

        // 2.1 in force, 2.2 still announced.
        file = try build(asOf: "2027-02-01")
        page = try file("acme/en/index.html")
        #expect(page.contains("Version 2.1 of this policy.") && page.contains("Version 2.2 takes effect on March 1, 2027"))
        #expect(!page.contains("Version 2.1 takes effect"))
        #expect(try file("acme/en/versions/2.0/index.html").contains("This version was superseded on January 6, 2027."))
        versions = try run(["versions", "acme", "--as-of", "2027-02-01"])
        #expect(
            versions.stdout.hasPrefix(
                "2.2\tannounced 2026-11-20 · effective 2027-03-01\tNewsletter added.  (upcoming)\n2.1\tannounced 2026-11-02 · effective 2027-01-06\tSupport chat added.  (current)\n"
            ))

        // After both: 2.2 in force, 2.1 superseded on 2.2's effective date.
        file = try build(asOf: "2027-06-01")
        page = try file("acme/en/index.html")
        #expect(page.contains("Version 2.2 of this policy.") && !page.contains("takes effect"))
        #expect(try file("acme/en/versions/2.1/index.html").contains("This version was superseded on March 1, 2027."))
        #expect(try listedStatuses(try file("acme/en/policy.json"))["2.1"] == "archived")

        // Before anything was published there is no policy to show.
        let early = try run(["build", "--as-of", "2018-04-01", "--output", "out-early"])
        #expect(early.status == 1)
        #expect(early.stderr.contains("acme had published nothing by 2018-04-01 (its first version, 1.0, is dated 2018-04-19)"), "\(early.stderr)")
    }

    @Test func theFrenchChangelogAndFeedShowTheFrenchSummaryOrMarkTheEnglishOne() throws {
        let file = try build(asOf: "2026-12-07")
        // Both languages show 2.0 until 2.1 applies: the French text is not out of date.
        let page = try file("acme/fr/index.html")
        #expect(page.contains("Version 2.0 de cette politique.") && !page.contains("pas à jour"))
        #expect(!(try file("acme/fr/versions/1.0/index.html")).contains("pas à jour"))
        let changelog = try file("acme/fr/changelog/index.html")
        #expect(changelog.contains("<p>Première politique.</p>"))
        #expect(changelog.contains("<p lang=\"en\">Newsletter added.</p>"))
        #expect(!changelog.contains("First policy."))
        #expect(changelog.contains("annoncée le <time datetime=\"2026-11-02\">2 novembre 2026</time>"))
        let feed = try file("acme/fr/feed.xml")
        #expect(feed.contains("<summary>Première politique. (annoncée le 19 avril 2018 · en vigueur le 25 mai 2018)</summary>"))
        #expect(feed.contains("<summary xml:lang=\"en\">Newsletter added. (annoncée le 20 novembre 2026 · en vigueur le 1 mars 2027 · à venir)</summary>"))
    }

    @Test func publishTakesASummaryPerLanguage() throws {
        // The working texts are 2.2's: a change makes a new version.
        for language in ["en", "fr"] {
            let path = folder.appendingPathComponent("content/acme/\(language)/privacy.md")
            try (try read(path)).replacingOccurrences(of: "period: 3 months", with: "period: 2 months").write(to: path, atomically: true, encoding: .utf8)
        }
        let wrong = try run([
            "publish", "acme", "--summary", "Logs kept 2 months.", "--translation", "de=Protokolle.", "--date", "2026-12-01", "--effective", "2027-06-01",
        ])
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("acme has no 'de' text for --translation de; expected one of its other languages: fr"), "\(wrong.stderr)")
        let result = try run([
            "publish", "acme", "--summary", "Logs kept 2 months.", "--translation", "fr=Journaux conservés 2 mois.", "--date", "2026-12-01",
            // After 2.2 (2027-03-01): a version that took effect before an announced one would
            // leave that one never applying, and is refused.
            "--effective", "2027-06-01",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let changelog = try read(folder.appendingPathComponent("content/acme/changelog.yml"))
        #expect(changelog.contains("    summary: \"Logs kept 2 months.\"\n    translations:\n      fr: \"Journaux conservés 2 mois.\"\n"))
        let file = try build(asOf: "2026-12-07")
        #expect(try file("acme/fr/changelog/index.html").contains("<p>Journaux conservés 2 mois.</p>"))
        #expect(try file("acme/en/changelog/index.html").contains("<p>Logs kept 2 months.</p>"))
    }

    @Test func theContactCardCountriesAndDurationsReadAsText() throws {
        let file = try build(asOf: "2026-12-07")
        for path in ["acme/en/contact/index.html", "acme/en/versions/1.0/index.html", "acme/en/index.html"] {
            let page = try file(path)
            #expect(page.contains("10117 Berlin, Germany<br></address>"), "\(path)")
            #expect(!page.contains("false"), "\(path) prints false")
        }
        let english = try file("acme/en/index.html")
        // Both places of a recipient share the table's "Where" column, each with its label.
        #expect(english.contains("<span class=\"place\">Processed in: France</span>") && english.contains(": Germany</span>"))
        #expect(!english.contains(": FR</span>") && !english.contains(": DE</span>"))
        let french = try file("acme/fr/index.html")
        #expect(french.contains("France</span>") && french.contains("Allemagne</span>"))
        let cookies = try file("acme/en/cookies/index.html")
        #expect(cookies.contains("until the browser is closed") && cookies.contains("until the user logs out"))
        #expect(!cookies.contains("Until the browser"))
        #expect(try file("acme/fr/cookies/index.html").contains("jusqu&#39;à la fermeture du navigateur"))
    }

    /// A working text edited during the notice window is a draft: previewable, marked, checked.
    @Test func theDraftDuringTheNoticeWindowIsPreviewedAndChecked() throws {
        let clean = try run(["check", "--strict", "--as-of", "2026-12-07"])
        #expect(clean.status == 0, "\(clean.stderr)")
        let path = folder.appendingPathComponent("content/acme/en/privacy.md")
        try (try read(path)).replacingOccurrences(
            of: "We keep server logs to find faults.", with: "We keep server logs to find faults. A draft sentence, see [details](#no-such-anchor)."
        )
        .write(to: path, atomically: true, encoding: .utf8)

        let check = try run(["check", "--strict", "--as-of", "2026-12-07"])
        #expect(check.status == 1, "a broken anchor in the draft must fail check --strict")
        #expect(check.stderr.contains("#no-such-anchor"), "\(check.stderr)")

        let file = try build(asOf: "2026-12-07", ["--drafts"])
        let draft = try file("acme/en/draft/index.html")
        #expect(draft.contains("A draft sentence") && draft.contains("Draft: this text is not published."))
        #expect(draft.contains("<link rel=\"canonical\" href=\"https://policies.example.org/acme/en/\">"))
        #expect(!(try file("acme/en/index.html")).contains("A draft sentence"))
        #expect(!(try file("acme/en/versions/2.2/index.html")).contains("A draft sentence"))
        _ = try build(asOf: "2026-12-07")
        #expect(!exists("out-2026-12-07/acme/en/draft"), "drafts only with --drafts")
    }
}
