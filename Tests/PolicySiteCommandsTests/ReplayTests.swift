import Foundation
import Testing

/// Replays five published versions of a large made-up policy (Tests/Fixtures/replay, written by
/// its generate.py): every field of the model changes at least once, `###` sections come and go,
/// a section is renamed, another moves, a cookie moves to another category, a link target and
/// the DPO change, and version 2.0 is announced 30 days before it takes effect.
/// `policysite diff` must print exactly the reviewed expected text (every change, nothing
/// else), and each diff page must list the same changes.
@Suite(.serialized) struct ReplayTests {
    static let fixture = CLI.root.appendingPathComponent("Tests/Fixtures/replay")
    static let themes = CLI.root.appendingPathComponent("themes").path
    static let steps: [(snapshot: String, version: String, date: String, extra: [String])] = [
        ("v1", "1.0", "2021-03-01", []),
        ("v2", "1.1", "2021-09-15", []),
        ("v3", "1.2", "2022-02-01", []),
        ("v4", "1.3", "2022-06-01", []),
        ("v5", "2.0", "2022-09-01", ["--effective", "2022-10-01", "--major"]),
    ]

    /// Publishes every step into a fresh folder; returns it.
    static func replay() throws -> URL {
        let folder = try CLI.temporaryDirectory("replay")
        let themes = CLI.root.appendingPathComponent("themes").path
        let files = FileManager.default
        for step in steps {
            let source = fixture.appendingPathComponent("\(step.snapshot)/content")
            if step.snapshot == "v1" {
                try files.copyItem(at: source, to: folder.appendingPathComponent("content"))
            } else {
                for path in ["northwind/company.yml", "northwind/en/privacy.md"] {
                    let target = folder.appendingPathComponent("content/\(path)")
                    try files.removeItem(at: target)
                    try files.copyItem(at: source.appendingPathComponent(path), to: target)
                }
            }
            let result = try CLI.run(
                ["publish", "northwind", "--summary", "Version \(step.version)", "--date", step.date, "--themes", themes] + step.extra, in: folder)
            #expect(result.status == 0, "publishing \(step.version): \(result.stderr)")
            #expect(result.stdout == "Published northwind \(step.version) (\(step.date)), languages: en\n")
        }
        return folder
    }

    @Test func everyChangeAppearsInTheTerminalDiffAndNothingElse() throws {
        let folder = try Self.replay()
        let check = try CLI.run(["check", "--strict", "--themes", CLI.root.appendingPathComponent("themes").path], in: folder)
        #expect(check.status == 0, "\(check.stderr)")
        for (old, new) in zip(Self.steps, Self.steps.dropFirst()) {
            let result = try CLI.run(
                ["diff", "northwind", old.version, new.version, "--color", "never", "--width", "100", "--themes", Self.themes], in: folder)
            #expect(result.status == 0)
            let expected = try read(Self.fixture.appendingPathComponent("expected/\(old.version)-\(new.version).txt"))
            #expect(result.stdout == expected, "diff \(old.version) → \(new.version) differs from the reviewed text")
        }
        let stat = try CLI.run(["diff", "northwind", "1.0", "2.0", "--stat", "--color", "never", "--themes", Self.themes], in: folder)
        #expect(stat.stdout == (try read(Self.fixture.appendingPathComponent("expected/1.0-2.0.stat.txt"))))
        // Sections that never changed are never mentioned.
        let all = try CLI.run(["diff", "northwind", "1.0", "2.0", "--color", "never", "--themes", Self.themes], in: folder)
        #expect(!all.stdout.contains("Who we are") && !all.stdout.contains("## What we collect"))
        let same = try CLI.run(["diff", "northwind", "2.0", "current", "--color", "never", "--themes", Self.themes], in: folder)
        #expect(same.stdout == "Changes from 2.0 to current (2.0, not published)\nNo differences.\n")
    }

    /// The structured changes of each diff page, one per table row, and its changed sections.
    static func rows(_ html: String) -> Int { html.components(separatedBy: "<tr class=\"change-").count - 1 }

    @Test func diffPagesListTheSameChangesAndTheAnnouncedVersionWaitsForItsDate() throws {
        let folder = try Self.replay()
        let themes = CLI.root.appendingPathComponent("themes").path
        let before = try CLI.run(["build", "--as-of", "2022-09-15", "--output", "out", "--themes", themes], in: folder)
        #expect(before.status == 0, "\(before.stderr)")
        let site = folder.appendingPathComponent("out/northwind/en")
        for (old, new) in zip(Self.steps, Self.steps.dropFirst()) {
            let expected = try read(Self.fixture.appendingPathComponent("expected/\(old.version)-\(new.version).txt"))
            let fieldLines = expected.split(separator: "\n").filter { ["~ ", "+ ", "- ", "> "].contains($0.prefix(2)) && !$0.contains(" link \"") }
            let sectionTitles = expected.split(separator: "\n").filter { $0.hasPrefix("#") }
            let page = try read(site.appendingPathComponent("diff/\(old.version)-\(new.version)/index.html"))
            let structured = page.components(separatedBy: "<section class=\"diff-section").first ?? page
            // Each field change is one row; prose lines are counted within their sections.
            let proseLines = expected.components(separatedBy: "\n\n#").dropFirst().flatMap { $0.split(separator: "\n").dropFirst() }
                .filter { ["~ ", "+ ", "- "].contains($0.prefix(2)) && !$0.contains(" link \"") }
            #expect(Self.rows(structured) == fieldLines.count - proseLines.count, "rows on diff \(old.version)-\(new.version)")
            #expect(page.components(separatedBy: "<section class=\"diff-section").count - 1 == sectionTitles.count)
        }
        let moved = try read(site.appendingPathComponent("diff/1.0-1.1/index.html"))
        #expect(moved.contains("(moved from Cookies › Analytics › _nw_b)"))
        #expect(moved.contains("China") && moved.contains("Established in"))
        #expect(moved.contains("<del dir=\"ltr\">https://northwind.example/security</del> → <ins dir=\"ltr\">https://trust.northwind.example/security</ins>"))
        let company = try read(site.appendingPathComponent("diff/1.1-1.2/index.html"))
        #expect(company.contains("Data protection officer") && company.contains("Jonas Weber"))

        // Announced on 2022-09-01, in force on 2022-10-01: until then 1.3 applies.
        let current = try read(site.appendingPathComponent("index.html"))
        #expect(current.contains("Version 2.0 takes effect on October 1, 2022; until then this version applies."))
        #expect(current.contains("href=\"diff/1.3-2.0/index.html\""))
        #expect(current.contains("<h1 id=\"page-title\">Privacy Notice</h1>") && !current.contains("Fjord Chat"))
        let upcoming = try read(site.appendingPathComponent("versions/2.0/index.html"))
        #expect(upcoming.contains("This version takes effect on October 1, 2022."))
        // The archived 1.0 page shows the company as it was: no DPO yet.
        let first = try read(site.appendingPathComponent("versions/1.0/index.html"))
        #expect(first.contains("Northwind Cloud, Inc.") && !first.contains("Jonas Weber"))

        let after = try CLI.run(["build", "--as-of", "2022-10-01", "--output", "out", "--themes", themes], in: folder)
        #expect(after.status == 0, "\(after.stderr)")
        let switched = try read(site.appendingPathComponent("index.html"))
        #expect(!switched.contains("takes effect") && switched.contains("Fjord Chat"))
        #expect(try read(site.appendingPathComponent("versions/1.3/index.html")).contains("This version was superseded on October 1, 2022."))
    }
}
