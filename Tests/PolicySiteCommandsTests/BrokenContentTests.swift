import Foundation
import Testing

/// Each folder in Tests/Fixtures/broken holds a content tree with one kind of mistake and
/// `expected.txt`, the exact lines `policysite` must print for it.
@Suite struct BrokenContentTests {
    static let fixtures: [String] = {
        let folder = CLI.root.appendingPathComponent("Tests/Fixtures/broken")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }()

    @Test func everyFixtureIsFound() {
        #expect(Self.fixtures.count >= 12)
    }

    @Test(arguments: fixtures)
    func checkPrintsExactlyTheExpectedErrors(_ name: String) throws {
        let folder = CLI.root.appendingPathComponent("Tests/Fixtures/broken/\(name)")
        let expected = try read(folder.appendingPathComponent("expected.txt")).split(separator: "\n").map(String.init)
        let result = try CLI.run(["check", "--themes", CLI.root.appendingPathComponent("themes").path], in: folder)
        #expect(result.status == 1)
        #expect(result.stderrLines.dropLast() == expected[...], "stderr was:\n\(result.stderr)")
        #expect(result.stderrLines.last?.hasPrefix("check failed: \(expected.count) error") == true)
    }

    @Test(arguments: fixtures)
    func buildFailsWithTheSameErrorsAndWritesNothing(_ name: String) throws {
        let folder = CLI.root.appendingPathComponent("Tests/Fixtures/broken/\(name)")
        let output = try CLI.temporaryDirectory().appendingPathComponent("public")
        let expected = try read(folder.appendingPathComponent("expected.txt")).split(separator: "\n").map(String.init)
        let result = try CLI.run(["build", "--themes", CLI.root.appendingPathComponent("themes").path, "--output", output.path], in: folder)
        #expect(result.status == 1)
        #expect(Array(result.stderrLines.prefix(expected.count)) == expected)
        #expect(result.stderrLines.last?.hasPrefix("error: build failed") == true)
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func failedBuildLeavesThePreviousOutputIntact() throws {
        let output = try CLI.temporaryDirectory().appendingPathComponent("public")
        let good = try CLI.run(["build", "--output", output.path])
        #expect(good.status == 0, "\(good.stderr)")
        let home = output.appendingPathComponent("index.html")
        let before = try Data(contentsOf: home)
        let listing = try FileManager.default.subpathsOfDirectory(atPath: output.path).sorted()

        let broken = CLI.root.appendingPathComponent("Tests/Fixtures/broken/many-problems")
        let bad = try CLI.run(["build", "--themes", CLI.root.appendingPathComponent("themes").path, "--output", output.path], in: broken)
        #expect(bad.status == 1)
        #expect(try Data(contentsOf: home) == before)
        #expect(try FileManager.default.subpathsOfDirectory(atPath: output.path).sorted() == listing)
        // No staging folders are left behind next to the output (the render cache may be).
        let siblings = try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path)
        #expect(siblings.sorted() == [".policysite-cache", "public"])
    }
}
