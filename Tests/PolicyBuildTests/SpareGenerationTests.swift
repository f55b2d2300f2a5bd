import Foundation
import PolicyFiles
import PolicyRender
import TestSupport
import Testing

@testable import PolicyBuild

/// A writer that keeps the swapped-out output as its next staging folder must still leave
/// exactly the new site, whatever the builds before it wrote, kept, removed or left behind.
@Suite struct SpareGenerationTests {
    let root: URL = {
        let url = Scratch.directory.appendingPathComponent("spare-\(UUID().uuidString.prefix(8))")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()
    var output: URL { root.appendingPathComponent("public") }
    var spare: String { SpareGeneration.sparePath(for: output.path) }
    var writer: OutputWriter { OutputWriter(outputPath: output.path, keepsPrevious: true) }

    /// Every file under `folder` with its text.
    func site(_ folder: String) -> [String: String] {
        Dictionary(
            uniqueKeysWithValues: OutputWriter.files(under: URL(fileURLWithPath: folder)).map {
                ($0, (try? String(contentsOfFile: folder + "/" + $0, encoding: .utf8)) ?? "<unreadable>")
            })
    }

    func inode(_ path: String) -> UInt64? { SpareGeneration.Token(path: path)?.inode }

    /// Pages as the build pipeline hands them over: unchanged since the output, or new bytes.
    func pages(_ site: [String: String], previous: [String: String]) -> [RenderedPage] {
        site.sorted { $0.key < $1.key }.map { path, text in previous[path] == text ? .unchanged(path) : RenderedPage(path: path, html: text) }
    }

    /// Eighty builds of sites drawn from a small set of paths (one of them a file in some sites
    /// and a folder in others), each page kept, edited, added or dropped at random.
    @Test func everyBuildLeavesExactlyItsSite() throws {
        var random = FuzzTests.Random(state: 13)
        let paths = (0..<40).map { "c\($0 % 7)/\(["en", "fr", "ar"][$0 % 3])/p\($0).html" } + ["index.html", "x", "x/index.html", "assets/site.css"]
        var current: [String: String] = [:]
        for build in 0..<80 {
            var next: [String: String] = [:]
            for path in paths where random.next() % 5 != 0 {
                next[path] = current[path].map { random.next() % 4 == 0 ? "\($0) edit \(build)" : $0 } ?? "new \(build)"
            }
            // "x" is a file or a folder, never both.
            if next["x/index.html"] != nil { next["x"] = nil }
            if build == 40 { next = current }  // a build that changes nothing
            _ = try writer.write(pages(next, previous: current), assets: [])
            #expect(site(output.path) == next, "build \(build)")
            current = next
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == [".policysite-cache", "public"])
    }

    /// The swapped-out output becomes the next staging folder: it is the next output, and the
    /// files the last build wrote are the only ones linked again.
    @Test func theSwappedOutOutputIsTheNextStagingFolder() throws {
        _ = try writer.write([RenderedPage(path: "a.html", html: "1"), RenderedPage(path: "b.html", html: "b")], assets: [])
        #expect(!FileManager.default.fileExists(atPath: spare), "the first build replaced no output")
        _ = try writer.write([RenderedPage(path: "a.html", html: "2"), .unchanged("b.html")], assets: [])
        let kept = try #require(inode(spare))
        #expect(site(spare) == ["a.html": "1", "b.html": "b"])
        _ = try writer.write([RenderedPage(path: "a.html", html: "3"), .unchanged("b.html")], assets: [])
        #expect(inode(output.path) == kept)
        #expect(site(output.path) == ["a.html": "3", "b.html": "b"])
        #expect(site(spare) == ["a.html": "2", "b.html": "b"])
        // Nothing changed: nothing is swapped, and the spare stays as it was.
        _ = try writer.write([.unchanged("a.html"), .unchanged("b.html")], assets: [])
        #expect(inode(output.path) == kept)
    }

    /// A record that no longer describes the folders there (the output replaced by hand, the
    /// spare gone with a killed build) is not trusted: the build stages from scratch.
    @Test func aRecordThatDoesNotDescribeTheFoldersIsIgnored() throws {
        for text in ["1", "2", "3"] { _ = try writer.write([RenderedPage(path: "a.html", html: text), RenderedPage(path: "b.html", html: "b")], assets: []) }
        // The output replaced by another folder with other files.
        try FileManager.default.removeItem(at: output)
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try "stray".write(to: output.appendingPathComponent("stray.html"), atomically: true, encoding: .utf8)
        #expect(SpareGeneration.load(output: output.path) == nil)
        _ = try writer.write([RenderedPage(path: "a.html", html: "4"), RenderedPage(path: "b.html", html: "b")], assets: [])
        #expect(site(output.path) == ["a.html": "4", "b.html": "b"])
        #expect(site(spare) == ["stray.html": "stray"])

        // The spare taken as a staging folder by a build that was killed: the next build finds
        // no spare, removes the leftover and stages from scratch.
        let leftover = root.appendingPathComponent(".public.staging-999999-abcd").path
        #expect(rename(spare, leftover) == 0)
        _ = try writer.write([RenderedPage(path: "a.html", html: "5"), .unchanged("b.html")], assets: [])
        #expect(site(output.path) == ["a.html": "5", "b.html": "b"])
        #expect(!FileManager.default.fileExists(atPath: leftover))
    }

    /// A file of the output replaced since the last build (serve writes pages in place): a
    /// build that keeps it keeps the output's file, not the spare folder's older link.
    @Test func anOutputFileReplacedSinceIsTheOneKept() throws {
        for text in ["1", "2"] { _ = try writer.write([RenderedPage(path: "a.html", html: text), RenderedPage(path: "d/b.html", html: "b")], assets: []) }
        try "B2".write(to: output.appendingPathComponent("d/b.html"), atomically: true, encoding: .utf8)
        _ = try writer.write([RenderedPage(path: "a.html", html: "3"), .unchanged("d/b.html")], assets: [])
        #expect(site(output.path) == ["a.html": "3", "d/b.html": "B2"])
    }

    /// A symbolic link put into the output is not part of the site: once the output becomes
    /// the spare folder, the next build leaves it out.
    @Test func aSymbolicLinkInTheOutputDoesNotSurvive() throws {
        for text in ["1", "2"] { _ = try writer.write([RenderedPage(path: "a.html", html: text), RenderedPage(path: "d/b.html", html: "b")], assets: []) }
        try FileManager.default.createSymbolicLink(atPath: output.path + "/d/link", withDestinationPath: "/etc")
        for text in ["3", "4"] { _ = try writer.write([RenderedPage(path: "a.html", html: text), .unchanged("d/b.html")], assets: []) }
        #expect(site(output.path) == ["a.html": "4", "d/b.html": "b"])
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: output.path + "/d/link")) == nil)
    }

    /// Files added to the spare folder, or removed from it, do not reach the next output.
    @Test func whatTheSpareFolderGainsOrLosesIsMended() throws {
        for text in ["1", "2"] { _ = try writer.write([RenderedPage(path: "a.html", html: text), RenderedPage(path: "d/b.html", html: "b")], assets: []) }
        try "stray".write(toFile: spare + "/d/stray.html", atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: spare + "/d/b.html")
        _ = try writer.write([RenderedPage(path: "a.html", html: "3"), .unchanged("d/b.html")], assets: [])
        #expect(site(output.path) == ["a.html": "3", "d/b.html": "b"])
    }
}
