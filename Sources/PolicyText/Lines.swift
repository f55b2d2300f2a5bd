extension StringProtocol {
    /// Lines split at "\n" on UTF-8 bytes, empty lines kept. Character-based `split` costs a
    /// grapheme break check per character, which showed in profiles of large corpora.
    public var lines: [Substring] {
        let text = Substring(self)
        var result: [Substring] = []
        var start = text.startIndex
        let utf8 = text.utf8
        var index = utf8.startIndex
        while index != utf8.endIndex {
            if utf8[index] == UInt8(ascii: "\n") {
                result.append(text[start..<index])
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        result.append(text[start...])
        return result
    }
}
