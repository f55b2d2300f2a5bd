import CCmarkGFM
import Foundation
import Synchronization

/// GitHub-flavoured Markdown through cmark-gfm (tables, autolinks, strikethrough).
///
/// Raw HTML in the source is shown as literal text unless `allowRawHTML` is set: a policy
/// author writing `<script>` sees it on the page instead of it running or silently vanishing.
public struct MarkdownRenderer: Sendable {
    public var allowRawHTML: Bool
    /// Ids already taken by the page around the body (e.g. `cookies`), so headings never clash.
    public var reservedIDs: Set<String>
    /// Collect `plainText`: a copy of every word of the body, which only `check` reads.
    public var collectsPlainText: Bool

    public init(allowRawHTML: Bool = false, reservedIDs: Set<String> = [], collectsPlainText: Bool = true) {
        self.allowRawHTML = allowRawHTML
        self.reservedIDs = reservedIDs
        self.collectsPlainText = collectsPlainText
    }

    private static let extensionNames = ["table", "autolink", "strikethrough", "tagfilter"]

    /// cmark-gfm's extension registry is global and its registration is not thread-safe, so it
    /// happens once, here (Swift runs a static initializer exactly once), before any parallel
    /// rendering. The extension objects are read-only afterwards.
    nonisolated(unsafe) private static let extensions: [String: OpaquePointer] = {
        cmark_gfm_core_extensions_ensure_registered()
        var found: [String: OpaquePointer] = [:]
        for name in extensionNames { found[name] = cmark_find_syntax_extension(name) }
        return found
    }()

    /// cmark-gfm parses with global tables of the characters that start an extension's inline
    /// syntax, which each parse fills with its extensions' characters and empties when it
    /// finishes: two parses at once lose each other's autolinks and strikethrough. Parsing is a
    /// small part of a build, so parses take turns; walking and rendering the trees stays parallel.
    private static let parseLock = Mutex(())

    public func render(_ markdown: String) -> RenderedMarkdown {
        // The HTML renderer runs with UNSAFE on purpose: in safe mode every raw HTML node has
        // already been turned into text below (cmark would drop it instead), and script-capable
        // link URLs are emptied by `neutraliseUnsafeLinks`.
        let parser = cmark_parser_new(CMARK_OPT_DEFAULT)!
        defer { cmark_parser_free(parser) }
        for name in Self.extensionNames where allowRawHTML || name != "tagfilter" {
            if let ext = Self.extensions[name] { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        var utf8 = Array(markdown.utf8)
        var parsed: OpaquePointer?
        Self.parseLock.withLock { _ in
            utf8.withUnsafeMutableBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    cmark_parser_feed(parser, $0, buffer.count)
                }
            }
            parsed = cmark_parser_finish(parser)
        }
        let document = parsed!
        defer { cmark_node_free(document) }

        var headings: [Heading] = []
        var usedIDs = AnchorRegister(reserved: reservedIDs)
        var explicitIDs = Set<String>()
        var plain = ""
        var rawNodes: [OpaquePointer] = []
        var misplacedClaims: [MisplacedClaim] = []
        let iterator = cmark_iter_new(document)!
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            let node = cmark_iter_get_node(iterator)!
            let type = cmark_node_get_type(node)
            if event == CMARK_EVENT_ENTER {
                if type == CMARK_NODE_HEADING {
                    let explicit = Self.takeExplicitID(node)
                    let text = Self.text(of: node)
                    let level = Int(cmark_node_get_heading_level(node))
                    let id: String
                    if let explicit, level != 2, reservedIDs.contains(explicit) {
                        misplacedClaims.append(MisplacedClaim(line: Int(cmark_node_get_start_line(node)), level: level, id: explicit, title: text))
                    }
                    if let explicit {
                        // A level-2 heading may claim a reserved section id (once); any other
                        // explicit id is kept only while no earlier heading or section has it.
                        let claimsSection = level == 2 && reservedIDs.contains(explicit) && !explicitIDs.contains(explicit)
                        if claimsSection || !usedIDs.contains(explicit) {
                            usedIDs.insert(explicit)
                            explicitIDs.insert(explicit)
                            id = explicit
                        } else {
                            id = usedIDs.claim(Self.slug(text))
                        }
                    } else {
                        id = usedIDs.claim(Self.slug(text))
                    }
                    headings.append(Heading(level: level, text: text, id: id, isExplicit: explicit != nil && id == explicit))
                } else if type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE {
                    rawNodes.append(node)
                }
                if collectsPlainText, let literal = cmark_node_get_literal(node),
                    type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE || type == CMARK_NODE_CODE_BLOCK
                {
                    plain += String(cString: literal) + " "
                }
            } else if collectsPlainText, type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING || type == CMARK_NODE_ITEM {
                plain += "\n"
            }
        }
        cmark_iter_free(iterator)
        let outline = Self.outline(of: document, headings: headings)
        var escaped: [RawHTML] = []
        if !allowRawHTML {
            for node in rawNodes {
                let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
                escaped.append(
                    RawHTML(line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node)), text: literal.trimmingTrailingNewlines))
                Self.replaceWithText(node)
            }
        }
        neutraliseUnsafeLinks(document)

        let options = CMARK_OPT_UNSAFE
        let extensions = cmark_parser_get_syntax_extensions(parser)
        let rendered = cmark_render_html(document, options, extensions)!
        defer { free(rendered) }
        // The ids go in on cmark's own bytes, so the page's HTML is checked as UTF-8 once.
        let length = strlen(rendered)
        let (withIDs, offsets) = rendered.withMemoryRebound(to: UInt8.self, capacity: length) {
            Self.addHeadingIDs(UnsafeBufferPointer(start: $0, count: length), headings)
        }
        return RenderedMarkdown(
            html: withIDs, headings: headings, headingOffsets: offsets, plainText: collectsPlainText ? plain : nil, escapedHTML: escaped, outline: outline,
            misplacedClaims: misplacedClaims)
    }

    /// Shows a raw HTML node as the characters the author typed.
    private static func replaceWithText(_ node: OpaquePointer) {
        let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
        let text = cmark_node_new(CMARK_NODE_TEXT)!
        cmark_node_set_literal(text, literal.hasSuffix("\n") ? String(literal.dropLast()) : literal)
        if cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK {
            let paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH)!
            cmark_node_append_child(paragraph, text)
            cmark_node_replace(node, paragraph)
        } else {
            cmark_node_replace(node, text)
        }
        cmark_node_free(node)
    }

    /// Links and images whose URL scheme could run script are emptied, as cmark's safe mode does.
    private func neutraliseUnsafeLinks(_ document: OpaquePointer) {
        let iterator = cmark_iter_new(document)!
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            let node = cmark_iter_get_node(iterator)!
            let type = cmark_node_get_type(node)
            guard event == CMARK_EVENT_ENTER, type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE,
                let url = cmark_node_get_url(node)
            else { continue }
            if Self.isUnsafeURL(url) { cmark_node_set_url(node, "") }
        }
    }

    /// Whether a URL's scheme, lowercased and without whitespace, is one that can run script.
    static func isUnsafeURL(_ url: String) -> Bool {
        let scheme = url.lowercased().filter { !$0.isWhitespace }
        return ["javascript:", "vbscript:", "file:", "data:"].contains(where: { scheme.hasPrefix($0) }) && !scheme.hasPrefix("data:image/")
    }

    /// The same judgement read from the bytes, for the usual URL: when everything up to the
    /// first colon and the byte after it is ASCII, the scheme is those bytes with ASCII
    /// whitespace taken out, so no `String` needs lowercasing and filtering for every link of
    /// every text. Anything else asks `isUnsafeURL(_:)`.
    static func isUnsafeURL(_ url: UnsafePointer<CChar>) -> Bool {
        var word: UInt128 = 0, length = 0, index = 0
        while true {
            let byte = UInt8(bitPattern: url[index])
            index += 1
            if byte == 0 { return false }  // no colon, no scheme
            if byte >= 0x80 { return isUnsafeURL(String(cString: url)) }
            if byte == UInt8(ascii: ":") { break }
            if byte == 0x20 || (0x09...0x0D).contains(byte) { continue }
            // Longer than any scheme that can run script: not one of them.
            if length == 10 { return false }
            let lower = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
            word = word << 8 | UInt128(lower)
            length += 1
        }
        // A mark combining with the colon makes it another character, which the text check sees.
        if UInt8(bitPattern: url[index]) >= 0x80 { return isUnsafeURL(String(cString: url)) }
        switch word {
        case SchemeWord.data: return isUnsafeURL(String(cString: url))
        case SchemeWord.file, SchemeWord.vbscript, SchemeWord.javascript: return true
        default: return false
        }
    }

    /// Scheme names as `isUnsafeURL` packs them, a byte each (no scheme is empty, so a
    /// word's length is in its value).
    private enum SchemeWord {
        static let data = word("data"), file = word("file"), vbscript = word("vbscript"), javascript = word("javascript")

        static func word(_ text: String) -> UInt128 { text.utf8.reduce(0) { $0 << 8 | UInt128($1) } }
    }

    /// Removes a trailing `{#id}` from a heading (Pandoc/Hugo heading attribute) and returns
    /// the id. Only letters, digits, `-` and `_` are accepted, so the id is safe in HTML.
    private static func takeExplicitID(_ heading: OpaquePointer) -> String? {
        guard let last = cmark_node_last_child(heading), cmark_node_get_type(last) == CMARK_NODE_TEXT,
            let literal = cmark_node_get_literal(last)
        else { return nil }
        let text = String(cString: literal)
        guard text.hasSuffix("}"), let open = text.range(of: "{#", options: .backwards) else { return nil }
        let id = String(text[open.upperBound..<text.index(before: text.endIndex)])
        guard !id.isEmpty, id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else { return nil }
        var rest = String(text[..<open.lowerBound])
        while rest.hasSuffix(" ") { rest.removeLast() }
        cmark_node_set_literal(last, rest)
        return id
    }

    private static func text(of node: OpaquePointer) -> String {
        var text = ""
        let iterator = cmark_iter_new(node)!
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            let child = cmark_iter_get_node(iterator)!
            let type = cmark_node_get_type(child)
            if event == CMARK_EVENT_ENTER, type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE, let literal = cmark_node_get_literal(child) {
                text += String(cString: literal)
            }
        }
        return text
    }

    /// A URL fragment from heading text; keeps letters of every script so Arabic headings get
    /// readable anchors.
    public static func slug(_ text: String) -> String {
        var slug = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                slug.append(character)
            } else if (character.isWhitespace || character == "-" || character == "_") && !slug.isEmpty && slug.last != "-" {
                slug.append("-")
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug.isEmpty ? "section" : slug
    }

    /// cmark renders headings as bare `<hN>` tags, in document order; give each its id, in one
    /// pass over the bytes, and note where each heading starts. The text between headings is
    /// copied in one piece, and a heading's own link is looked for inside the heading only.
    private static func addHeadingIDs(_ source: UnsafeBufferPointer<UInt8>, _ headings: [Heading]) -> (String, [Int]) {
        guard !headings.isEmpty else { return (String(decoding: source, as: UTF8.self), []) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(source.count + headings.count * 64)
        var offsets: [Int] = []
        var copied = 0, index = 0
        for heading in headings {
            let level = min(max(heading.level, 1), 6)
            let open = HeadingTags.open[level], close = HeadingTags.close[level]
            guard let start = firstIndex(of: open, in: source, from: index, to: source.count) else { break }
            bytes += source[copied..<start]
            offsets.append(bytes.count)
            let id = escapeAttribute(heading.id)
            bytes += HeadingTags.openWithID[level]
            bytes += id.utf8
            bytes += HeadingTags.endOfOpen
            index = start + open.count
            copied = index
            // The heading's text links to its own anchor (a permalink readers can copy),
            // unless it holds a link of its own.
            if let end = firstIndex(of: close, in: source, from: index, to: source.count),
                firstIndex(of: HeadingTags.link, in: source, from: index, to: end) == nil
            {
                bytes += HeadingTags.permalink
                bytes += id.utf8
                bytes += HeadingTags.endOfOpen
                bytes += source[index..<end]
                bytes += HeadingTags.closeLink
                index = end
                copied = end
            }
        }
        bytes += source[copied...]
        return (String(decoding: bytes, as: UTF8.self), offsets)
    }
}

/// The byte strings `addHeadingIDs` looks for and writes, by heading level (1–6), made once.
private enum HeadingTags {
    static let open = (0...6).map { Array("<h\($0)>".utf8) }
    static let close = (0...6).map { Array("</h\($0)>".utf8) }
    static let openWithID = (0...6).map { Array("<h\($0) id=\"".utf8) }
    static let endOfOpen = Array("\">".utf8)
    static let link = Array("<a ".utf8)
    static let permalink = Array("<a class=\"permalink\" href=\"#".utf8)
    static let closeLink = Array("</a>".utf8)
}

/// Where `needle` next occurs in `bytes` at or after `start`, wholly before `limit`: `memchr`
/// to each place its first byte is, then `memcmp` (the body's HTML is searched once per
/// heading, from one heading to the next).
private func firstIndex(of needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to limit: Int) -> Int? {
    guard let first = needle.first, start <= limit, limit <= bytes.count, let base = bytes.baseAddress else { return nil }
    return needle.withUnsafeBytes { needleBytes -> Int? in
        var index = start
        while index + needle.count <= limit {
            guard let found = memchr(base + index, Int32(first), limit - needle.count + 1 - index) else { return nil }
            index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + index, needleBytes.baseAddress!, needle.count) == 0 { return index }
            index += 1
        }
        return nil
    }
}
