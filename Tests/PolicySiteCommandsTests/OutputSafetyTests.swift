import Foundation
import PolicyFiles
import TestSupport
import Testing

/// `build --output` never replaces a folder that is not a build's to replace: the site's own
/// folders, the current or home folder, a folder holding one of them, or a folder of the user's.
/// Every case runs in a `Sandbox` (HOME is its `home` folder), with canaries in each folder above.
@Suite struct OutputSafetyTests {
    /// A copy of the example site in a fresh sandbox.
    static func site() throws -> Sandbox {
        let sandbox = try Sandbox()
        for folder in ["content", "themes"] {
            try FileManager.default.copyItem(at: CLI.root.appendingPathComponent(folder), to: sandbox.site.appendingPathComponent(folder))
        }
        return sandbox
    }

    static let refused: [String] = [
        "content", ".", "..", "../..", "themes", "themes/default", "content/caltryx-tech", "content/site.yml", "public/../content",
        "content/../..", "~", "", "HOME", "SITE", ".policysite-cache", "out/.policysite-cache/x",
    ]

    @Test(arguments: refused)
    func aProtectedFolderIsRefusedAndNothingMoves(_ output: String) throws {
        let sandbox = try Self.site()
        let before = Sandbox.snapshot(sandbox.home)
        let path = output == "HOME" ? sandbox.home.path : output == "SITE" ? sandbox.site.path : output
        let result = try CLI.run(["build", "-o", path], in: sandbox.site, environment: ["HOME": sandbox.home.path])
        #expect(result.status == 1, "built into \(path): \(result.stdout)")
        #expect(result.stderr.contains("refusing to build into") || result.stderr.contains("--output is empty"), "\(result.stderr)")
        #expect(result.stderr.contains("nothing was moved or written"))
        #expect(sandbox.brokenCanaries.isEmpty)
        // Not a file moved, added or changed anywhere in the sandbox.
        #expect(Sandbox.snapshot(sandbox.home) == before)
        #expect(!FileManager.default.fileExists(atPath: sandbox.outer.appendingPathComponent(".policysite-cache").path))
    }

    @Test func aFolderOfTheUsersIsRefusedWithItsFilesKept() throws {
        var sandbox = try Self.site()
        let mine = sandbox.site.appendingPathComponent("mine")
        try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: true)
        try sandbox.plantCanary(in: mine)
        for _ in 0..<2 {
            let result = try CLI.run(["build", "-o", "mine"], in: sandbox.site)
            #expect(result.status == 1)
            #expect(result.stderr.contains("it is a folder PolicySite did not make"), "\(result.stderr)")
        }
        #expect(sandbox.brokenCanaries.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: mine.path).count == 1)
    }

    @Test func aFileOrALinkIsRefused() throws {
        let sandbox = try Self.site()
        try Data("notes\n".utf8).write(to: sandbox.site.appendingPathComponent("notes.txt"))
        let file = try CLI.run(["build", "-o", "notes.txt"], in: sandbox.site)
        #expect(file.status == 1)
        #expect(file.stderr.contains("it is a file, not a folder"), "\(file.stderr)")
        #expect(try String(contentsOf: sandbox.site.appendingPathComponent("notes.txt"), encoding: .utf8) == "notes\n")

        let target = sandbox.middle.appendingPathComponent("deploy")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: sandbox.site.appendingPathComponent("public").path, withDestinationPath: target.path)
        let link = try CLI.run(["build", "-o", "public"], in: sandbox.site)
        #expect(link.status == 1)
        #expect(link.stderr.contains("it is a symbolic link"), "\(link.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: sandbox.site.appendingPathComponent("public").path) == target.path)
        #expect(sandbox.brokenCanaries.isEmpty)
    }

    @Test func aFileInTheWayIsNamedInPlainWords() throws {
        let sandbox = try Self.site()
        try Data("notes\n".utf8).write(to: sandbox.site.appendingPathComponent("notes.txt"))
        let parent = try CLI.run(["build", "-o", "notes.txt/public"], in: sandbox.site)
        #expect(parent.status == 1)
        #expect(
            parent.stderr.contains("refusing to build into notes.txt/public: \(sandbox.site.path)/notes.txt is a file where a folder is needed"),
            "\(parent.stderr)")
        try Data("cache\n".utf8).write(to: sandbox.site.appendingPathComponent(".policysite-cache"))
        let cache = try CLI.run(["build", "-o", "public"], in: sandbox.site)
        #expect(cache.status == 1)
        #expect(cache.stderr.contains("\(sandbox.site.path)/.policysite-cache is a file where a folder is needed"), "\(cache.stderr)")
        for result in [parent, cache] { #expect(!result.stderr.contains("Domain="), "\(result.stderr)") }
        #expect(try String(contentsOf: sandbox.site.appendingPathComponent("notes.txt"), encoding: .utf8) == "notes\n")
        #expect(sandbox.brokenCanaries.isEmpty)
    }

    @Test func aNewAnEmptyOrItsOwnFolderIsBuiltInto() throws {
        let sandbox = try Self.site()
        try FileManager.default.createDirectory(at: sandbox.site.appendingPathComponent("empty"), withIntermediateDirectories: true)
        for output in ["public", "public", "empty", "../elsewhere/site"] {
            let result = try CLI.run(["build", "-q", "-o", output], in: sandbox.site)
            #expect(result.status == 0, "\(output): \(result.stderr)")
            let marker = sandbox.site.appendingPathComponent(output).appendingPathComponent(".policysite-output")
            #expect(FileManager.default.fileExists(atPath: marker.path))
        }
        #expect(sandbox.brokenCanaries.isEmpty)
    }
}
