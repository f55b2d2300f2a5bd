import Foundation
import Testing

/// axe-core (WCAG 2.1 A/AA and best practices) in headless Chromium on every page of the
/// example site and of a policy far larger than the seeds, at 375 px and 1280 px, light and
/// dark; and no page wider than a phone. Tests/Tools/axe-check.py drives the browser.
@Suite struct AccessibilityTests {
    static let available: Bool = {
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        probe.arguments = [CLI.python, "-c", "import selenium, axe_playwright_python"]
        probe.standardError = FileHandle.nullDevice
        guard (try? probe.run()) != nil else { return false }
        probe.waitUntilExit()
        return probe.terminationStatus == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver")
            && FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium")
    }()

    struct Report: Decodable {
        struct Violation: Decodable {
            var site: String
            var page: String
            var width: Int
            var scheme: String
            var id: String
            var help: String
            var nodes: [String]
        }
        var pages: Int
        var violations: [Violation]
    }

    @Test(.enabled(if: available || CLI.checkersRequired, "axe-core, Selenium or chromium-driver is not installed: run `scripts/setup --test`"))
    func everyPagePassesAxeAtPhoneAndDesktopWidthInLightAndDark() throws {
        let folder = try CLI.temporaryDirectory("axe")
        let themes = CLI.root.appendingPathComponent("themes").path
        #expect(try CLI.run(["build", "--output", folder.appendingPathComponent("example").path, "--themes", themes]).status == 0)
        try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("Tests/Fixtures/replay/v5/content"), to: folder.appendingPathComponent("content"))
        #expect(try CLI.run(["build", "--output", "large", "--themes", themes], in: folder).status == 0)

        let run = try CLI.tool(
            "/usr/bin/env",
            [
                CLI.python, CLI.root.appendingPathComponent("Tests/Tools/axe-check.py").path,
                folder.appendingPathComponent("example").path, folder.appendingPathComponent("large").path,
            ])
        #expect(run.status == 0, "\(run.stderr.suffix(2000))")
        let data = Data(run.stdout.utf8)
        let report = try JSONDecoder().decode(Report.self, from: data)
        #expect(report.pages > 280, "pages checked (page × width × scheme): \(report.pages)")
        let listed = report.violations.prefix(20).map { "\($0.site)/\($0.page) at \($0.width) px, \($0.scheme): \($0.id) — \($0.help) \($0.nodes)" }.joined(
            separator: "\n")
        #expect(report.violations.isEmpty, "\(report.violations.count) violations:\n\(listed)")
    }
}
