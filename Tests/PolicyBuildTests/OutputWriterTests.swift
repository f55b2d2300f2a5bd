import Foundation
import PolicyFiles
import PolicyRender
import TestSupport
import Testing

@testable import PolicyBuild

@Suite struct OutputWriterTests {
    let root: URL = {
        let url = Scratch.directory.appendingPathComponent("writer-\(UUID().uuidString.prefix(8))")
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
        #expect(summary == OutputWriter.Summary(written: 1, unchanged: 0, replaced: true))
        #expect(try String(contentsOf: output.appendingPathComponent("a/index.html"), encoding: .utf8) == "A2")
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("old.html").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["public"])
    }

    /// A build in which nothing changed touches nothing: no staging folder, no swap (the
    /// output folder and its files keep their inodes). A file the site no longer has, or a
    /// stray one, still makes the writer replace the output with exactly the site.
    @Test func aBuildWithNothingChangedWritesNothing() throws {
        let writer = OutputWriter(outputPath: output.path)
        let pages = [RenderedPage(path: "a/index.html", html: "A"), RenderedPage(path: "b.html", html: "B")]
        _ = try writer.write(pages, assets: [])
        let folder = try FileManager.default.attributesOfItem(atPath: output.path)[.systemFileNumber] as! NSNumber
        let before = try inode("a/index.html")
        let again = try writer.write([.unchanged("a/index.html"), RenderedPage(path: "b.html", html: "B")], assets: [])
        #expect(again == OutputWriter.Summary(written: 0, unchanged: 2))
        #expect(try FileManager.default.attributesOfItem(atPath: output.path)[.systemFileNumber] as! NSNumber == folder)
        #expect(try inode("a/index.html") == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["public"])

        try "stray".write(to: output.appendingPathComponent("stray.html"), atomically: true, encoding: .utf8)
        _ = try writer.write(pages, assets: [])
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("stray.html").path))
        _ = try writer.write([RenderedPage(path: "a/index.html", html: "A")], assets: [])
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("b.html").path))
        #expect(try String(contentsOf: output.appendingPathComponent("a/index.html"), encoding: .utf8) == "A")
    }

    /// What a build killed mid-way leaves beside the output: its staging folder, or (killed
    /// between two renames where the system cannot swap atomically) the old output set aside.
    @Test func leftoversOfKilledBuildsAreCleanedUpAndAMissingOutputRestored() throws {
        let files = FileManager.default
        let dead: Int32 = 999_999
        for name in [".public.staging-\(dead)-aaaa", ".public.old-\(dead)-bbbb", ".public.old-cccc"] {
            try files.createDirectory(at: root.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        try "old site".write(to: root.appendingPathComponent(".public.old-\(dead)-bbbb/index.html"), atomically: true, encoding: .utf8)
        let live = ".public.staging-\(ProcessInfo.processInfo.processIdentifier)-dddd"
        try files.createDirectory(at: root.appendingPathComponent(live), withIntermediateDirectories: true)
        OutputWriter.removeLeftovers(of: output) { $0 != dead }
        // The set-aside site came back as the output; the rest of the dead process's folders went.
        #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8) == "old site")
        #expect(try files.contentsOfDirectory(atPath: root.path).sorted() == [live, "public"].sorted())

        // A build removes them too, and leaves only its output.
        try files.removeItem(at: root.appendingPathComponent(live))
        try files.createDirectory(at: root.appendingPathComponent(".public.staging-\(dead)-eeee"), withIntermediateDirectories: true)
        _ = try OutputWriter(outputPath: output.path).write([RenderedPage(path: "index.html", html: "new")], assets: [])
        #expect(try files.contentsOfDirectory(atPath: root.path) == ["public"])
    }

    @Test func unchangedFilesKeepTheirInode() throws {
        let writer = OutputWriter(outputPath: output.path)
        _ = try writer.write([RenderedPage(path: "same.html", html: "same"), RenderedPage(path: "changes.html", html: "1")], assets: [])
        let sameBefore = try inode("same.html"), changesBefore = try inode("changes.html")
        let summary = try writer.write([RenderedPage(path: "same.html", html: "same"), RenderedPage(path: "changes.html", html: "2")], assets: [])
        #expect(summary == OutputWriter.Summary(written: 1, unchanged: 1, replaced: true))
        #expect(try inode("same.html") == sameBefore)
        #expect(try inode("changes.html") != changesBefore)
    }

    @Test func aFailedWriteLeavesThePreviousOutput() throws {
        let writer = OutputWriter(outputPath: output.path)
        _ = try writer.write([RenderedPage(path: "index.html", html: "v1")], assets: [])
        // An asset that cannot be read fails the write half-way through.
        #expect(throws: (any Error).self) {
            try writer.write(
                [RenderedPage(path: "index.html", html: "v2")],
                assets: [(source: root.appendingPathComponent("missing.css").path, destination: "assets/missing.css")])
        }
        #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8) == "v1")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["public"])
    }
}

@Suite struct RenderCacheTests {
    /// serve writes pages into the output without a build's bookkeeping. A build into the same
    /// folder afterwards, by another process, must not trust fingerprints that no longer
    /// describe the output: its output is a cold build's.
    @Test func pagesWrittenBehindTheCacheAreNotTrusted() throws {
        let options = try BuildFixtures.makeSite("behind")
        _ = try SiteBuilder().build(options)
        // What serve's one-company path does: write a page (telling the writer), record its
        // fingerprint in memory.
        let page = options.outputPath + "/c03/en/index.html"
        try "written by serve for content since changed back".write(toFile: page, atomically: true, encoding: .utf8)
        OutputWriter.outputChangedOutsideABuild(options.outputPath)
        SiteBuilder().renderCache.record(["c03/en/index.html": "serve"], output: options.outputPath)
        _ = try SiteBuilder().build(options)
        #expect(BuildFixtures.files(under: options.outputPath) == (try BuildFixtures.coldBuild(options)))
        // A page serve added, for content since changed back: the output has a file the site lacks.
        try FileManager.default.createDirectory(atPath: options.outputPath + "/c03/en/extra", withIntermediateDirectories: true)
        try "a page serve added".write(toFile: options.outputPath + "/c03/en/extra/index.html", atomically: true, encoding: .utf8)
        OutputWriter.outputChangedOutsideABuild(options.outputPath)
        SiteBuilder().renderCache.record(["c03/en/extra/index.html": "serve"], output: options.outputPath)
        _ = try SiteBuilder().build(options)
        #expect(BuildFixtures.files(under: options.outputPath) == (try BuildFixtures.coldBuild(options)))
    }

    /// The fingerprints file is one line per file: what is written reads back the same (a site-wide
    /// file with a stamp and no fingerprint too), a path that cannot sit on a line is left out
    /// (that page is rendered again), and a file of another format or cut short reads as no cache.
    @Test func fingerprintsReadBackAsWritten() throws {
        let fingerprints = ["a/en/index.html": "f1", "a b/fr/index.html": "f2", "ç/ar/index.html": "f3", "x": ""]
        var stamps = Dictionary(uniqueKeysWithValues: fingerprints.keys.map { ($0, "12-3.4-\($0.utf8.count)") })
        stamps["index.html"] = "99-1.2-3"
        let decoded = try #require(RenderCache.decode(RenderCache.encode(fingerprints, stamps: stamps)))
        #expect(decoded.fingerprints == fingerprints && decoded.stamps == stamps)
        var badStamps = stamps
        badStamps["bad\npath"] = "1-1.1-1"
        let withBad = try #require(RenderCache.decode(RenderCache.encode(fingerprints.merging(["bad\npath": "f4"]) { $1 }, stamps: badStamps)))
        #expect(withBad.fingerprints == fingerprints && withBad.stamps == stamps)
        #expect(RenderCache.decode(Data("{\"a\": \"b\"}".utf8)) == nil)
        #expect(RenderCache.decode(Data("no-space-here\n".utf8)) == nil)
        #expect(RenderCache.decode(Data("f1 one-space-only\n".utf8)) == nil)
        #expect(RenderCache.decode(Data())?.stamps.isEmpty == true)
    }

    @Test func unchangedPagesAreKeptAndEditedOnesRendered() throws {
        let folder = Scratch.directory.appendingPathComponent("cache-\(UUID().uuidString.prefix(8))")
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        try FileManager.default.copyItem(at: root.appendingPathComponent("Tests/Fixtures/history/content"), to: folder.appendingPathComponent("content"))
        let options = BuildOptions(
            contentPath: folder.appendingPathComponent("content").path, themesPath: root.appendingPathComponent("themes").path,
            outputPath: folder.appendingPathComponent("public").path)
        let first = try SiteBuilder().build(options)
        #expect(first.unchanged == 0)
        // A new builder reads the manifest the first one left on disk.
        let second = try SiteBuilder().build(options)
        #expect(second.written == 0)
        let page = folder.appendingPathComponent("content/acme/en/privacy.md")
        try (try String(contentsOf: page, encoding: .utf8)).replacingOccurrences(of: "We keep little data.", with: "We keep very little data.").write(
            to: page, atomically: true, encoding: .utf8)
        let third = try SiteBuilder().build(options)
        // Only the English policy page shows the edited prose; sitemap and robots are always rewritten from memory and compared.
        #expect(third.written == 1)
        #expect(try String(contentsOf: folder.appendingPathComponent("public/acme/en/index.html"), encoding: .utf8).contains("We keep very little data."))
    }
}

/// The old site is removed with `unlinkat` after a swap: everything below it goes, and a
/// symbolic link is removed, never followed.
@Suite struct RemoveTreeTests {
    @Test func removesEverythingBelowAndNeverFollowsLinks() throws {
        let base = Scratch.directory.appendingPathComponent("remove-\(UUID().uuidString.prefix(8))")
        let tree = base.appendingPathComponent("old"), outside = base.appendingPathComponent("keep")
        for folder in ["a/b/c", "a/d", "e"] {
            try FileManager.default.createDirectory(at: tree.appendingPathComponent(folder), withIntermediateDirectories: true)
            try Data("x".utf8).write(to: tree.appendingPathComponent(folder + "/index.html"))
        }
        try Data(".".utf8).write(to: tree.appendingPathComponent(".hidden"))
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: outside.appendingPathComponent("file"))
        try FileManager.default.createSymbolicLink(at: tree.appendingPathComponent("a/link"), withDestinationURL: outside)
        #expect(OutputWriter.removeTree(tree.path))
        #expect(!FileManager.default.fileExists(atPath: tree.path))
        #expect(try String(contentsOf: outside.appendingPathComponent("file"), encoding: .utf8) == "mine")
        #expect(!OutputWriter.removeTree(tree.path), "a missing folder is reported")
        try FileManager.default.removeItem(at: base)
    }
}
