import Foundation
import PolicyFiles
import TestSupport
import Testing

/// A rewrite of a long policy (Tests/Fixtures/rewrite: v1 published as 1.0, v2 as 2.0): sections
/// renamed, moved, removed and added, a `##### Cookies` heading inside a list, an indented code
/// block, abbreviations, a table and a `###` section claim. `policysite diff` must print the
/// reviewed text, and the diff page must read without the source beside it.
@Suite(.serialized) struct RewriteDiffCommandTests {
    static let fixture = CLI.root.appendingPathComponent("Tests/Fixtures/rewrite")
    static let themes = CLI.root.appendingPathComponent("themes").path

    /// Publishes both versions into a fresh folder; returns it.
    static func publish() throws -> URL {
        let folder = try CLI.temporaryDirectory("rewrite")
        let files = FileManager.default
        try files.copyItem(at: fixture.appendingPathComponent("v1/content"), to: folder.appendingPathComponent("content"))
        let first = try CLI.run(["publish", "acme", "--summary", "First", "--date", "2020-02-01", "--themes", themes], in: folder)
        #expect(first.status == 0, "\(first.stderr)")
        for path in ["acme/company.yml", "acme/en/privacy.md"] {
            let target = folder.appendingPathComponent("content/\(path)")
            try files.removeItem(at: target)
            try files.copyItem(at: fixture.appendingPathComponent("v2/content/\(path)"), to: target)
        }
        let second = try CLI.run(["publish", "acme", "--summary", "Rewrite", "--date", "2022-06-15", "--major", "--themes", themes], in: folder)
        #expect(second.status == 0, "\(second.stderr)")
        return folder
    }

    @Test func theTerminalDiffNamesEachRenameOncePairsNothingUnrelatedAndFitsTheTerminal() throws {
        let folder = try Self.publish()
        let result = try CLI.run(["diff", "acme", "1.0", "2.0", "--color", "never", "--themes", Self.themes], in: folder, environment: ["COLUMNS": "80"])
        #expect(result.status == 0, "\(result.stderr)")
        let printed = result.stdout
        let lines = printed.split(separator: "\n", omittingEmptySubsequences: false)
        // A heading too long for the terminal continues on indented lines.
        let headings = printed.replacing(/\n +/, with: " ").split(separator: "\n")
        // Each renamed section once, under its new title.
        for (new, old) in [
            ("## How we communicate with you", "How we, and others, communicate with you"), ("### Payment details", "Payment information"),
            ("## How we use cookies", "Our use of cookies and tracking"), ("#### Cookie lifetimes", "Cookies"), ("## Developer access", "Integrations"),
        ] {
            #expect(headings.contains { $0 == "\(new) (renamed from \"\(old)\")" }, "\(new)\n\(printed)")
            #expect(headings.joined(separator: "\n").components(separatedBy: "\"\(old)\"").count == 2, "\(old) named more than once")
        }
        #expect(!printed.contains("[removed]\n- We receive") && !printed.contains("Payment information [removed]"))
        // The list's heading is new, not the `#### Cookies` section moved.
        #expect(lines.contains("##### Cookies [added]"))
        #expect(!printed.contains("[moved]") || lines.filter { $0.contains("[moved]") } == ["## Security [moved]"])
        // Removed where it stood, beside what took its place; nothing shared, nothing paired.
        let children = try #require(lines.firstIndex(of: "## Children [removed]")), choices = try #require(lines.firstIndex(of: "## Your choices [added]"))
        #expect(children < choices && lines[children..<choices].allSatisfy { !$0.hasPrefix("## ") || $0 == "## Children [removed]" })
        // Code lines and table rows marked one by one, the table with its header.
        #expect(
            printed.contains("~ curl -H \"Authorization: Bearer TOKEN\" [-https://api.example.com/v1/me-]\n~ {+https://api.example.com/v2/me+}\n"), "\(printed)"
        )
        #expect(printed.contains("+ Invoices · 10 years, as tax law requires\n"))
        // The sentence naming "Example, Inc." and its affiliate is one sentence.
        #expect(printed.contains("~ We are Example, Inc. and its EU affiliate Example Europe Ltd. process personal"))
        // No line wider than the terminal but the one holding an unbreakable URL.
        let wide = lines.filter { $0.count > 80 }
        #expect(wide.allSatisfy { $0.contains("://") && $0.split(separator: " ").contains { $0.count > 40 && $0.contains("://") } }, "\(wide)")
        let expected = try read(Self.fixture.appendingPathComponent("expected/1.0-2.0.txt"))
        #expect(printed == expected, "the diff differs from the reviewed text")
    }

    @Test func aSectionClaimOnALevelThreeHeadingIsWarnedAtItsLine() throws {
        let folder = try Self.publish()
        let check = try CLI.run(["check", "--themes", Self.themes], in: folder)
        #expect(check.stderr.contains("content/acme/en/privacy.md:65:1: warning"), "\(check.stderr)")
        #expect(check.stderr.contains("'### Cookies we use {#cookies}' is a level-3 heading"), "\(check.stderr)")
        #expect(check.stderr.contains("expected '## Cookies we use {#cookies}'"))
    }

    @Test func theDiffPageReadsWithoutTheSource() throws {
        let folder = try Self.publish()
        let build = try CLI.run(["build", "--output", "out", "--themes", Self.themes], in: folder)
        #expect(build.status == 0, "\(build.stderr)")
        let page = try String(contentsOf: folder.appendingPathComponent("out/acme/en/diff/1.0-2.0/index.html"), encoding: .utf8)
        // The untitled introduction has a name of its own; "Summary" at most once.
        #expect(page.contains(">Introduction</h2>"))
        #expect(page.components(separatedBy: ">Summary<").count <= 2)
        // Headings follow the document's levels, never skipping one.
        #expect(page.contains("<h3>Payment details</h3>") && page.contains("<h4>Cookie lifetimes</h4>") && page.contains("<h3>Access</h3>"))
        var previous = 1
        for match in page.matches(of: /<h([1-6])[ >]/) {
            let level = Int(match.1)!
            #expect(level <= previous + 1, "h\(level) after h\(previous)")
            previous = level
        }
        // Countries served by name, in the page's language.
        #expect(page.contains("Serves › Switzerland") && page.contains("Serves › Liechtenstein") && !page.contains("› CH<"))
        // A recipient that came or went whole: a small labelled list.
        #expect(page.contains("<li><span class=\"diff-field-label\">Purpose: </span>Newsletters and account e-mails"), "\(page)")
        #expect(page.contains("<li><span class=\"diff-field-label\">Recipient: </span>Brevo</li>"))
        #expect(page.contains("<li><span class=\"diff-field-label\">Cookie: </span>ex_sso</li>"))
        #expect(!page.contains("Brevo; Purpose") && !page.contains("Cookie: </span>Brevo"))
        // Badges apart from the heading's text.
        #expect(!page.contains("<span class=\"badge\">New section</span></h"))
        #expect(page.contains("<h2>Your choices</h2>\n<p class=\"diff-badges\"><span class=\"badge\">New section</span></p>"))
        // Only sections without any change are listed as such.
        let unchanged = try #require(page.components(separatedBy: "Sections without changes</h2>").last)
        #expect(unchanged.contains("<li>Who we are</li>"))
        #expect(!unchanged.contains("<li>Your rights</li>"))
        // Whole added text is marked, not underlined word by word; the field table fits.
        #expect(page.contains("<ins class=\"diff-whole\">You decide which newsletters"))
        #expect(page.contains("<table class=\"stack-on-phone diff-table\">"))
        // Table rows one per line, with the header row.
        #expect(page.contains("<br><span class=\"diff-same\">Data · Kept for</span> <br>"))
        #expect(page.contains("<br><ins class=\"diff-whole\">Invoices · 10 years, as tax law requires</ins>"))
    }

    /// The field table in headless Chromium: at 1,280 px no column is scrolled out of sight (a
    /// long URL wraps), and at phone width the page is no wider than the screen. A copy of the
    /// page beside it carries a script (the pages run none but the print button's) that writes
    /// what it measured into the live DOM, read through the shared `BrowserSession`.
    @Test(
        .enabled(
            if: BrowserSession.available || CLI.checkersRequired, "Chromium, chromium-driver or Selenium is not installed: run `scripts/setup --test`"))
    func theFieldTableFitsAtDesktopAndPhoneWidths() throws {
        let folder = try Self.publish()
        let build = try CLI.run(["build", "--output", "out", "--themes", Self.themes], in: folder)
        #expect(build.status == 0, "\(build.stderr)")
        let page = folder.appendingPathComponent("out/acme/en/diff/1.0-2.0/index.html")
        let measure = """
            <script>addEventListener('load', () => { document.body.dataset.cut = Array.from(document.querySelectorAll('.diff-area .table-scroll')).filter(e => e.scrollWidth > e.clientWidth + 1).length; document.body.dataset.wide = document.documentElement.scrollWidth > innerWidth + 1; });</script>
            </body>
            """
        let probe = page.deletingLastPathComponent().appendingPathComponent("probe.html")
        try read(page).replacingOccurrences(of: "</body>", with: measure).write(to: probe, atomically: true, encoding: .utf8)
        let session = try BrowserSession.shared.get()
        for (width, height) in [(1280, 900), (390, 844)] {
            let dom = try session.visit("acme/en/diff/1.0-2.0/probe.html", in: folder.appendingPathComponent("out"), width: width, height: height).dom
            #expect(dom.contains("data-cut=\"0\""), "at \(width) px: \(dom.prefix(300))")
            #expect(dom.contains("data-wide=\"false\""), "at \(width) px")
        }
    }
}
