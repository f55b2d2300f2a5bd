import CCmarkGFM

#if canImport(Glibc)
import Glibc
#endif

extension MarkdownRenderer {
    /// Walks `document` once; `headings` are the headings already found, in document order.
    static func outline(of document: OpaquePointer, headings: [Heading]) -> [OutlineSection] {
        var sections = [OutlineSection(level: 0, title: "", id: "preamble", isExplicit: false, blocks: [], links: [])]
        var headingIndex = 0
        var capture: String? = nil
        var linkStarts: [(url: String, start: String.Index?)] = []
        var tableStart: Int? = nil
        let iterator = cmark_iter_new(document)!
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            let node = cmark_iter_get_node(iterator)!
            let type = cmark_node_get_type(node)
            // GFM's table nodes have types registered at run time, so they are known by name
            // (a header row is a `table_row` node named `table_header`); compared in place,
            // without making a String for every node.
            let typeName = cmark_node_get_type_string(node)!
            let name =
                strcmp(typeName, "table_row") == 0 || strcmp(typeName, "table_header") == 0
                ? "table_row" : strcmp(typeName, "table_cell") == 0 ? "table_cell" : strcmp(typeName, "table") == 0 ? "table" : ""
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
            case (_, "table"):
                // A table is one block, its header row and then one line per row, so the diff
                // shows rows line by line and with their header.
                if entering {
                    tableStart = sections[sections.count - 1].blocks.count
                } else if let start = tableStart {
                    tableStart = nil
                    var blocks = sections[sections.count - 1].blocks
                    if start < blocks.count {
                        let rows = blocks[start...].joined(separator: "\n")
                        blocks.removeSubrange(start...)
                        blocks.append(rows)
                        sections[sections.count - 1].blocks = blocks
                    }
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
        let trimmed = collapsingSpaces(text)
        if !trimmed.isEmpty { sections[sections.count - 1].blocks.append(trimmed) }
    }

    /// `text` split on the Character " " (empty pieces dropped) and joined with single spaces:
    /// runs of spaces become one, none at either end. Done on UTF-8 bytes; the Character walk
    /// was a tenth of a cold build. A space byte that a neighbour joins into one grapheme
    /// cluster (a combining mark, joiner, emoji modifier or spacing mark after it, a prepended
    /// character before it) is not a " " Character, so such text takes the Character path.
    static func collapsingSpaces(_ text: String) -> String {
        var text = text
        // Most blocks have no run of spaces and none at either end: then no " " Character is
        // next to another or at an end either, and the text is its own result, not a copy.
        let unchanged = text.withUTF8 { bytes in
            guard let first = bytes.first, let last = bytes.last, first != 0x20, last != 0x20 else { return bytes.isEmpty }
            var previous: UInt8 = 0
            for byte in bytes {
                if byte == 0x20 && previous == 0x20 { return false }
                previous = byte
            }
            return true
        }
        if unchanged { return text }
        let fast = text.withUTF8 { bytes -> String? in
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count)
            var pendingSpace = false
            for index in bytes.indices {
                let byte = bytes[index]
                guard byte == 0x20 else {
                    if pendingSpace {
                        result.append(0x20)
                        pendingSpace = false
                    }
                    result.append(byte)
                    continue
                }
                if index + 1 < bytes.count, bytes[index + 1] >= 0x80, joinsAfterSpace(scalar(in: bytes, at: index + 1)) { return nil }
                if index > 0, bytes[index - 1] >= 0x80 {
                    var start = index - 1
                    while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
                    if joinsBeforeSpace(scalar(in: bytes, at: start)) { return nil }
                }
                if !result.isEmpty { pendingSpace = true }
            }
            return String(decoding: result, as: UTF8.self)
        }
        return fast ?? text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    /// The scalar whose UTF-8 encoding starts at `index` (decoded by hand: this runs for every
    /// space beside a non-ASCII letter, which is most spaces of a French or Arabic text).
    private static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Unicode.Scalar? {
        let lead = UInt32(bytes[index])
        let (length, initial): (Int, UInt32) =
            lead < 0x80 ? (1, lead) : lead >= 0xF0 ? (4, lead & 0x07) : lead >= 0xE0 ? (3, lead & 0x0F) : (2, lead & 0x1F)
        guard index + length <= bytes.count else { return nil }
        var value = initial
        for offset in 1..<max(1, length) { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return Unicode.Scalar(value)
    }

    /// Grapheme_Cluster_Break Extend, ZWJ or SpacingMark (with the two letters Unicode counts
    /// as spacing marks): it joins the space before it.
    static func joinsAfterSpace(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return true }
        // Nothing below the combining marks (U+0300) joins a space before it.
        guard scalar.value >= 0x0300 else { return false }
        if scalar.value < JoinTable.end { return JoinTable.afterSpace.contains(scalar.value) }
        return joinsAfterSpaceByProperties(scalar)
    }

    static func joinsAfterSpaceByProperties(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        return properties.isGraphemeExtend || properties.isEmojiModifier || scalar.value == 0x200D || properties.generalCategory == .spacingMark
            || scalar.value == 0x0E33 || scalar.value == 0x0EB3
    }

    /// Grapheme_Cluster_Break Prepend (format characters and a few letters): it joins the space
    /// after it.
    static func joinsBeforeSpace(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return true }
        // The first prepended characters are Arabic (U+0600); below them only the soft hyphen is a format character.
        guard scalar.value >= 0x0600 || scalar.value == 0x00AD else { return false }
        if scalar.value < JoinTable.end { return JoinTable.beforeSpace.contains(scalar.value) }
        return joinsBeforeSpaceByProperties(scalar)
    }

    static func joinsBeforeSpaceByProperties(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .format
            || [0x0D4E, 0x111C2, 0x111C3, 0x1193F, 0x11941, 0x11A3A, 0x11D46, 0x11F02].contains(scalar.value)
            || (0x11A84...0x11A89).contains(scalar.value)
    }
}
