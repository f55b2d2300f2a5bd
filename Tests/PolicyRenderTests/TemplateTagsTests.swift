import Foundation
import TestSupport
import Testing

@testable import PolicyRender

/// `Theme.tags(in:)` is what every theme check reads templates through (partials, names, table
/// rows, section reads). It scans bytes, so it is held here against the plain reading of the
/// rule: the text between each `{{` and the first `}}` after it.
@Suite struct TemplateTagsTests {
    /// The rule as written, with `String` searches: slow, obviously right.
    static func reference(_ text: String) -> [String] {
        var tags: [String] = []
        var rest = text[...]
        while let open = rest.firstRange(of: "{{") {
            guard let close = rest[open.upperBound...].firstRange(of: "}}") else { break }
            tags.append(String(rest[open.upperBound..<close.lowerBound]))
            rest = rest[close.upperBound...]
        }
        return tags
    }

    @Test(arguments: [
        "", "no tags", "{{name}}", "a {{#list}}{{.}}{{/list}} b", "{{{raw}}}", "{{! a {{ inside }} comment }}",
        "{{unclosed", "}} {{x}} }}", "{{a}}{{b}}", "{{}}", "é {{t.straße}} — {{> ünï }}", "{{x}", "{", "{{",
    ])
    func tagsAreTheTextBetweenEachOpeningAndTheFirstClosingAfterIt(_ text: String) {
        #expect(Theme.tags(in: text).map(String.init) == Self.reference(text))
    }

    @Test func everyDefaultTemplateReadsTheSame() throws {
        let folder = Repository.themes.appendingPathComponent("default/templates")
        let files = try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mustache") }
        #expect(files.count > 10)
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            #expect(Theme.tags(in: text).map(String.init) == Self.reference(text), "\(file)")
        }
    }
}
