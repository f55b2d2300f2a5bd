import Foundation
import PolicyContent

/// `serve` marks each `[[TODO: …]]` placeholder left in a page's text, so an author sees at a
/// glance what is left to write. Only on the way to the browser: files on disk and built sites
/// never carry the marks (and `publish` refuses a text that still has a placeholder).
///
/// Only text between tags is marked: a placeholder inside an attribute (a `<meta>`
/// description, a link's title) or in an element whose content is not markup (`<title>`,
/// `<script>`, `<style>`, `<textarea>`) is left as it is, since a `<mark>` there would break the
/// page or show as text.
enum PlaceholderMarks {
    static let className = "policysite-todo"

    /// The style of the marks, put in with the reload script; `serve` only.
    static let style = """
        <style data-policysite-serve>mark.\(className){background:#ffd33d;color:#1b1f24;outline:2px dashed #d4a72c;\
        outline-offset:1px;border-radius:2px;padding:0 0.15em}</style>

        """

    private static let rawTextElements: Set<String> = ["title", "script", "style", "textarea"]

    /// `html` with each placeholder in its text wrapped in `<mark class="policysite-todo">`;
    /// `html` itself when it has none.
    static func marked(_ html: String) -> (html: String, count: Int) {
        guard html.contains(Placeholder.opening) else { return (html, 0) }
        var result = ""
        result.reserveCapacity(html.utf8.count + 256)
        var count = 0
        var index = html.startIndex
        while index < html.endIndex {
            guard html[index] == "<" else {
                let next = html[index...].firstIndex(of: "<") ?? html.endIndex
                count += mark(html[index..<next], into: &result)
                index = next
                continue
            }
            if html[index...].hasPrefix("<!--") {
                let end = html[index...].range(of: "-->")?.upperBound ?? html.endIndex
                result += html[index..<end]
                index = end
                continue
            }
            let close = html[index...].firstIndex(of: ">").map { html.index(after: $0) } ?? html.endIndex
            let tag = html[index..<close]
            result += tag
            index = close
            let name = tag.dropFirst().prefix { $0.isLetter || $0.isNumber }.lowercased()
            // An element whose content is text, not markup: copied up to its end tag.
            if rawTextElements.contains(name) {
                let end = html[index...].range(of: "</\(name)", options: .caseInsensitive)?.lowerBound ?? html.endIndex
                result += html[index..<end]
                index = end
            }
        }
        return (result, count)
    }

    /// `text` into `result`, each placeholder in a mark (to its `]]`, or to the end of the text
    /// when it is not closed there); the number of placeholders marked.
    private static func mark(_ text: Substring, into result: inout String) -> Int {
        var rest = text
        var count = 0
        while let start = rest.range(of: Placeholder.opening) {
            let end = rest[start.upperBound...].range(of: "]]")?.upperBound ?? rest.endIndex
            result += rest[..<start.lowerBound]
            result += "<mark class=\"\(className)\">" + rest[start.lowerBound..<end] + "</mark>"
            rest = rest[end...]
            count += 1
        }
        result += rest
        return count
    }
}
