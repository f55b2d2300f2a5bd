import Foundation
import Testing

@testable import PolicyBuild
@testable import PolicyRender

/// `section-data` includes a structured section's partial by the name each block carries
/// (`{{>*layout_partial}}`). Themes written against the `layout_is_<id>` flags, as the default
/// theme was, must still render the same pages: every block keeps its flags too.
@Suite struct SectionDispatchTests {
    @Test func flagsAndThePartialNameRenderTheSamePages() throws {
        let root = StreamingBuildTests.root
        let themes = FileManager.default.temporaryDirectory.appendingPathComponent("dispatch-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: themes) }
        try FileManager.default.copyItem(at: root.appendingPathComponent("themes"), to: themes)
        let flagStyle = SiteRenderer.structuredSectionIDs.map { id in
            let flag = "layout_is_" + id.replacingOccurrences(of: "-", with: "_")
            return "{{#\(flag)}}{{> section-\(id)}}{{/\(flag)}}"
        }.joined()
        let sectionData = themes.appendingPathComponent("default/templates/section-data.mustache")
        #expect(try String(contentsOf: sectionData, encoding: .utf8).contains("{{>*layout_partial}}"))
        try ("{{! flags }}\n" + flagStyle).write(to: sectionData, atomically: false, encoding: .utf8)

        func pages(_ themesPath: String) throws -> [RenderedPage] {
            let options = BuildOptions(contentPath: root.appendingPathComponent("content").path, themesPath: themesPath, outputPath: "unused")
            let (prepared, diagnostics) = SiteBuilder().prepare(options)
            return SiteBuilder().render(try #require(prepared, "\(diagnostics)"))
        }
        let byName = try pages(root.appendingPathComponent("themes").path)
        let byFlags = try pages(themes.path)
        #expect(byName.count == byFlags.count && byName.count > 100)
        for (named, flagged) in zip(byName, byFlags) {
            #expect(named.path == flagged.path)
            #expect(named.contents == flagged.contents, "\(named.path)")
        }
        // The pages do have the sections (a theme that rendered none would pass the above too).
        let policy = try #require(byName.first { $0.path.hasSuffix("/en/index.html") && $0.path.split(separator: "/").count == 3 })
        #expect(String(decoding: policy.contents, as: UTF8.self).contains("class=\"policy-data\""))
    }
}
