import Foundation

/// Writes a language's UI strings into a theme's template text before it is compiled, so
/// `{{t.cookies.provider}}` costs nothing at render time.
///
/// swift-mustache resolves a name by walking the context stack from the innermost context out,
/// casting each value it meets to its protocols: a label inside a cookie row walks past the
/// row, the category and the page before it finds `t`. Those walks were a large part of every
/// page. A UI string is the same on every page of a language, so each language gets its own
/// compiled copy of the templates with the strings in place, escaped exactly as the tag would
/// have escaped them.
///
/// Only plain variable tags are replaced: `{{t.a.b}}` (escaped), `{{{t.a.b}}}` and
/// `{{& t.a.b}}` (as is), naming a string. Sections over `t`, names that are not strings, and
/// strings that contain braces (they would read as tags) are left to the renderer, and so is
/// every tag of a template that changes its delimiters. The page contexts have no `t` of their
/// own below the page's, so a tag resolves to the same string either way.
enum UIStringTemplates {
    static func substitute(_ text: String, tree: UIStringTree, escape: (String) -> String) -> String {
        guard text.contains("{{"), !text.contains("{{=") else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            result += rest[..<open.lowerBound]
            let tag = rest[open.lowerBound...]
            if let (replacement, length) = replacement(for: tag, tree: tree, escape: escape) {
                result += replacement
                rest = tag.dropFirst(length)
            } else {
                result += "{{"
                rest = tag.dropFirst(2)
            }
        }
        result += rest
        return result
    }

    /// The text for the tag at the start of `tag`, and the tag's length in characters; nil
    /// when the tag is not one to replace.
    private static func replacement(for tag: Substring, tree: UIStringTree, escape: (String) -> String) -> (String, Int)? {
        let triple = tag.hasPrefix("{{{")
        var body = tag.dropFirst(triple ? 3 : 2)
        let closing = triple ? "}}}" : "}}"
        guard let end = body.range(of: closing) else { return nil }
        let length = tag.distance(from: tag.startIndex, to: end.upperBound)
        body = body[..<end.lowerBound]
        var raw = triple
        if !triple, body.first == "&" {
            raw = true
            body = body.dropFirst()
        }
        let name = body.trimmingCharacters(in: .whitespaces)
        guard name.hasPrefix("t."), name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." || $0 == "-" }) else { return nil }
        var node = UIStringTree.Node.group(tree)
        for key in name.dropFirst(2).split(separator: ".", omittingEmptySubsequences: false) {
            guard case .group(let group) = node, let child = group.entries[String(key)] else { return nil }
            node = child
        }
        guard case .text(let value) = node, !value.contains("{{"), !value.contains("}}") else { return nil }
        return (raw ? value : escape(value), length)
    }
}
