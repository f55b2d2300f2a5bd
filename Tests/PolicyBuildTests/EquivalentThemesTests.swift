import Foundation
import PolicyDiagnostics
import PolicyFiles
import TestSupport
import Testing

@testable import PolicyBuild
@testable import PolicyRender

/// The default theme takes two shortcuts a theme need not take, and must render the pages a
/// theme without them renders:
/// - `section-data` includes a structured section's partial by the name each block carries
///   (`{{>*layout_partial}}`); a theme may test the `layout_is_<id>` flags instead, which every
///   block keeps.
/// - `cookie-table` and `section-third-parties` write their rows as HTML made through
///   `cookie-row` and `third-party-row` once per build (`{{{rows_html}}}`); a theme without
///   those partials loops over the rows itself.
/// - `policy.mustache` prints each section as HTML rendered apart and shared between pages
///   (`{{{data_html}}}`); a theme may include `section-data` in the page instead. To show that
///   the sharing follows what a section reads, both themes here have sections that also print
///   values which differ from page to page (the title, the canonical address, the version),
///   and one whose reads cannot be known from its tags (it changes delimiters), which is then
///   rendered on every page from all of the page's values.
@Suite struct EquivalentThemesTests {
    @Test func shortcutsAndPlainTemplatesRenderTheSamePages() throws {
        let root = Repository.root
        let scratch = Scratch.directory.appendingPathComponent("dispatch-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let shortcuts = scratch.appendingPathComponent("shortcuts"), themes = scratch.appendingPathComponent("plain")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        for copy in [shortcuts, themes] {
            try FileManager.default.copyItem(at: root.appendingPathComponent("themes"), to: copy)
            for (section, probe) in [
                ("children", "{{title}}"), ("contact", "{{canonical}} {{version}}"), ("more", "{{#company}}{{display_name}}{{/company}}{{=<% %>=}}<%={{ }}=%>"),
            ] {
                let file = copy.appendingPathComponent("default/templates/section-\(section).mustache")
                try (try String(contentsOf: file, encoding: .utf8) + "<p hidden>\(probe)</p>\n").write(to: file, atomically: false, encoding: .utf8)
            }
        }
        let policyTemplate = themes.appendingPathComponent("default/templates/policy.mustache")
        let policyText = try String(contentsOf: policyTemplate, encoding: .utf8)
        #expect(policyText.components(separatedBy: "{{{data_html}}}").count == 3)
        try policyText.replacingOccurrences(of: "{{{data_html}}}", with: "{{> section-data}}").write(to: policyTemplate, atomically: false, encoding: .utf8)
        let flagStyle = SiteRenderer.structuredSectionIDs.map { id in
            let flag = "layout_is_" + id.replacingOccurrences(of: "-", with: "_")
            return "{{#\(flag)}}{{> section-\(id)}}{{/\(flag)}}"
        }.joined()
        let sectionData = themes.appendingPathComponent("default/templates/section-data.mustache")
        #expect(try String(contentsOf: sectionData, encoding: .utf8).contains("{{>*layout_partial}}"))
        try ("{{! flags }}\n" + flagStyle).write(to: sectionData, atomically: false, encoding: .utf8)
        // The cookie rows written out in the table, as the theme had them before `cookie-row`.
        let templates = themes.appendingPathComponent("default/templates")
        let row = try String(contentsOf: templates.appendingPathComponent("cookie-row.mustache"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).dropFirst().joined(separator: "\n")
        let table = templates.appendingPathComponent("cookie-table.mustache")
        let rowsTag = "<tbody>\n{{{rows_html}}}</tbody>"
        let tableText = try String(contentsOf: table, encoding: .utf8)
        #expect(tableText.contains(rowsTag) && row.hasPrefix("<tr>"))
        try tableText.replacingOccurrences(of: rowsTag, with: "<tbody>\n{{#cookies}}\n\(row){{/cookies}}\n</tbody>")
            .write(to: table, atomically: false, encoding: .utf8)
        try FileManager.default.removeItem(at: templates.appendingPathComponent("cookie-row.mustache"))
        // The same for the recipients table and `third-party-row`.
        let partyRow = try String(contentsOf: templates.appendingPathComponent("third-party-row.mustache"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).dropFirst().joined(separator: "\n")
        let parties = templates.appendingPathComponent("section-third-parties.mustache")
        let partiesText = try String(contentsOf: parties, encoding: .utf8)
        #expect(partiesText.contains(rowsTag) && partyRow.hasPrefix("<tr>"))
        try partiesText.replacingOccurrences(of: rowsTag, with: "<tbody>\n{{#rows}}\n\(partyRow){{/rows}}\n</tbody>")
            .write(to: parties, atomically: false, encoding: .utf8)
        try FileManager.default.removeItem(at: templates.appendingPathComponent("third-party-row.mustache"))

        func pages(_ themesPath: String, content: String) throws -> [RenderedPage] {
            let options = BuildOptions(contentPath: root.appendingPathComponent(content).path, themesPath: themesPath, outputPath: "unused")
            let (prepared, diagnostics) = BuildFixtures.load(options)
            return SiteBuilder().render(try #require(prepared, "\(diagnostics)"))
        }
        // content/ has every kind of section; the replay fixture names its cookies (the
        // example companies list categories only) and has a 100-row recipients table.
        for content in ["content", "Tests/Fixtures/replay/v5/content"] {
            let byName = try pages(shortcuts.path, content: content)
            let byFlags = try pages(themes.path, content: content)
            #expect(byName.count == byFlags.count && byName.count > 10)
            for (named, flagged) in zip(byName, byFlags) {
                #expect(named.path == flagged.path)
                #expect(named.contents == flagged.contents, "\(named.path)")
            }
            // The pages do have sections and cookie rows (a theme that rendered none would
            // pass the above too).
            let policy = try #require(byName.first { $0.path.hasSuffix("/en/index.html") && $0.path.split(separator: "/").count == 3 })
            #expect(String(decoding: policy.contents, as: UTF8.self).contains("<table class=\"cookie-categories stack-on-phone\">"))
            // The probes are there, and differ between a policy and its published versions.
            if content == "content" {
                let versions = byName.filter { $0.path.contains("/en/versions/") && $0.path.hasSuffix("index.html") }
                let company = try #require(versions.first?.path.split(separator: "/").first)
                let current = try #require(byName.first { $0.path == "\(company)/en/index.html" })
                let probes = Set(
                    ([current] + versions).map { page in
                        String(decoding: page.contents, as: UTF8.self).components(separatedBy: "<p hidden>").dropFirst()
                            .map { $0.prefix { $0 != "<" } }.joined(separator: "|")
                    })
                #expect(probes.count > 1 && !probes.contains(""), "\(probes)")
            }
            if content.hasPrefix("Tests") {
                let cookies = try #require(byName.first { $0.path.hasSuffix("/en/cookies/index.html") })
                #expect(String(decoding: cookies.contents, as: UTF8.self).contains("<tr><th scope=\"row\"><code>nw_admin</code><br><small>"))
                #expect(
                    String(decoding: policy.contents, as: UTF8.self).contains(
                        "<tr><th scope=\"row\"><a href=\"https://atlashosting.example/privacy\">Atlas Hosting</a><br><small class=\"role\">"))
            }
        }
    }
}
