import Foundation
import PolicyMarkdown
import PolicyModel

/// Sentence-level comparison of two Markdown bodies, section by section. Sentences are the
/// unit readers notice ("we now keep logs for 6 months"), unlike lines or characters.
enum TextDiff {
    struct Section {
        var id: String
        var title: String
        var sentences: [String]
    }

    static func sections(from old: String, to new: String) -> [SectionDiff] {
        sections(from: split(old), to: split(new))
    }

    static func sections(from before: [Section], to after: [Section]) -> [SectionDiff] {
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
        for line in body.lines {
            if line.hasPrefix("## ") {
                flushParagraph()
                if current.id != "preamble" || !current.sentences.isEmpty { sections.append(current) }
                let (title, id) = heading(String(line.dropFirst(3)))
                current = Section(id: id, title: title, sentences: [])
            } else if line.allSatisfy({ $0 == " " || $0 == "\t" }) {
                flushParagraph()
            } else if isBlockStart(String(line)) {
                flushParagraph()
                paragraph = [String(line)]
            } else {
                paragraph.append(line.trimmedSpaces)
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
            return (String(text[..<open.lowerBound]).trimmedSpaces, id)
        }
        return (text, MarkdownRenderer.slug(text))
    }

    private static let terminators: Set<Unicode.Scalar> = [".", "!", "?", "؟", "।", "。"]

    /// Sentences of a paragraph, with Markdown markup removed for reading. Works on Unicode
    /// scalars: diffs of long policies split tens of thousands of sentences per build.
    static func sentences(_ paragraph: String) -> [String] {
        let scalars = Array(readable(paragraph).unicodeScalars)
        var result: [String] = []
        var start = 0
        func emit(_ end: Int) {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[start..<end])
            let sentence = String(view).trimmedSpaces
            if !sentence.isEmpty { result.append(sentence) }
            start = end
        }
        for index in scalars.indices where terminators.contains(scalars[index]) {
            if index + 1 == scalars.count || scalars[index + 1] == " " { emit(index + 1) }
        }
        if start < scalars.count { emit(scalars.count) }
        return result
    }

    /// Markdown source as a reader sees it: `[text](url)` → text, emphasis and code marks
    /// dropped. One pass over the scalars.
    static func readable(_ markdown: String) -> String {
        let scalars = Array(markdown.unicodeScalars)
        var output = String.UnicodeScalarView()
        var index = 0
        var linkStart: Int? = nil  // where the current link label starts in `output`
        while index < scalars.count {
            let scalar = scalars[index]
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            if scalar == "`" {
                index += 1
            } else if (scalar == "*" || scalar == "_") && next == scalar {
                index += 2
            } else if scalar == "[" {
                linkStart = output.count
                output.append(scalar)
                index += 1
            } else if scalar == "]", next == "(", let start = linkStart,
                let close = scalars[(index + 2)...].firstIndex(of: ")")
            {
                // Keep the label, drop "[" and "(url)".
                var label = Array(output)
                label.remove(at: start)
                output = String.UnicodeScalarView(label)
                linkStart = nil
                index = close + 1
            } else {
                output.append(scalar)
                index += 1
            }
        }
        return String(output)
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
