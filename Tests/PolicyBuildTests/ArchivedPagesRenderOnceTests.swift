import Foundation
import PolicyModel
import PolicyRender
import TestSupport
import Testing

@testable import PolicyBuild

/// An archived page is rendered again only when what it is rendered from changed: an edit of
/// the current text leaves the archived versions that are not the current one, and the diffs
/// between them, as the last build rendered them (`PageInputs`: an archived or diff page's
/// fingerprint holds its archived texts and whether the current text is one of them, not the
/// current text itself).
@Suite struct ArchivedPagesRenderOnceTests {
    @Test func anEditOfTheCurrentTextRendersNoOlderArchivedPageAgain() throws {
        let folder = Scratch.directory.appendingPathComponent("archived-once-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: folder) }
        let options = try BuildFixtures.exampleCompany(in: folder)
        let content = URL(fileURLWithPath: options.contentPath)
        let company = "digi-smart-manager"
        let day = try #require(PolicyDate("2026-12-07")).date
        let builder = SiteBuilder(now: { day })
        _ = try builder.build(options)

        // Versions 1.0 and 1.1 are archived; 1.1 is the current text's version.
        let policy = content.appendingPathComponent("\(company)/en/privacy.md")
        try (try String(contentsOf: policy, encoding: .utf8) + "\nA paragraph added to the current text.\n")
            .write(to: policy, atomically: true, encoding: .utf8)

        let (prepared, problems) = BuildFixtures.load(options, builder: builder)
        let site = try #require(prepared, "\(problems)")
        let renderer = SiteRenderer(site: site.site, theme: site.theme, bodies: builder.bodies, today: PolicyDate(day))
        let pages = builder.renderCompanies(site.site, renderer: renderer, reusing: options.outputPath).pages
        let rendered = Set(pages.filter { !$0.isUnchanged }.map(\.path))
        let kept = Set(pages.filter(\.isUnchanged).map(\.path))

        // The edited text's own page is rendered; nothing of version 1.0 or of Hindi's history is.
        #expect(rendered.contains("\(company)/en/index.html"))
        let untouched = [
            "\(company)/en/versions/1.0/index.html", "\(company)/en/versions/1.0/policy.json", "\(company)/en/diff/1.0-1.1/index.html",
            "\(company)/hi/versions/1.0/index.html", "\(company)/hi/versions/1.1/index.html", "\(company)/hi/diff/1.0-1.1/index.html",
        ]
        for path in untouched {
            #expect(kept.contains(path), "\(path) was rendered again")
        }
        // And what was kept is what a cold build writes.
        #expect(try BuildFixtures.rebuildDifferingFromCold(options).isEmpty)
    }
}
