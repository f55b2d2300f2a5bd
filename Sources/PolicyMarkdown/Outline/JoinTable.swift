/// Both predicates for every scalar below U+3000 (Latin to the Indic scripts, Arabic and
/// Hebrew: nearly every non-ASCII neighbour of a space), worked out once per process from the
/// property functions themselves, so the table and the properties cannot disagree; scalars from
/// U+3000 up still ask the properties.
enum JoinTable {
    static let end: UInt32 = 0x3000
    static let afterSpace = Bits(end) { MarkdownRenderer.joinsAfterSpaceByProperties($0) }
    static let beforeSpace = Bits(end) { MarkdownRenderer.joinsBeforeSpaceByProperties($0) }

    struct Bits: Sendable {
        private var words: [UInt64]

        init(_ end: UInt32, _ predicate: (Unicode.Scalar) -> Bool) {
            words = Array(repeating: 0, count: Int(end) / 64 + 1)
            for value in 0..<end {
                if let scalar = Unicode.Scalar(value), predicate(scalar) { words[Int(value) / 64] |= 1 << (UInt64(value) % 64) }
            }
        }

        func contains(_ value: UInt32) -> Bool { words[Int(value) / 64] & (1 << (UInt64(value) % 64)) != 0 }
    }
}

extension String {
    var trimmingTrailingNewlines: String {
        var text = Substring(self)
        while text.hasSuffix("\n") { text.removeLast() }
        return String(text)
    }
}
