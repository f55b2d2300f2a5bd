import Foundation
import PolicySite
import TestSupport
import Testing

// README example (after its `import PolicySite` line): begin
func publishSite(at root: String) -> Bool {
    do throws(PolicySite.BuildFailure) {
        let report = try PolicySite.build(content: root + "/content", themes: root + "/themes", output: root + "/public", strict: true)
        print("Built \(report.files) files (\(report.written) written) in \(report.seconds) s")
        return true
    } catch {
        for problem in error.problems { print(problem) }  // file:line:column: error: …; expected …
        return false
    }
}
// README example: end

/// The README's library example is this file's code, compiled and run: on the example site it
/// builds, on broken content it reports every problem with its place and leaves the output alone.
@Suite struct LibraryExampleTests {
    static let root = Repository.root

    func example() throws -> String {
        let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
        let begin = try #require(source.range(of: "// README example (after its `import PolicySite` line): begin\n")),
            end = try #require(source.range(of: "// README example: end"))
        return String(source[begin.upperBound..<end.lowerBound])
    }

    @Test func theReadmeShowsThisFilesExample() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(
            readme.contains("```swift\nimport PolicySite\n\n" + (try example()) + "```\n"),
            "README.md's library example differs from Tests/PolicySiteTests/LibraryExampleTests.swift")
    }

    func site(with content: String) throws -> String {
        let folder = Scratch.directory.appendingPathComponent("library-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.root.appendingPathComponent(content), to: folder.appendingPathComponent("content"))
        try FileManager.default.copyItem(at: Self.root.appendingPathComponent("themes"), to: folder.appendingPathComponent("themes"))
        return folder.path
    }

    @Test func theExampleBuildsTheExampleSite() throws {
        let root = try site(with: "content")
        #expect(publishSite(at: root))
        #expect(FileManager.default.fileExists(atPath: root + "/public/ite/fr/index.html"))
        #expect(PolicySite.check(content: root + "/content", themes: root + "/themes").isEmpty)
    }

    @Test func aFailedBuildListsEveryProblemAndKeepsTheOutput() throws {
        let root = try site(with: "Tests/Fixtures/broken/many-problems/content")
        try FileManager.default.createDirectory(atPath: root + "/public", withIntermediateDirectories: true)
        try "previous".write(toFile: root + "/public/index.html", atomically: true, encoding: .utf8)
        // The marker every build leaves: this folder is an earlier build's, not one of the user's.
        try "".write(toFile: root + "/public/.policysite-output", atomically: true, encoding: .utf8)
        #expect(!publishSite(at: root))
        #expect(try String(contentsOfFile: root + "/public/index.html", encoding: .utf8) == "previous")
        do {
            try PolicySite.build(content: root + "/content", themes: root + "/themes", output: root + "/public")
            Issue.record("the broken site built")
        } catch {
            #expect(error.problems.count > 3)
            #expect(error.problems.allSatisfy { $0.line != nil && ($0.file.hasSuffix(".yml") || $0.file.hasSuffix(".md")) }, "\(error.problems)")
            #expect(error.description.contains("the previous output was left as it was"))
        }
    }
}
