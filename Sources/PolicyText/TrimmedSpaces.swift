extension StringProtocol {
    /// Without leading and trailing spaces, tabs and carriage returns. Foundation's
    /// `trimmingCharacters(in:)` goes through NSString and was a sixth of a build's time.
    public var trimmedSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
