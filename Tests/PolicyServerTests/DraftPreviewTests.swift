import Foundation
import PolicyBuild
import PolicyFiles
import PolicyModel
import TestSupport
import Testing

@testable import PolicyServer

/// `serve` previews the working text while the policy page shows another version (an edit made
/// during a notice window), on a full build and on a company's own rebuild after a save.
@Suite struct DraftPreviewTests {
    @Test func theDraftIsPreviewedAndFollowsEachSave() async throws {
        let folder = Scratch.directory.appendingPathComponent("policysite-draft-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: TestServer.root.appendingPathComponent("Tests/Fixtures/lifecycle/content"), to: folder.appendingPathComponent("content"))
        try FileManager.default.copyItem(at: TestServer.root.appendingPathComponent("themes"), to: folder.appendingPathComponent("themes"))
        let working = folder.appendingPathComponent("content/acme/en/privacy.md")
        func edit(_ sentence: String) throws {
            try (try String(contentsOf: working, encoding: .utf8)).replacingOccurrences(of: "to find faults.", with: "to find faults. \(sentence)")
                .write(to: working, atomically: true, encoding: .utf8)
        }
        try edit("A first draft sentence.")
        var options = BuildOptions(
            contentPath: folder.appendingPathComponent("content").path, themesPath: folder.appendingPathComponent("themes").path,
            outputPath: folder.appendingPathComponent("out/site").path)
        options.drafts = true
        // 2026-12-07: 2.0 in force, 2.1 and 2.2 announced, the working text is 2.2's, edited.
        let noon = try #require(PolicyDate("2026-12-07")).date.addingTimeInterval(12 * 3600)
        let session = PreviewSession(options: options, builder: SiteBuilder(now: { noon }))
        _ = await session.buildAll()
        let site = folder.appendingPathComponent("out/site/acme/en")
        var draft = try String(contentsOf: site.appendingPathComponent("draft/index.html"), encoding: .utf8)
        #expect(draft.contains("A first draft sentence.") && draft.contains("Draft: this text is not published."))
        #expect(!(try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)).contains("draft sentence"))

        try edit("A second draft sentence.")
        _ = await session.rebuild(after: [working.path])
        draft = try String(contentsOf: site.appendingPathComponent("draft/index.html"), encoding: .utf8)
        #expect(draft.contains("A second draft sentence."))
    }
}
