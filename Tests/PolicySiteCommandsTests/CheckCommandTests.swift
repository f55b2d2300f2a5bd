import Foundation
import Testing

/// `policysite check` on good content and on content only `check` finds fault with
/// (Tests/Fixtures/check/*: links, future dates, cookie prose, contact data).
@Suite struct CheckCommandTests {
    static let fixtures: [String] = {
        let folder = CLI.root.appendingPathComponent("Tests/Fixtures/check")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }()
    var themes: String { CLI.root.appendingPathComponent("themes").path }

    @Test func exampleContentPassesStrictCheck() throws {
        let result = try CLI.run(["check", "--strict"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "check passed: 0 errors, 0 warnings\n")
        let github = try CLI.run(["check", "--strict", "--format", "github"])
        #expect(github.status == 0 && github.stdout.isEmpty)
        let json = try CLI.run(["check", "--format", "json"])
        #expect(json.stdout == "[\n\n]\n" || json.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[]")
    }

    @Test func everyCheckFixtureIsFound() {
        #expect(Self.fixtures == ["broken-link", "cookie-prose-mismatch", "future-date", "missing-contact"])
    }

    @Test(arguments: fixtures)
    func strictCheckPrintsExactlyTheExpectedErrors(_ name: String) throws {
        let folder = CLI.root.appendingPathComponent("Tests/Fixtures/check/\(name)")
        let expected = try read(folder.appendingPathComponent("expected.txt")).split(separator: "\n").map(String.init)
        let result = try CLI.run(["check", "--strict", "--themes", themes], in: folder)
        #expect(result.status == 1)
        #expect(result.stderrLines.dropLast() == expected[...], "stderr was:\n\(result.stderr)")
        // The same problems as GitHub annotations, one per line, pointing at file and line.
        let github = try CLI.run(["check", "--strict", "--format", "github", "--themes", themes], in: folder)
        #expect(github.status == 1)
        let annotations = github.stdout.split(separator: "\n")
        #expect(annotations.count == expected.count)
        #expect(annotations.allSatisfy { $0.hasPrefix("::error file=content/") })
    }

    @Test func warningsPassWithoutStrict() throws {
        let folder = CLI.root.appendingPathComponent("Tests/Fixtures/check/missing-contact")
        let result = try CLI.run(["check", "--themes", themes], in: folder)
        #expect(result.status == 0)
        #expect(result.stderr.contains("content/acme/company.yml:1:1: warning: the controller has no contact data"))
        #expect(result.stderr.hasSuffix("check passed: 0 errors, 1 warning\n"))
    }

    @Test func jsonOutputIsAListForOtherTools() throws {
        let folder = CLI.root.appendingPathComponent("Tests/Fixtures/broken/bad-date")
        let result = try CLI.run(["check", "--format", "json", "--themes", themes], in: folder)
        #expect(result.status == 1)
        let items = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(items.count == 1)
        #expect(items[0]["file"] as? String == "content/acme/en/privacy.md")
        #expect(items[0]["line"] as? Int == 4)
        #expect(items[0]["column"] as? Int == 12)
        #expect(items[0]["code"] as? String == "bad-date")
        #expect(items[0]["severity"] as? String == "error")
    }

    @Test func checkWritesNothing() throws {
        let folder = try CLI.temporaryDirectory()
        try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("content"), to: folder.appendingPathComponent("content"))
        let result = try CLI.run(["check", "--themes", themes], in: folder)
        #expect(result.status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["content"])
    }
}
