import Foundation
import Testing

/// `archive-hash` (hidden; bench/generate.py's source of changelog hashes) on a copy of
/// Tests/Fixtures/history: what it prints is what `publish` records and what `check` accepts.
@Suite struct ArchiveHashCommandTests {
    let folder: URL
    var themes: String { CLI.root.appendingPathComponent("themes").path }

    init() throws {
        folder = try CLI.temporaryDirectory("archivehash")
        try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("Tests/Fixtures/history/content"), to: folder.appendingPathComponent("content"))
    }

    func run(_ arguments: [String]) throws -> CLI.Result { try CLI.run(arguments, in: folder) }

    func file(_ path: String) throws -> String { try read(folder.appendingPathComponent(path)) }

    /// `archive_hash` values in changelog.yml, in order.
    func recordedHashes() throws -> [String] {
        try file("content/acme/changelog.yml").split(separator: "\n").compactMap { line in
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == "archive_hash" else { return nil }
            return parts[1].trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\"")))
        }
    }

    @Test func printsTheHashPublishRecordedAndCheckAccepts() throws {
        for (date, summary) in [("2025-01-01", "First."), ("2025-06-01", "Second.")] {
            if date != "2025-01-01" {
                let path = folder.appendingPathComponent("content/acme/en/privacy.md")
                try (try read(path)).replacingOccurrences(of: "period: 6 months", with: "period: 3 months").write(to: path, atomically: true, encoding: .utf8)
            }
            let published = try run(["publish", "acme", "--summary", summary, "--date", date, "--themes", themes])
            #expect(published.status == 0, "\(published.stderr)")
        }
        let recorded = try recordedHashes()
        #expect(recorded.count == 2)

        // One run for every folder, one `<folder> <hash>` line each, in the order given.
        let folders = ["content/acme/versions/1.0", "content/acme/versions/1.1"]
        let printed = try run(["archive-hash"] + folders)
        #expect(printed.status == 0, "\(printed.stderr)")
        #expect(printed.stdout == zip(folders, recorded).map { "\($0) \($1)\n" }.joined())

        // An edited archive no longer matches; recording the hash the command prints for it
        // makes `check` accept it again.
        let archived = folder.appendingPathComponent("content/acme/versions/1.0/fr/privacy.md")
        try (try read(archived) + "\nA sentence added after publishing.\n").write(to: archived, atomically: true, encoding: .utf8)
        let refused = try run(["check", "--themes", themes])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("archived version 1.0 was changed after it was published"), "\(refused.stderr)")
        let rehashed = try run(["archive-hash", "content/acme/versions/1.0"])
        let newHash = try #require(rehashed.stdout.split(separator: " ").last).trimmingCharacters(in: .newlines)
        #expect(newHash != recorded[0])
        let changelog = folder.appendingPathComponent("content/acme/changelog.yml")
        try (try read(changelog)).replacingOccurrences(of: recorded[0], with: newHash).write(to: changelog, atomically: true, encoding: .utf8)
        let accepted = try run(["check", "--themes", themes])
        #expect(accepted.status == 0, "\(accepted.stderr)")
    }

    @Test func refusesWhatIsNotAVersionFolderAndPrintsNothing() throws {
        let published = try run(["publish", "acme", "--summary", "First.", "--date", "2025-01-01", "--themes", themes])
        #expect(published.status == 0, "\(published.stderr)")
        try Data("notes\n".utf8).write(to: folder.appendingPathComponent("content/acme/versions/1.0/notes.txt"))
        for (arguments, expected) in [
            (["content/acme/versions/1.0"], "content/acme/versions/1.0/notes.txt is not part of a published version"),
            (["content/acme/en"], "content/acme/en/privacy.md is not part of a published version"),
            (["content/acme/versions/9.9"], "content/acme/versions/9.9"),
        ] {
            let result = try run(["archive-hash"] + arguments)
            #expect(result.status == 1)
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.contains(expected), "\(result.stderr)")
        }
    }

    @Test func isNotListedInTheHelp() throws {
        let help = try run(["--help"])
        #expect(!help.stdout.contains("archive-hash"))
    }
}
