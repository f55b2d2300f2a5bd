import Foundation
import PolicyFiles
import Testing

/// `publish`, `versions` and `diff` on a copy of Tests/Fixtures/history (Acme, en + fr).
@Suite struct PublishCommandTests {
    let folder: URL
    var themes: String { CLI.root.appendingPathComponent("themes").path }

    init() throws {
        folder = try CLI.temporaryDirectory("publish")
        try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("Tests/Fixtures/history/content"), to: folder.appendingPathComponent("content"))
    }

    func run(_ arguments: [String]) throws -> CLI.Result {
        try CLI.run(arguments + ["--themes", themes], in: folder)
    }

    func file(_ path: String) throws -> String { try read(folder.appendingPathComponent(path)) }

    /// Every file under content/ with its bytes, to prove a failed publish wrote nothing.
    func snapshot() throws -> [String: Data] {
        let content = folder.appendingPathComponent("content")
        var files: [String: Data] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: content.path) {
            let url = content.appendingPathComponent(path)
            if let data = try? Data(contentsOf: url) { files[path] = data } else { files[path] = Data("<dir>".utf8) }
        }
        return files
    }

    func publishTwoVersions() throws {
        let first = try run(["publish", "acme", "--summary", "First published version.", "--date", "2025-01-01"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == "Published acme 1.0 (2025-01-01), languages: en, fr\n")
        try edit("content/acme/en/privacy.md") {
            $0.replacingOccurrences(of: "period: 6 months", with: "period: 3 months")
                .replacingOccurrences(of: "We keep server logs to find faults.", with: "We keep server logs to find faults. We delete them sooner now.")
        }
        let second = try run([
            "publish", "acme", "--summary", "Logs are kept for 3 months.", "--date", "2025-06-01", "--change", "Retention of server logs shortened",
        ])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout == "Published acme 1.1 (2025-06-01), languages: en\n")
    }

    func edit(_ path: String, _ change: (String) -> String) throws {
        try change(try file(path)).write(to: folder.appendingPathComponent(path), atomically: true, encoding: .utf8)
    }

    @Test func publishingTwoVersionsArchivesAndRecordsThem() throws {
        try publishTwoVersions()
        #expect(try file("content/acme/en/privacy.md").contains("version: \"1.1\"\neffective: 2025-06-01\nlast_updated: 2025-06-01"))
        // The French text did not change: it keeps its version and shows as out of date.
        #expect(try file("content/acme/fr/privacy.md").contains("version: \"1.0\""))
        #expect(try file("content/acme/versions/1.0/en/privacy.md").contains("period: 6 months"))
        #expect(try file("content/acme/versions/1.1/en/privacy.md") == (try file("content/acme/en/privacy.md")))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("content/acme/versions/1.1/fr/privacy.md").path))
        let changelog = try file("content/acme/changelog.yml")
        #expect(changelog.contains("  - version: \"1.0\"\n    date: 2025-01-01\n    summary: \"First published version.\"\n    archive_hash: "))
        #expect(
            changelog.contains(
                "  - version: \"1.1\"\n    date: 2025-06-01\n    summary: \"Logs are kept for 3 months.\"\n    changes:\n      - \"Retention of server logs shortened\"\n"
            ))

        let versions = try run(["versions", "acme", "--as-of", "2026-12-07"])
        #expect(
            versions.stdout
                == "1.1\tannounced 2025-06-01 · effective 2025-06-01\tLogs are kept for 3 months.  (current)\n1.0\tannounced 2025-01-01 · effective 2025-01-01\tFirst published version.  (archived, superseded on 2025-06-01 by 1.1)\n"
        )
        let diff = try run(["diff", "acme", "1.0", "1.1"])
        #expect(
            diff.stdout
                == "Changes from 1.0 to 1.1\n\nStructured data:\n~ effective: 2025-01-01 → 2025-06-01\n~ retention[Server logs].period: 6 months → 3 months\n\n## Logs\n+ We delete them sooner now.\n"
        )
    }

    @Test func theSiteShowsChangelogVersionsDiffAndFeed() throws {
        try publishTwoVersions()
        let build = try run(["build"])
        #expect(build.status == 0, "\(build.stderr)")
        #expect(build.stderr.contains("content/acme/fr/privacy.md:3:1: warning: translation is version 1.0 but the en source is version 1.1"))
        let changelog = try file("public/acme/en/changelog/index.html")
        #expect(changelog.contains("Logs are kept for 3 months."))
        #expect(changelog.contains("<a href=\"../versions/1.0/index.html\">Version 1.0</a>"))
        #expect(changelog.contains("<a href=\"../diff/1.0-1.1/index.html\">"))
        let old = try file("public/acme/en/versions/1.0/index.html")
        #expect(old.contains("This version was superseded on June 1, 2025."))
        #expect(old.contains("<a href=\"../../index.html\">Read the current version</a>"))
        #expect(old.contains("6 months"))
        let diff = try file("public/acme/en/diff/1.0-1.1/index.html")
        #expect(
            diff.contains(
                "<th scope=\"row\">Changed: How long we keep your data › Server logs › Retention period</th><td data-label=\"Before\"><del>6 months</del></td><td data-label=\"After\"><ins>3 months</ins></td>"
            ))
        #expect(
            diff.contains(
                "<th scope=\"row\">Changed: Effective</th><td data-label=\"Before\"><del>January 1, 2025</del></td><td data-label=\"After\"><ins>June 1, 2025</ins></td>"
            ))
        // A sentence added whole is marked by a bar, not underlined word by word.
        #expect(diff.contains("<ins class=\"diff-whole\">We delete them sooner now.</ins>"))
        let feed = try file("public/acme/en/feed.xml")
        #expect(feed.components(separatedBy: "<entry>").count == 3)
        #expect(feed.contains("<id>https://example.org/acme/en/versions/1.1/</id>"))
        #expect(try file("public/acme/en/index.html").contains("<link rel=\"alternate\" type=\"application/atom+xml\""))
        let frenchOld = try file("public/acme/fr/versions/1.0/index.html")
        #expect(frenchOld.contains("<html lang=\"fr\""))
        // A relative link in the body still reaches its page from the archived copy.
        #expect(old.contains("<a href=\"../../cookies/\">the cookie page</a>"))
        let check = try run(["check"])
        #expect(check.status == 0, "\(check.stderr)")
    }

    @Test func aChangeOfCompanyFactsAloneIsANewVersionAndArchivedPagesKeepTheOldFacts() throws {
        try publishTwoVersions()
        try edit("content/acme/company.yml") { $0 + "dpo: {name: Dana Ortiz, email: dpo@acme.example}\n" }
        // Publishing stamps every language with 1.2 here, so the French, left at 1.0's six
        // months, must state 1.1's period first: at one version, every language states the same facts.
        let staleFrench = try run(["publish", "acme", "--summary", "A DPO is appointed.", "--date", "2025-07-01"])
        #expect(staleFrench.status == 1)
        #expect(staleFrench.stderr.contains("error: retention period of 'Journaux du serveur' is '6 months' here, but '3 months'"), "\(staleFrench.stderr)")
        try edit("content/acme/fr/privacy.md") { $0.replacingOccurrences(of: "period: 6 months", with: "period: 3 months") }
        let published = try run(["publish", "acme", "--summary", "A DPO is appointed.", "--date", "2025-07-01"])
        #expect(published.status == 0, "\(published.stderr)")
        #expect(published.stdout == "Published acme 1.2 (2025-07-01), languages: en, fr\n")
        #expect(try file("content/acme/versions/1.2/company.yml").contains("dpo: {name: Dana Ortiz"))
        let diff = try run(["diff", "acme", "1.1", "1.2"])
        #expect(diff.stdout.contains("+ company.dpo[Dana Ortiz] = name: Dana Ortiz; email: dpo@acme.example\n"))
        #expect(try run(["build"]).status == 0)
        #expect(try file("public/acme/en/contact/index.html").contains("Dana Ortiz"))
        #expect(try !file("public/acme/en/versions/1.1/index.html").contains("Dana Ortiz"), "1.1 was published before the DPO")
        #expect(try file("public/acme/en/versions/1.2/index.html").contains("Dana Ortiz"))
        // Editing the frozen facts is tampering, like editing a frozen text.
        try edit("content/acme/versions/1.2/company.yml") { $0.replacingOccurrences(of: "Dana Ortiz", with: "Someone Else") }
        #expect(try run(["check"]).stderr.contains("archived version 1.2 was changed after it was published"))
    }

    @Test func aVersionAnnouncedAheadPassesCheckAndWaitsForItsDate() throws {
        let today = PolicyDateForTests.today, later = PolicyDateForTests.today(plusDays: 30)
        let published = try run(["publish", "acme", "--summary", "Announced ahead.", "--effective", later])
        #expect(published.status == 0, "\(published.stderr)")
        #expect(try file("content/acme/en/privacy.md").contains("effective: \(later)\nlast_updated: \(today)"))
        let check = try run(["check", "--strict"])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(try run(["build"]).status == 0)
        #expect(try file("public/acme/en/index.html").contains("This version takes effect on"))
    }

    @Test func theFirstVersionHasItsChangelogAndFeedEntryBeforeAnyPublish() throws {
        #expect(try run(["build"]).status == 0)
        let changelog = try file("public/acme/en/changelog/index.html")
        #expect(changelog.contains("<h3>Version 1.0"))
        #expect(!changelog.contains("No versions have been published yet"))
        #expect(try file("public/acme/en/feed.xml").components(separatedBy: "<entry>").count == 2)
    }

    @Test func contentErrorsInVersionsAndDiffExitOneWithTheErrors() throws {
        try edit("content/acme/en/privacy.md") { $0.replacingOccurrences(of: "title:", with: "titel:") }
        for command in [["versions", "acme"], ["diff", "acme", "1.0"]] {
            let result = try run(command)
            #expect(result.status == 1)
            #expect(result.stderr.contains("content/acme/en/privacy.md:2:1: error: unknown field 'titel'"))
            #expect(!result.stderr.contains("USAGE"))
        }
    }

    @Test func anEditedArchivedVersionFailsTheBuild() throws {
        try publishTwoVersions()
        #expect(try run(["build"]).status == 0)
        try edit("content/acme/versions/1.0/en/privacy.md") { $0.replacingOccurrences(of: "6 months", with: "1 month") }
        let build = try run(["build"])
        #expect(build.status == 1)
        #expect(
            build.stderr.contains(
                "content/acme/versions/1.0/en/privacy.md: error: archived version 1.0 was changed after it was published (its files no longer match the archive_hash in content/acme/changelog.yml); expected published versions to stay as they are: restore whichever of content/acme/versions/1.0 and that archive_hash"
            ))
    }

    @Test func failedPublishesLeaveEveryFileAsItWas() throws {
        try publishTwoVersions()
        let before = try snapshot()
        let attempts: [([String], String)] = [
            (["publish", "acme", "--summary", "Again"], "error: acme: nothing changed since version 1.1; edit the policy first, nothing was written"),
            (["publish", "nobody", "--summary", "x"], "error: no company 'nobody' in content/; expected one of: acme"),
        ]
        for (arguments, message) in attempts {
            let result = try run(arguments)
            #expect(result.status == 1)
            #expect(result.stderr == message + "\n")
            #expect(try snapshot() == before)
        }
        try edit("content/acme/en/privacy.md") { $0.replacingOccurrences(of: "Acme sells anvils.", with: "Acme sells anvils and hammers.") }
        let edited = try snapshot()
        let backwards = try run(["publish", "acme", "--summary", "x", "--date", "2025-05-01"])
        #expect(
            backwards.stderr == "error: acme: --date 2025-05-01 is before the last published version (2025-06-01); expected a date on or after 2025-06-01\n")
        #expect(try snapshot() == edited)
        try edit("content/acme/en/privacy.md") { $0.replacingOccurrences(of: "effective: 2025-06-01", with: "effective: someday") }
        let broken = try snapshot()
        let invalid = try run(["publish", "acme", "--summary", "x"])
        #expect(invalid.status == 1)
        #expect(invalid.stderr.hasPrefix("content/acme/en/privacy.md:4:12: error: 'someday' is not a valid date"))
        #expect(try snapshot() == broken)
        #expect(try run(["publish", "--all", "acme", "--summary", "x"]).status != 0)
    }

    /// Options `check` would reject, or that would give a site that can never show a version,
    /// are refused with what was expected, and nothing is written.
    @Test func implausibleOptionsAreRefusedAndWriteNothing() throws {
        let later = PolicyDateForTests.today(plusDays: 30), sooner = PolicyDateForTests.today(plusDays: 10)
        let announced = try run(["publish", "acme", "--summary", "Announced ahead.", "--effective", later])
        #expect(announced.status == 0, "\(announced.stderr)")
        try edit("content/acme/en/privacy.md") { $0.replacingOccurrences(of: "Acme sells anvils.", with: "Acme sells anvils and hammers.") }
        let before = try snapshot()
        let attempts: [([String], String)] = [
            (["--summary", "Bell \u{7} in the feed"], "error: --summary has the control character U+0007 at character 6; expected plain text"),
            (["--summary", "Fine", "--change", "Escape \u{1B}[31m"], "error: --change has the control character U+001B at character 8"),
            (
                ["--summary", "Ancient", "--date", "0001-01-01"],
                "error: --date 0001-01-01 is not a plausible publication date; expected a date from 1990-01-01 to today"
            ),
            (["--summary", "Tomorrow", "--date", PolicyDateForTests.today(plusDays: 1)], "is not a plausible publication date"),
            (["--summary", "Backwards", "--effective", "2020-01-01"], "error: --effective 2020-01-01 is before the publication date"),
            (["--summary", "Far", "--effective", "2999-01-01"], "error: --effective 2999-01-01 is more than 5 years after the publication date"),
            // 1.0 takes effect in 30 days: a version in force sooner would leave 1.0 never applying.
            (["--summary", "Overtakes"], "error: acme: version 1.0, published earlier, takes effect on \(later), after this version's effective date"),
            (["--summary", "Overtakes", "--effective", sooner], "takes effect on \(later), after this version's effective date \(sooner)"),
        ]
        for (arguments, message) in attempts {
            let result = try run(["publish", "acme"] + arguments)
            #expect(result.status == 1, "\(arguments): \(result.stdout)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
            #expect(try snapshot() == before, "\(arguments) wrote files")
        }
        // On or after 1.0's date it is accepted, and `check` accepts what it wrote.
        let accepted = try run(["publish", "acme", "--summary", "Tabs\tand\nlines are text.", "--effective", later])
        #expect(accepted.status == 0, "\(accepted.stderr)")
        let check = try run(["check"])
        #expect(check.status == 0, "\(check.stderr)")
    }
}

/// Today as `YYYY-MM-DD` in UTC, as `publish` stamps it.
enum PolicyDateForTests {
    static var today: String { today(plusDays: 0) }

    static func today(plusDays days: Int) -> String {
        let formatter = DateFormatter()
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date().addingTimeInterval(Double(days) * 86_400))
    }
}
