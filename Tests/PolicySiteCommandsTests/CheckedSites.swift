import Foundation
import TestSupport

/// The built sites the page checkers read (`ValidatorTests`, `AccessibilityTests`,
/// `BrowserTests`, `PageLayoutBrowserTests`, `SchemaTests`), built once per test process into one
/// scratch folder and only read after:
/// - `example`: `content/`, which `ExampleSiteTests`, `HomePerLanguageTests` and
///   `MultilingualTests` read too;
/// - `large`: the 100-recipient replay fixture, a policy far larger than the seeds;
/// - `lifecycle`: a history with two versions announced ahead and a draft (`--drafts`, as of
///   2026-12-07): every status note, the changelog's dates and statuses, the draft page.
///
/// A test that needs another site builds its own; a test that writes must not use these.
enum CheckedSites {
    struct Folders: Sendable {
        var example: URL
        var large: URL
        var lifecycle: URL
        var all: [URL] { [example, large, lifecycle] }
    }

    struct BuildFailure: Error, CustomStringConvertible {
        var description: String
    }

    static let built: Result<Folders, any Error> = Result { try build() }

    /// The three sites, built on first use; the build's error for every test if it failed.
    static func folders() throws -> Folders { try built.get() }

    private static func build() throws -> Folders {
        let folder = try CLI.temporaryDirectory("checkedsites")
        let themes = CLI.root.appendingPathComponent("themes").path
        func succeed(_ result: CLI.Result, _ what: String) throws {
            guard result.status == 0 else { throw BuildFailure(description: "building \(what) failed (\(result.status)): \(result.stderr)") }
        }
        let example = folder.appendingPathComponent("example")
        try succeed(try CLI.run(["build", "--output", example.path, "--themes", themes]), "content/")

        try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("Tests/Fixtures/replay/v5/content"), to: folder.appendingPathComponent("content"))
        try succeed(try CLI.run(["build", "--output", "large", "--themes", themes], in: folder), "the replay fixture")

        let lifecycle = folder.appendingPathComponent("lifecycle")
        try FileManager.default.createDirectory(at: lifecycle, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: CLI.root.appendingPathComponent("Tests/Fixtures/lifecycle/content"), to: lifecycle.appendingPathComponent("content"))
        let working = lifecycle.appendingPathComponent("content/acme/en/privacy.md")
        try (try read(working)).replacingOccurrences(of: "to find faults.", with: "to find faults, and no longer.").write(
            to: working, atomically: true, encoding: .utf8)
        let built = try CLI.run(["build", "--as-of", "2026-12-07", "--drafts", "--output", "site", "--themes", themes], in: lifecycle)
        try succeed(built, "the lifecycle fixture")
        return Folders(example: example, large: folder.appendingPathComponent("large"), lifecycle: lifecycle.appendingPathComponent("site"))
    }
}
