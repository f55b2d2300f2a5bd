import Foundation
import PolicyRender
import Testing

@testable import PolicyBuild

@Suite struct OutputWriterTests {
    let root: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("writer-\(UUID().uuidString.prefix(8))")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()
    var output: URL { root.appendingPathComponent("public") }

    func inode(_ path: String) throws -> UInt64 {
        let attributes = try FileManager.default.attributesOfItem(atPath: output.appendingPathComponent(path).path)
        return (attributes[.systemFileNumber] as! NSNumber).uint64Value
    }

    @Test func writesPagesAndRemovesFilesNoLongerProduced() throws {
        let writer = OutputWriter(outputPath: output.path)
        _ = try writer.write([RenderedPage(path: "a/index.html", html: "A"), RenderedPage(path: "old.html", html: "old")], assets: [])
        let summary = try writer.write([RenderedPage(path: "a/index.html", html: "A2")], assets: [])
        #expect(summary == OutputWriter.Summary(written: 1, unchanged: 0))
        #expect(try String(contentsOf: output.appendingPathComponent("a/index.html"), encoding: .utf8) == "A2")
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("old.html").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["public"])
    }

    @Test func unchangedFilesKeepTheirInode() throws {
        let writer = OutputWriter(outputPath: output.path)
        _ = try writer.write([RenderedPage(path: "same.html", html: "same"), RenderedPage(path: "changes.html", html: "1")], assets: [])
        let sameBefore = try inode("same.html"), changesBefore = try inode("changes.html")
        let summary = try writer.write([RenderedPage(path: "same.html", html: "same"), RenderedPage(path: "changes.html", html: "2")], assets: [])
        #expect(summary == OutputWriter.Summary(written: 1, unchanged: 1))
        #expect(try inode("same.html") == sameBefore)
        #expect(try inode("changes.html") != changesBefore)
    }

    @Test func aFailedWriteLeavesThePreviousOutput() throws {
        let writer = OutputWriter(outputPath: output.path)
        _ = try writer.write([RenderedPage(path: "index.html", html: "v1")], assets: [])
        // An asset that cannot be read fails the write half-way through.
        #expect(throws: (any Error).self) {
            try writer.write([RenderedPage(path: "index.html", html: "v2")], assets: [(source: root.appendingPathComponent("missing.css").path, destination: "assets/missing.css")])
        }
        #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8) == "v1")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["public"])
    }
}
