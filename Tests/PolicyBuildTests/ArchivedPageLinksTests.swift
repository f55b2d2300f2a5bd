import Foundation
import PolicyDiagnostics
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
        let options = try BuildFixtures.exampleCompany(in: folder)
        let content = URL(fileURLWithPath: options.contentPath)
        let company = "digi-smart-manager"
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

    /// An archived version shows its own rights and cookies sections in full (the rights list,
    /// how to exercise them, the request; the whole cookie table), so it never points from there
    /// to the current rights or cookies page: that page shows the current text's, not the ones in
    /// force then, and when the current text has none it does not exist. Before, the archived
    /// pages linked to it either way, and once the current text dropped `rights` (or cookies),
    /// `check`, and so `publish`, rejected the site with a broken link in every archived page.
    @Test(arguments: ["rights", "cookies"]) func archivedPagesShowTheirOwnSectionAndNeverLinkToTheCurrentPage(_ field: String) throws {
        let sandbox = try Sandbox()
        let options = try BuildFixtures.exampleCompany(in: sandbox.site)
        let content = URL(fileURLWithPath: options.contentPath)
        let company = "digi-smart-manager"
        let builder = SiteBuilder(now: { Self.today })
        let versions = ["1.0", "1.1"].flatMap { version in ["en", "hi"].map { "\(company)/\($0)/versions/\(version)/index.html" } }
        let ownSection = field == "rights" ? "class=\"rights-list\"" : "class=\"cookie-categories"

        // While the current text has the section, only the current policy page's links to its page.
        _ = try builder.build(options)
        for language in ["en", "hi"] {
            #expect(Self.linksOutsideTheNav(to: "\(field)/index.html", in: try Self.page("\(company)/\(language)/index.html", options)) == 1)
        }
        for path in versions {
            let html = try Self.page(path, options)
            #expect(Self.linksOutsideTheNav(to: "../../\(field)/index.html", in: html) == 0, "\(path) links its \(field) section to the current \(field) page")
            #expect(html.contains(ownSection), "\(path) lost its own \(field) section")
        }

        // The current text drops the section (in every language: translations state the same facts).
        for language in ["en", "hi"] {
            let path = content.appendingPathComponent("\(company)/\(language)/privacy.md")
            var text = try String(contentsOf: path, encoding: .utf8)
            text = try EditedSite.setting(field, to: nil, inFrontMatterOf: text)
            if field == "cookies" { text = try EditedSite.setting("cookie_controls", to: nil, inFrontMatterOf: text) }
            try text.write(to: path, atomically: true, encoding: .utf8)
        }
        let problems = SiteChecker(builder: builder).check(options)
        #expect(problems.filter { $0.code == ErrorCode.brokenLink.name }.isEmpty, "\(problems.filter { $0.code == ErrorCode.brokenLink.name })")
        #expect(!problems.hasErrors, "\(problems)")
        _ = try builder.build(options)
        #expect(!FileManager.default.fileExists(atPath: options.outputPath + "/\(company)/en/\(field)/index.html"))
        for path in versions {
            let html = try Self.page(path, options)
            #expect(!html.contains("\(field)/index.html\""), "\(path) still links to the \(field) page the current text no longer has")
            #expect(html.contains(ownSection), "\(path) lost its own \(field) section")
        }
        #expect(sandbox.brokenCanaries.isEmpty)
    }

    /// A day after every date of the example site.
    static let today = Date(timeIntervalSince1970: 1_796_644_800)  // 2026-12-07 12:00 UTC

    /// How many links to `target` a page has besides its navigation's (`<li><a href=…>`): the
    /// one a cookies or rights section has to its page, wherever the prose puts the section.
    static func linksOutsideTheNav(to target: String, in html: String) -> Int {
        html.components(separatedBy: "href=\"\(target)\"").count - html.components(separatedBy: "<li><a href=\"\(target)\"").count
    }

    static func page(_ path: String, _ options: BuildOptions) throws -> String {
        try String(contentsOfFile: options.outputPath + "/" + path, encoding: .utf8)
    }
}
