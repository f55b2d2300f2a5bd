import CCmarkGFM

/// The body as a reader sees its structure: one section per heading, at every level, with the
/// text of its blocks (paragraphs, list items, table rows) and its links, markup removed.
/// The page, the table of contents, the anchor checks and the diff all read this one tree.
public struct OutlineSection: Hashable, Sendable, Codable {
    /// 0 for the text before the first heading; otherwise the heading level (1–6).
    public var level: Int
    public var title: String
    /// The heading's `id` on the page; `preamble` for the text before the first heading.
    public var id: String
    /// True when the author chose the id (`{#id}`), so it survives a change of title.
    public var isExplicit: Bool
    /// Paragraphs, list items, table rows (cells joined with ` · `) and code, as plain text.
    public var blocks: [String]
    public var links: [Link]

    public struct Link: Hashable, Sendable, Codable {
        public var text: String
        public var url: String
    }
}

extension MarkdownRenderer {
    /// Walks `document` once; `headings` are the headings already found, in document order.
    static func outline(of document: OpaquePointer, headings: [Heading]) -> [OutlineSection] {
        var sections = [OutlineSection(level: 0, title: "", id: "preamble", isExplicit: false, blocks: [], links: [])]
        var headingIndex = 0
        var capture: String? = nil
        var linkStarts: [(url: String, start: String.Index?)] = []
        let iterator = cmark_iter_new(document)!
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            let node = cmark_iter_get_node(iterator)!
            let type = cmark_node_get_type(node)
            let name = String(cString: cmark_node_get_type_string(node))
            let entering = event == CMARK_EVENT_ENTER
            switch (type, name) {
            case (CMARK_NODE_HEADING, _):
                if entering {
                    capture = ""
                } else if headingIndex < headings.count {
                    let heading = headings[headingIndex]
                    headingIndex += 1
                    sections.append(
                        OutlineSection(level: heading.level, title: heading.text, id: heading.id, isExplicit: heading.isExplicit, blocks: [], links: []))
                    capture = nil
                }
            case (CMARK_NODE_PARAGRAPH, _), (_, "table_row"):
                // Each paragraph (also inside list items and quotes) and each table row is a block.
                if entering {
                    if capture == nil { capture = "" }
                } else {
                    flush(&capture, into: &sections)
                }
            case (_, "table_cell"):
                if !entering, capture != nil { capture! += " · " }
            case (CMARK_NODE_CODE_BLOCK, _), (CMARK_NODE_HTML_BLOCK, _):
                let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
                sections[sections.count - 1].blocks.append(literal.trimmingTrailingNewlines)
            case (CMARK_NODE_TEXT, _), (CMARK_NODE_CODE, _), (CMARK_NODE_HTML_INLINE, _):
                if capture != nil, let literal = cmark_node_get_literal(node) { capture! += String(cString: literal) }
            case (CMARK_NODE_SOFTBREAK, _), (CMARK_NODE_LINEBREAK, _):
                if capture != nil { capture! += " " }
            case (CMARK_NODE_LINK, _):
                if entering {
                    let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                    linkStarts.append((url, capture?.endIndex))
                } else if let (url, start) = linkStarts.popLast() {
                    let text = capture.map { text in String(start.map { text[$0...] } ?? text[...]) } ?? ""
                    sections[sections.count - 1].links.append(OutlineSection.Link(text: text, url: url))
                }
            default:
                break
            }
        }
        if sections[0].blocks.isEmpty && sections[0].links.isEmpty { sections.removeFirst() }
        return sections
    }

    private static func flush(_ capture: inout String?, into sections: inout [OutlineSection]) {
        guard var text = capture else { return }
        capture = nil
        while text.hasSuffix(" · ") { text.removeLast(3) }
        let trimmed = text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        if !trimmed.isEmpty { sections[sections.count - 1].blocks.append(trimmed) }
    }
}

extension String {
    var trimmingTrailingNewlines: String {
        var text = Substring(self)
        while text.hasSuffix("\n") { text.removeLast() }
        return String(text)
    }
}
