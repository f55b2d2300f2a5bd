import PolicyMarkdown

/// Sentence-level comparison of two Markdown bodies, section by section. Sentences are the
/// unit readers notice ("we now keep logs for 6 months"), unlike lines or characters.
enum TextDiff {
    struct Section {
        var id: String
        var title: String
        var sentences: [String]
    }

    static func sections(from old: String, to new: String) -> [SectionDiff] {
        let before = split(old), after = split(new)
        var result: [SectionDiff] = []
        var matched = Set<String>()
        for section in after {
            let previous = before.first { $0.id == section.id }
            if previous != nil { matched.insert(section.id) }
            result.append(SectionDiff(id: section.id, title: section.title, pieces: pieces(from: previous?.sentences ?? [], to: section.sentences)))
        }
        for section in before where !matched.contains(section.id) {
            result.append(SectionDiff(id: section.id, title: section.title, pieces: pieces(from: section.sentences, to: [])))
        }
        return result
    }

    /// Splits a body at its `##` headings; text before the first heading is its own section.
    static func split(_ body: String) -> [Section] {
        var sections: [Section] = []
        var current = Section(id: "preamble", title: "", sentences: [])
        var paragraph: [String] = []
        func flushParagraph() {
            if !paragraph.isEmpty { current.sentences += sentences(paragraph.joined(separator: " ")) }
            paragraph = []
        }
        for line in body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("## ") {
                flushParagraph()
                if current.id != "preamble" || !current.sentences.isEmpty { sections.append(current) }
                let (title, id) = heading(String(line.dropFirst(3)))
                current = Section(id: id, title: title, sentences: [])
            } else if line.trimmingCharacters(in: .whitespaces).isEmpty {
                flushParagraph()
            } else if isBlockStart(line) {
                flushParagraph()
                paragraph = [line]
            } else {
                paragraph.append(line.trimmingCharacters(in: .whitespaces))
            }
        }
        flushParagraph()
        if current.id != "preamble" || !current.sentences.isEmpty { sections.append(current) }
        return sections
    }

    /// List items, table rows, quotes and sub-headings start a new unit of their own.
    private static func isBlockStart(_ line: String) -> Bool {
        let trimmed = line.drop { $0 == " " }
        return trimmed.hasPrefix("- ") || trimmed.hasPrefix("* ") || trimmed.hasPrefix("|") || trimmed.hasPrefix(">") || trimmed.hasPrefix("#")
            || (trimmed.first?.isNumber == true && trimmed.contains(". "))
    }

    private static func heading(_ text: String) -> (title: String, id: String) {
        if text.hasSuffix("}"), let open = text.range(of: "{#", options: .backwards) {
            let id = String(text[open.upperBound..<text.index(before: text.endIndex)])
            return (String(text[..<open.lowerBound]).trimmingCharacters(in: .whitespaces), id)
        }
        return (text, MarkdownRenderer.slug(text))
    }

    /// Sentences of a paragraph, with Markdown markup removed for reading.
    static func sentences(_ paragraph: String) -> [String] {
        let text = readable(paragraph)
        var result: [String] = []
        var current = ""
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            current.append(character)
            let atEnd = index + 1 == characters.count || characters[index + 1] == " "
            if ".!?؟।。".contains(character) && atEnd {
                result.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            }
        }
        if !current.trimmingCharacters(in: .whitespaces).isEmpty { result.append(current.trimmingCharacters(in: .whitespaces)) }
        return result
    }

    /// Markdown source as a reader sees it: `[text](url)` → text, emphasis and code marks dropped.
    static func readable(_ markdown: String) -> String {
        var text = markdown
        while let open = text.range(of: "]("), let close = text[open.upperBound...].firstIndex(of: ")"),
            let start = text[..<open.lowerBound].lastIndex(of: "[")
        {
            let label = text[text.index(after: start)..<open.lowerBound]
            text.replaceSubrange(start...close, with: label)
        }
        for mark in ["**", "__", "`"] { text = text.replacingOccurrences(of: mark, with: "") }
        return text
    }

    static func pieces(from old: [String], to new: [String]) -> [TextPiece] {
        let difference = new.difference(from: old)
        var removed = Set<Int>(), inserted = Set<Int>()
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        var pieces: [TextPiece] = []
        func append(_ kind: TextPiece.Kind, _ text: String) {
            if let last = pieces.last, last.kind == kind {
                pieces[pieces.count - 1].text += " " + text
            } else {
                pieces.append(TextPiece(kind: kind, text: text))
            }
        }
        var i = 0, j = 0
        while i < old.count || j < new.count {
            if i < old.count, removed.contains(i) {
                append(.removed, old[i]); i += 1
            } else if j < new.count, inserted.contains(j) {
                append(.added, new[j]); j += 1
            } else {
                append(.same, new[j]); i += 1; j += 1
            }
        }
        return pieces
    }
}
