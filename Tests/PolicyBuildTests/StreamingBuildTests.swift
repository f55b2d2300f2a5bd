import Foundation
import PolicyDiagnostics
import PolicyFiles
import PolicyModel
import PolicyRender
import TestSupport
import Testing

@testable import PolicyBuild

/// `build` and `check` load, render and drop a chunk of companies at a time. These sites have
/// more companies than a chunk holds, so pages, links and problems cross chunk boundaries.
@Suite struct StreamingBuildTests {
    @Test func aStreamedBuildWritesExactlyWhatTheWholeSiteRenders() throws {
        let options = try BuildFixtures.makeSite("same")
        let report = try SiteBuilder().build(options)
        #expect(report.prepared == nil, "a CLI build keeps no site in memory")
        let builder = SiteBuilder()
        let (prepared, diagnostics) = BuildFixtures.load(options, builder: builder)
        let whole = try #require(prepared)
        #expect(!diagnostics.hasErrors)
        let pages = builder.render(whole)
        let written = BuildFixtures.files(under: options.outputPath)
        let assets = Set(whole.theme.assetCopies.map(\.destination))
        #expect(Set(written.keys).subtracting(assets) == Set(pages.map(\.path)))
        for page in pages { #expect(written[page.path] == page.contents, "\(page.path) differs from the whole-site render") }
        // The German fallback pages of the first chunk exist, though only the last company is in German.
        #expect(written["c00/de/index.html"] != nil && written["c36/de/index.html"] != nil)
        let home = String(decoding: try #require(written["index.html"]), as: UTF8.self)
        #expect((0..<BuildFixtures.companies).allSatisfy { home.contains("Policy \($0) en") })
    }

    @Test func linksAcrossChunksAreCheckedWithTheirAnchors() throws {
        // c00 (first chunk) links forward into c36 (last chunk); c36 links back into c00.
        let forward =
            "## Introduction\n\nSee [ours](../../c36/en/#introduction) and [theirs](../../c36/en/#no-such-heading), [home](../../) and [its top](../../#no-home-anchor).\n"
        let backward = "## Introduction\n\nSee [c00](../../c00/fr/#introduction) and [gone](../../c00/en/#missing-anchor) and [nowhere](../../c99/en/).\n"
        let options = try BuildFixtures.makeSite("links", policies: [0: forward, 36: backward])
        let problems = SiteChecker().check(options).filter { $0.code == "broken-link" }
        let messages = problems.map(\.message)
        // c00's English text is also its German page (fallback), so its broken links are on both;
        // the home page comes after every company, and its anchors are checked all the same.
        #expect(problems.count == 6, "\(messages)")
        #expect(messages.filter { $0.contains("#no-home-anchor") }.count == 2)
        #expect(messages.contains { $0.contains("#no-such-heading") && $0.contains("on c00/en/index.html") })
        #expect(messages.contains { $0.contains("#no-such-heading") && $0.contains("on c00/de/index.html") })
        #expect(messages.contains { $0.contains("#missing-anchor") })
        #expect(messages.contains { $0.contains("c99") && $0.contains("does not have") })
        // A forward link is reported at its line in the Markdown, like any other.
        let forwardProblem = try #require(problems.first { $0.message.contains("#no-such-heading") })
        #expect(forwardProblem.location.file.hasSuffix("c00/en/privacy.md") && forwardProblem.location.line == 16)
    }

    @Test func problemsInEveryChunkAreReportedAndTheOutputIsKept() throws {
        var options = try BuildFixtures.makeSite("broken", fallback: false)
        _ = try SiteBuilder().build(options)
        let before = BuildFixtures.files(under: options.outputPath)
        let content = options.contentPath
        try "---\ntitle: [unclosed\n---\n".write(toFile: content + "/c00/en/privacy.md", atomically: false, encoding: .utf8)
        try "legal_name: X\nbogus_field: 1\n".write(toFile: content + "/c36/company.yml", atomically: false, encoding: .utf8)
        // A slug taken in the first chunk and claimed again in the last.
        try FileManager.default.copyItem(atPath: content + "/c01", toPath: content + "/c99")
        try "legal_name: C99\ndisplay_name: C99\nprivacy_email: a@b.example\nslug: c01\nlanguages: [en, fr]\n".write(
            toFile: content + "/c99/company.yml", atomically: false, encoding: .utf8)
        options.strict = true
        #expect {
            _ = try SiteBuilder().build(options)
        } throws: { error in
            guard case BuildError.invalidContent(let diagnostics) = error else { return false }
            let files = Set(diagnostics.errors.map(\.location.file))
            return files.contains { $0.hasSuffix("c00/en/privacy.md") } && files.contains { $0.hasSuffix("c36/company.yml") }
                && diagnostics.contains { $0.code == "duplicate-slug" }
        }
        #expect(BuildFixtures.files(under: options.outputPath) == before, "a failed build changed the output")
    }
}
