/// A policy diff for the terminal, like `git diff`: field changes first, then the prose by
/// section. Lines are wrapped to the width; colour only when asked (a TTY without NO_COLOR).
public struct DiffPrinter: Sendable {
    public enum Mode: String, Sendable, CaseIterable {
        /// One sentence per line, marked `-` or `+`; an edited sentence shows its words.
        case sentences
        /// Whole paragraphs with `[-removed-]{+added+}` inline, as `git diff --word-diff`.
        case word
        /// Only counts: what changed where.
        case stat
    }

    public var mode: Mode
    public var width: Int
    public var color: Bool

    public init(mode: Mode = .sentences, width: Int = 80, color: Bool = false) {
        self.mode = mode
        self.width = max(width, 20)
        self.color = color
    }

    public static func render(_ diff: PolicyDiff) -> String { DiffPrinter().render(diff) }

    public func render(_ diff: PolicyDiff) -> String {
        var text = wrap(paint("Changes from \(diff.fromLabel) to \(diff.toLabel)", .bold), indent: "  ")
        if diff.isEmpty { return text + "No differences.\n" }
        if mode == .stat { return text + stat(diff) }
        if !diff.fields.isEmpty { text += "\n" + paint("Structured data:", .bold) + "\n" }
        // A field change is one fact, so one marked line: its wrapped lines are indented.
        for change in diff.fields { text += wrap(field(change), indent: "  ") }
        for section in diff.sections where section.hasChanges {
            text += "\n" + wrap(paint(heading(section), .bold), indent: String(repeating: " ", count: max(section.level, 1) + 1))
            if section.status == .same && section.links.isEmpty { continue }
            switch mode {
            case .word: text += wordParagraphs(section.pieces)
            default:
                for piece in section.pieces where piece.kind != .same { text += sentenceLine(piece) }
            }
            for link in section.links { text += wrap(linkLine(link), indent: "  ") }
        }
        return text
    }

    /// The pieces as paragraphs with the changes inline; a line of code or a table row stays
    /// on a line of its own.
    private func wordParagraphs(_ pieces: [TextPiece]) -> String {
        var text = "", paragraph: [String] = []
        func flush() {
            if !paragraph.isEmpty { text += wrap(paragraph.joined(separator: " "), indent: "") }
            paragraph = []
        }
        for piece in pieces {
            if piece.isLine {
                flush()
                text += wrap(inline(piece), indent: "")
            } else {
                paragraph.append(inline(piece))
            }
        }
        flush()
        return text
    }

    private func heading(_ section: SectionDiff) -> String {
        let hashes = String(repeating: "#", count: max(section.level, 1))
        var title = "\(hashes) \(section.title.isEmpty ? "(introduction)" : section.title)"
        if let old = section.oldTitle { title += " (renamed from \"\(old)\")" }
        switch section.status {
        case .added: title += " [added]"
        case .removed: title += " [removed]"
        default: break
        }
        if section.moved { title += " [moved]" }
        return title
    }

    private func field(_ change: FieldChange) -> String {
        switch change.kind {
        case .added:
            // A plain list item names itself: `+ items[Job title]`.
            if case .item(let name)? = change.path.last, name == change.after?.summary { return paint("+ \(change.pathText)", .green) }
            return paint("+ \(change.pathText) = \(change.after?.summary ?? "")", .green)
        case .removed:
            if case .item(let name)? = change.path.last, name == change.before?.summary { return paint("- \(change.pathText)", .red) }
            return paint("- \(change.pathText) (was \(change.before?.summary ?? ""))", .red)
        case .changed: return "~ \(change.pathText): " + paint(change.before?.summary ?? "", .red) + " → " + paint(change.after?.summary ?? "", .green)
        case .moved: return "> \(change.pathText) moved from \(FieldChange.text(change.movedFrom ?? []))"
        }
    }

    /// A sentence, code line or table row, its marker repeated on every line it wraps to: a
    /// continuation never reads as unchanged text, nor as a line of code of its own.
    private func sentenceLine(_ piece: TextPiece) -> String {
        switch piece.kind {
        case .added: return wrap(paint("+ " + piece.text, .green), indent: "+ ")
        case .removed: return wrap(paint("- " + piece.text, .red), indent: "- ")
        case .modified: return wrap("~ " + piece.words.map(inline).joined(separator: " "), indent: "~ ")
        case .same: return ""
        }
    }

    private func inline(_ piece: TextPiece) -> String {
        switch piece.kind {
        case .same: return piece.text
        case .removed: return paint("[-\(piece.text)-]", .red)
        case .added: return paint("{+\(piece.text)+}", .green)
        case .modified: return piece.words.map(inline).joined(separator: " ")
        }
    }

    private func linkLine(_ link: LinkChange) -> String {
        switch (link.before, link.after) {
        case let (before?, after?): return "~ link \"\(link.text)\": " + paint(before, .red) + " → " + paint(after, .green)
        case let (nil, after?): return paint("+ link \"\(link.text)\" → \(after)", .green)
        case let (before?, nil): return paint("- link \"\(link.text)\" → \(before)", .red)
        default: return ""
        }
    }

    private func stat(_ diff: PolicyDiff) -> String {
        var text = ""
        // Counts per top-level field (and per company fact), in the order they first change.
        var order: [String] = [], counts: [String: Int] = [:]
        for change in diff.fields {
            var key = change.path.first?.description ?? ""
            if key == "company", let fact = change.path.dropFirst().first { key += "." + fact.description }
            if counts[key] == nil { order.append(key) }
            counts[key, default: 0] += 1
        }
        for key in order { text += " \(key) | \(counts[key]!) field change\(counts[key]! == 1 ? "" : "s")\n" }
        for section in diff.sections where section.hasChanges {
            let added = section.pieces.filter { $0.kind == .added }.count, removed = section.pieces.filter { $0.kind == .removed }.count
            let modified = section.pieces.filter { $0.kind == .modified }.count
            var parts = ["\(paint("+\(added)", .green)) \(paint("-\(removed)", .red)) ~\(modified)"]
            if !section.links.isEmpty { parts.append("\(section.links.count) link\(section.links.count == 1 ? "" : "s")") }
            text += wrap(" \(heading(section)) | \(parts.joined(separator: ", "))", indent: "   ")
        }
        return text
    }

    enum Colour: String { case red = "31", green = "32", bold = "1" }

    private func paint(_ text: String, _ colour: Colour) -> String { color ? "\u{1B}[\(colour.rawValue)m\(text)\u{1B}[0m" : text }

    /// Wraps at spaces to the width, continuation lines starting with `indent`; escape codes take
    /// no width. A word longer than a line is cut, unless it is a link or an address (cut, it
    /// would no longer work when copied).
    func wrap(_ line: String, indent: String) -> String {
        var output = "", current = "", visible = 0
        var words: [Substring] = []
        for word in line.split(separator: " ", omittingEmptySubsequences: false) {
            let room = width - indent.count
            guard room > 0, Self.visibleLength(word) > room, !Self.isUnbreakable(word) else {
                words.append(word)
                continue
            }
            // Cut every `room` visible characters; colour codes go with the text they colour.
            var start = word.startIndex, count = 0, inEscape = false
            for index in word.indices {
                let character = word[index]
                if character == "\u{1B}" {
                    inEscape = true
                } else if inEscape {
                    if character == "m" { inEscape = false }
                } else {
                    if count == room {
                        words.append(word[start..<index])
                        start = index
                        count = 0
                    }
                    count += 1
                }
            }
            words.append(word[start...])
        }
        for (index, word) in words.enumerated() {
            let length = Self.visibleLength(word)
            if index == 0 {
                current = String(word)
                visible = length
            } else if visible > 0 && visible + 1 + length > width {
                output += current + "\n"
                current = indent + word
                visible = indent.count + length
            } else {
                current += " " + word
                visible += 1 + length
            }
        }
        return output + current + "\n"
    }

    /// A URL, an e-mail address or a path: kept whole even when longer than a line.
    static func isUnbreakable(_ word: Substring) -> Bool {
        word.contains("://") || word.hasPrefix("www.") || word.contains("@") || word.hasPrefix("/")
    }

    static func visibleLength(_ text: Substring) -> Int {
        var count = 0, inEscape = false
        for character in text {
            if character == "\u{1B}" { inEscape = true } else if inEscape { if character == "m" { inEscape = false } } else { count += 1 }
        }
        return count
    }
}
