public import PolicyMarkdown
import PolicyText

enum ProseDiff {
    static func sections(from old: [OutlineSection], to new: [OutlineSection]) -> [SectionDiff] {
        sections(from: old.map(ProseSection.init), to: new.map(ProseSection.init))
    }

    static func sections(from oldTexts: [ProseSection], to newTexts: [ProseSection]) -> [SectionDiff] {
        let old = oldTexts.map(\.outline), new = newTexts.map(\.outline)
        var pairs: [Int: Int] = [:]  // new index → old index
        var usedOld = Set<Int>()
        // Words of the sentences of the sections compared by content, made when first needed:
        // most sections pair by id, and a long policy has tens of thousands of sentences.
        var oldWords: [Int: [Set<Substring>]] = [:], newWords: [Int: [Set<Substring>]] = [:]
        // Share of sentences with a counterpart (the same or mostly the same words) on the other
        // side; 0 when the texts share nothing.
        var overlaps: [Int: Double] = [:]
        func overlap(_ o: Int, _ n: Int) -> Double {
            if let known = overlaps[o * new.count + n] { return known }
            if oldWords[o] == nil { oldWords[o] = oldTexts[o].sentences.map(wordSet) }
            if newWords[n] == nil { newWords[n] = newTexts[n].sentences.map(wordSet) }
            let value = sentenceOverlap(oldTexts[o].sentences, oldWords[o]!, newTexts[n].sentences, newWords[n]!)
            overlaps[o * new.count + n] = value
            return value
        }
        // A heading of the same title (or of the same generated id) at another level is another
        // section unless the texts share something: a `##### Cookies` heading inside a list is
        // not the `#### Cookies` section.
        func sameSection(_ o: Int, _ n: Int) -> Bool {
            old[o].level == new[n].level || (old[o].isExplicit && new[n].isExplicit && old[o].id == new[n].id) || overlap(o, n) > 0
        }
        func match(_ rule: (Int, Int) -> Bool) {
            for n in new.indices where pairs[n] == nil {
                if let o = old.indices.first(where: { !usedOld.contains($0) && rule($0, n) && sameSection($0, n) }) {
                    pairs[n] = o
                    usedOld.insert(o)
                }
            }
        }
        match { old[$0].id == new[$1].id }
        match { old[$0].title.lowercased() == new[$1].title.lowercased() && !old[$0].title.isEmpty }
        // Renamed sections: what is still unmatched pairs by content, best pairs first, never
        // below half of the sentences kept (edited in place or not), never with nothing shared.
        var candidates: [(score: Double, o: Int, n: Int)] = []
        for n in new.indices where pairs[n] == nil && !newTexts[n].sentences.isEmpty {
            for o in old.indices where !usedOld.contains(o) && !oldTexts[o].sentences.isEmpty {
                let score = overlap(o, n)
                // On a tie the section at the same level wins.
                if score >= 0.5 { candidates.append((score + (old[o].level == new[n].level ? 0.001 : 0), o, n)) }
            }
        }
        for candidate in candidates.sorted(by: { ($0.score, -$0.n, -$0.o) > ($1.score, -$1.n, -$1.o) })
        where pairs[candidate.n] == nil && !usedOld.contains(candidate.o) {
            pairs[candidate.n] = candidate.o
            usedOld.insert(candidate.o)
        }
        let stayed = longestIncreasing(new.indices.compactMap { pairs[$0] })

        var result: [SectionDiff] = []
        var positions: [Int: Int] = [:]  // old index → its entry in `result`
        for (n, section) in new.enumerated() {
            guard let o = pairs[n] else {
                result.append(
                    SectionDiff(
                        id: section.id, title: section.title, oldTitle: nil, level: section.level, status: .added, moved: false,
                        pieces: pieces(from: [], to: newTexts[n].sentences, lines: newTexts[n].lines), links: linkChanges(from: [], to: section.links)))
                continue
            }
            let before = old[o]
            let oldTitle = before.title == section.title ? nil : before.title, moved = !stayed.contains(o)
            let links = linkChanges(from: before.links, to: section.links)
            var pieces: [TextPiece] = []
            if oldTexts[o].sentences != newTexts[n].sentences {
                pieces = self.pieces(from: oldTexts[o].sentences, to: newTexts[n].sentences, lines: oldTexts[o].lines.union(newTexts[n].lines))
            } else if oldTitle != nil || moved || !links.isEmpty {
                // Shown whole, as it stays, beside what did change; a section with no change
                // at all is shown by its title alone (most of a diff), so its text is not joined.
                pieces = [TextPiece(kind: .same, text: newTexts[n].sentences.joined(separator: " "))]
            }
            let changed = pieces.contains { $0.kind != .same }
            positions[o] = result.count
            result.append(
                SectionDiff(
                    id: section.id, title: section.title, oldTitle: oldTitle, level: section.level, status: changed ? .changed : .same, moved: moved,
                    pieces: pieces, links: links))
        }
        // A removed section is listed where it stood: after the section that preceded it in the
        // earlier version, beside what replaced it rather than at the end.
        var removedAfter: [Int: [SectionDiff]] = [:]  // entry in `result` (-1: the start) → removed sections
        for (o, section) in old.enumerated() where !usedOld.contains(o) {
            let anchor = (0..<o).reversed().first { positions[$0] != nil }.flatMap { positions[$0] } ?? -1
            removedAfter[anchor, default: []].append(
                SectionDiff(
                    id: section.id, title: section.title, oldTitle: nil, level: section.level, status: .removed, moved: false,
                    pieces: pieces(from: oldTexts[o].sentences, to: [], lines: oldTexts[o].lines), links: linkChanges(from: section.links, to: [])))
        }
        guard !removedAfter.isEmpty else { return result }
        var ordered = removedAfter[-1] ?? []
        for (index, entry) in result.enumerated() {
            ordered.append(entry)
            ordered += removedAfter[index] ?? []
        }
        return ordered
    }

    /// The words of a sentence, for comparing sentences.
    static func wordSet(_ sentence: String) -> Set<Substring> { Set(sentence.lowercased().split(separator: " ").map { Substring($0) }) }

    /// The share of both texts' sentences that have a counterpart on the other side: the same
    /// sentence, or one with at least half of its words in common.
    static func sentenceOverlap(_ a: [String], _ aWords: [Set<Substring>], _ b: [String], _ bWords: [Set<Substring>]) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        var remaining = Array(a.indices)
        var matched = 0
        let exact = Dictionary(a.enumerated().map { ($0.element, $0.offset) }) { first, _ in first }
        for (j, sentence) in b.enumerated() {
            var found: Int? = nil
            if let i = exact[sentence], let slot = remaining.firstIndex(of: i) {
                found = slot
            } else {
                found = remaining.firstIndex { i in
                    let union = aWords[i].union(bWords[j]).count
                    return union > 0 && Double(aWords[i].intersection(bWords[j]).count) / Double(union) >= 0.5
                }
            }
            if let slot = found {
                remaining.remove(at: slot)
                matched += 1
            }
        }
        return Double(2 * matched) / Double(a.count + b.count)
    }

    static func sentences(of section: OutlineSection) -> [String] { units(of: section).sentences }

    /// The sentences of a section's blocks; a block of several lines (a code block, a table: the
    /// outline keeps their line breaks) is compared line by line, its lines kept as they are.
    static func units(of section: OutlineSection) -> (sentences: [String], lines: Set<String>) {
        var sentences: [String] = [], lines = Set<String>()
        for block in section.blocks {
            guard block.utf8.contains(UInt8(ascii: "\n")) else {
                sentences += self.sentences(block)
                continue
            }
            for line in block.split(separator: "\n") {
                var text = Substring(line)
                while let last = text.last, last == " " || last == "\t" || last == "\r" { text.removeLast() }
                guard !text.isEmpty else { continue }
                sentences.append(String(text))
                lines.insert(String(text))
            }
        }
        return (sentences, lines)
    }

    /// Sentences of a block of plain text: each ends at `.`, `!`, `?`, Arabic `؟`, Devanagari
    /// `।` or CJK `。` followed by a space or the end. Scans UTF-8 bytes (every terminator is
    /// one fixed byte sequence), because long policies have tens of thousands of sentences and a
    /// per-scalar set lookup was a tenth of a build.
    static func sentences(_ text: String) -> [String] {
        var result: [String] = []
        var text = text
        text.withUTF8 { bytes in
            let count = bytes.count
            var start = 0
            func emit(_ end: Int) {
                let sentence = trimmed(UnsafeBufferPointer(rebasing: bytes[start..<end]))
                if !sentence.isEmpty { result.append(sentence) }
                start = end
            }
            var index = 0
            while index < count {
                let width = terminatorWidth(bytes, at: index)
                guard width > 0 else {
                    index += 1
                    continue
                }
                let end = index + width
                if end == count || bytes[end] == UInt8(ascii: " ") && !isAbbreviation(bytes, dot: index, next: end) { emit(end) }
                index = end
            }
            if start < count { emit(count) }
        }
        return result
    }

    /// `String(decoding: bytes).trimmedSpaces`, trimming on bytes where that gives the same: a
    /// space, tab or carriage return with ASCII (or nothing) on its inner side is a Character of
    /// its own (a CR before LF is not). Every sentence but the first starts with the space after
    /// the last one's full stop, so this ran a Character search on nearly every sentence.
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }
        var low = 0, high = bytes.count
        while low < high, isSpace(bytes[low]), low + 1 == high || bytes[low + 1] < 0x80 && !(bytes[low] == 0x0D && bytes[low + 1] == 0x0A) {
            low += 1
        }
        while high > low, isSpace(bytes[high - 1]), high - 1 == low || bytes[high - 2] < 0x80 { high -= 1 }
        guard low == high || !isSpace(bytes[low]) && !isSpace(bytes[high - 1]) else {
            return String(decoding: bytes, as: UTF8.self).trimmedSpaces
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[low..<high]), as: UTF8.self)
    }

    /// Words whose full stop never ends a sentence.
    static let abbreviations: Set<[UInt8]> = Set(
        ["e.g", "i.e", "E.g", "I.e", "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "vs", "cf", "approx", "incl", "z.B", "d.h"]
            .map { Array($0.utf8) })

    /// True when the full stop at `dot` ends an abbreviation rather than a sentence: a known
    /// abbreviation (`e.g.`, `No.`), an initial (`J. Smith`), or any word followed by one in
    /// lower case or a digit (`Example, Inc. and its affiliate`), which no sentence starts with.
    static func isAbbreviation(_ bytes: UnsafeBufferPointer<UInt8>, dot: Int, next: Int) -> Bool {
        guard bytes[dot] == UInt8(ascii: ".") else { return false }
        var following = next
        while following < bytes.count, bytes[following] == UInt8(ascii: " ") { following += 1 }
        if following < bytes.count,
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(bytes[following]) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[following])
        {
            return true
        }
        var start = dot
        while start > 0, bytes[start - 1] != UInt8(ascii: " "), bytes[start - 1] != UInt8(ascii: "("), bytes[start - 1] != UInt8(ascii: "\"") { start -= 1 }
        let word = bytes[start..<dot]
        if word.count == 1, let letter = word.first, (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(letter) { return true }
        return word.count <= 6 && abbreviations.contains(Array(word))
    }

    /// The length in bytes of the sentence terminator at `index`, or 0.
    @inline(__always)
    private static func terminatorWidth(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        switch bytes[index] {
        case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"): return 1
        case 0xD8 where index + 1 < bytes.count && bytes[index + 1] == 0x9F: return 2  // ؟ U+061F
        case 0xE0 where index + 2 < bytes.count && bytes[index + 1] == 0xA5 && bytes[index + 2] == 0xA4: return 3  // । U+0964
        case 0xE3 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x82: return 3  // 。 U+3002
        default: return 0
        }
    }

    /// Sentence pieces; a removed sentence followed by a similar added one becomes `modified`
    /// with the words that changed.
    static func pieces(from old: [String], to new: [String], lines: Set<String> = []) -> [TextPiece] {
        let raw = sequence(old, new).map { TextPiece(kind: $0.0, text: $0.1, isLine: lines.contains($0.1)) }
        var result: [TextPiece] = []
        var index = 0
        while index < raw.count {
            guard raw[index].kind == .removed else {
                append(raw[index], to: &result)
                index += 1
                continue
            }
            var removed: [TextPiece] = []
            while index < raw.count, raw[index].kind == .removed {
                removed.append(raw[index])
                index += 1
            }
            var added: [TextPiece] = []
            while index < raw.count, raw[index].kind == .added {
                added.append(raw[index])
                index += 1
            }
            let paired = min(removed.count, added.count)
            for i in 0..<max(removed.count, added.count) {
                if i < paired, similarity(removed[i].text, added[i].text) >= 0.5 {
                    append(
                        TextPiece(
                            kind: .modified, text: added[i].text, words: words(from: removed[i].text, to: added[i].text),
                            isLine: removed[i].isLine || added[i].isLine), to: &result)
                } else {
                    if i < removed.count { append(removed[i], to: &result) }
                    if i < added.count { append(added[i], to: &result) }
                }
            }
        }
        return result
    }

    /// Word-level pieces of one sentence edited in place.
    static func words(from old: String, to new: String) -> [TextPiece] {
        let a = old.split(separator: " ").map(String.init), b = new.split(separator: " ").map(String.init)
        var result: [TextPiece] = []
        for (kind, word) in sequence(a, b) {
            if let last = result.last, last.kind == kind {
                result[result.count - 1].text += " " + word
            } else {
                result.append(TextPiece(kind: kind, text: word))
            }
        }
        return result
    }

    /// Old and new elements in reading order, each marked same, removed or added.
    private static func sequence(_ old: [String], _ new: [String]) -> [(TextPiece.Kind, String)] {
        let difference = new.difference(from: old)
        var removed = Set<Int>(), inserted = Set<Int>()
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        var result: [(TextPiece.Kind, String)] = []
        var i = 0, j = 0
        while i < old.count || j < new.count {
            if i < old.count, removed.contains(i) {
                result.append((.removed, old[i]))
                i += 1
            } else if j < new.count, inserted.contains(j) {
                result.append((.added, new[j]))
                j += 1
            } else {
                result.append((.same, new[j]))
                i += 1
                j += 1
            }
        }
        return result
    }

    private static func append(_ piece: TextPiece, to pieces: inout [TextPiece]) {
        if let last = pieces.last, last.kind == piece.kind, piece.kind != .modified, !last.isLine, !piece.isLine {
            pieces[pieces.count - 1].text += " " + piece.text
        } else {
            pieces.append(piece)
        }
    }

    /// Share of words two sentences have in common (Jaccard).
    static func similarity(_ a: String, _ b: String) -> Double {
        let x = Set(a.lowercased().split(separator: " ")), y = Set(b.lowercased().split(separator: " "))
        guard !x.isEmpty || !y.isEmpty else { return 1 }
        return Double(x.intersection(y).count) / Double(x.union(y).count)
    }

    /// Links matched by their text: a changed target, an added or a removed link.
    static func linkChanges(from old: [OutlineSection.Link], to new: [OutlineSection.Link]) -> [LinkChange] {
        var changes: [LinkChange] = []
        var remaining = old
        for link in new {
            if let same = remaining.firstIndex(of: link) {
                remaining.remove(at: same)
            } else if let renamed = remaining.firstIndex(where: { $0.text == link.text }) {
                changes.append(LinkChange(text: link.text, before: remaining[renamed].url, after: link.url))
                remaining.remove(at: renamed)
            } else {
                changes.append(LinkChange(text: link.text, before: nil, after: link.url))
            }
        }
        changes += remaining.map { LinkChange(text: $0.text, before: $0.url, after: nil) }
        return changes
    }

    /// The elements of the longest increasing subsequence: sections that kept their order.
    static func longestIncreasing(_ values: [Int]) -> Set<Int> {
        guard !values.isEmpty else { return [] }
        var lengths = Array(repeating: 1, count: values.count), previous = Array(repeating: -1, count: values.count)
        for i in values.indices {
            // On a tie keep the smaller predecessor: of two swapped sections, the one that
            // jumped ahead is the one reported as moved.
            for j in 0..<i where values[j] < values[i] {
                if lengths[j] + 1 > lengths[i] || (lengths[j] + 1 == lengths[i] && previous[i] >= 0 && values[j] < values[previous[i]]) {
                    lengths[i] = lengths[j] + 1
                    previous[i] = j
                }
            }
        }
        var index = lengths.indices.max { lengths[$0] < lengths[$1] }!
        var kept = Set<Int>()
        while index >= 0 {
            kept.insert(values[index])
            index = previous[index]
        }
        return kept
    }
}
