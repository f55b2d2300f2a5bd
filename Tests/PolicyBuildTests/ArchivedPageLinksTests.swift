import Foundation
import PolicyFiles
import TestSupport
import Testing

@testable import PolicyBuild

/// An archived version's page and a diff page link to the company's current pages, and the
/// rights and cookies links are there only while the current text has such a page: an edit of
/// the current text that takes its rights (or cookies) away changes every archived page of the
/// company, though none of the archived texts changed. (`IncrementalPropertyTests` found it,
/// seed 2, edit 72: the archived pages kept a link to a rights page that was gone.)
@Suite struct ArchivedPageLinksTests {
    @Test(arguments: ["rights", "cookies"]) func archivedPagesFollowTheCurrentTextsPageKinds(_ field: String) throws {
        let folder = Scratch.directory.appendingPathComponent("archived-links-\(UUID().uuidString.prefix(8))")
        let content = folder.appendingPathComponent("content")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Repository.content.appendingPathComponent("site.yml"), to: content.appendingPathComponent("site.yml"))
        let company = "digi-smart-manager"
        try FileManager.default.copyItem(at: Repository.content.appendingPathComponent(company), to: content.appendingPathComponent(company))
        let options = BuildOptions(
            contentPath: content.path, themesPath: Repository.themes.path, outputPath: folder.appendingPathComponent("public").path)
        _ = try SiteBuilder().build(options)
        // The field's block goes from every current text (translations must state the same facts).
        for language in ["en", "hi"] {
            let path = content.appendingPathComponent("\(company)/\(language)/privacy.md")
            let text = try String(contentsOf: path, encoding: .utf8)
            let edited = try EditedSite.setting(field, to: nil, inFrontMatterOf: text)
            let withoutControls = field == "cookies" ? try EditedSite.setting("cookie_controls", to: nil, inFrontMatterOf: edited) : edited
            #expect(withoutControls != text)
            try withoutControls.write(to: path, atomically: true, encoding: .utf8)
        }
        let differing = try BuildFixtures.rebuildDifferingFromCold(options)
        #expect(differing.isEmpty, "stale after removing \(field): \(differing)")
    }
}
