import Foundation
import TestSupport
import Testing

/// The example site in headless Chromium at 375 and 1,280 px, light and dark, in a
/// left-to-right (English) and a right-to-left (Arabic) language, every kind of company page and
/// the home page in each: one column shared by the header and the content on every page, no
/// heading directly under another, no table column or card of filler, no request button beside
/// a heading, and a screenshot of each view. One browser session measures every view
/// (Tests/Tools/layout-check.py).
@Suite struct PageLayoutBrowserTests {
    struct Report: Decodable {
        struct Problem: Decodable {
            var page: String
            var width: Int
            var scheme: String
            var id: String
            var help: String
        }
        struct Column: Decodable {
            var page: String
            var width: Int
            var scheme: String
            var left: Double
            var right: Double
        }
        struct Shot: Decodable {
            var page: String
            var path: String
            var bytes: Int
        }
        var views: Int
        var problems: [Problem]
        var columns: [Column]
        var shots: [Shot]
    }

    static let pages =
        ["", "caltryx-tech/en/", "caltryx-tech/en/cookies/", "caltryx-tech/en/rights/", "caltryx-tech/en/contact/", "ar/"]
        + ["digiterex/ar/", "digiterex/ar/cookies/", "digiterex/ar/rights/", "digiterex/ar/contact/", "caltryx-tech/ar/", "ite/ar/"]

    @Test(.enabled(if: BrowserSession.available || CLI.checkersRequired, "Selenium or chromium-driver is not installed: run `scripts/setup --test`"))
    func pagesShareOneColumnAndHaveNoRepeatedHeadingsOrFiller() throws {
        let site = try CheckedSites.folders().example
        let shots = try CLI.temporaryDirectory("layout").appendingPathComponent("shots")
        try FileManager.default.createDirectory(at: shots, withIntermediateDirectories: true)
        for page in Self.pages {
            #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent(page + "index.html").path), "\(page) was not built")
        }

        let run = try CLI.tool(
            "/usr/bin/env", [CLI.python, CLI.root.appendingPathComponent("Tests/Tools/layout-check.py").path, site.path, shots.path] + Self.pages)
        #expect(run.status == 0, "\(run.stderr.suffix(2000))")
        let report = try JSONDecoder().decode(Report.self, from: Data(run.stdout.utf8))
        #expect(report.views == Self.pages.count * 4)
        let listed = report.problems.prefix(30).map { "\($0.page) at \($0.width) px, \($0.scheme): \($0.id) — \($0.help)" }.joined(separator: "\n")
        #expect(report.problems.isEmpty, "\(report.problems.count) problems:\n\(listed)")

        // The column does not move between tabs: at each width, every page's content has the same edges.
        for width in [375, 1280] {
            let edges = Set(report.columns.filter { $0.width == width }.map { "\(Int($0.left.rounded()))–\(Int($0.right.rounded()))" })
            #expect(edges.count == 1, "at \(width) px the content column differs between pages: \(edges.sorted())")
        }
        // Each view left a real screenshot (a blank one is a few hundred bytes).
        #expect(report.shots.count == report.views)
        for shot in report.shots {
            let data = try Data(contentsOf: URL(fileURLWithPath: shot.path))
            #expect(data.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]) && shot.bytes > 10_000, "\(shot.path): \(shot.bytes) bytes")
        }
    }
}
