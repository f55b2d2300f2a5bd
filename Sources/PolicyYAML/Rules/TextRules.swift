import PolicyDiagnostics

/// Rules every text value in the content obeys, checked where it is decoded.
public enum TextRules {
    /// The longest one-line value (a title, a name): it is shown in headings and in the title
    /// of every page, so a long one is a mistake (a paragraph pasted in the wrong field) that
    /// would be repeated on every page.
    public static let lineCharacters = 300

    /// The first control character of `text` other than a tab or a line break, as a problem
    /// with the field at `field`: such characters (an escape, a NUL) are invisible in an editor,
    /// break terminals and are no text a reader could see.
    public static func controlCharacter(in text: String, field: String) -> ValueError? {
        var position = 0
        for scalar in text.unicodeScalars {
            position += 1
            guard isControl(scalar), scalar != "\t", scalar != "\n" else { continue }
            let code = String(scalar.value, radix: 16, uppercase: true)
            let name = "U+" + String(repeating: "0", count: max(0, 4 - code.count)) + code
            return ValueError(
                .controlCharacter, "'\(field)' holds the control character \(name) at character \(position)",
                expected: "expected text without control characters (only tabs and line breaks); delete it")
        }
        return nil
    }

    /// Whether `scalar` is in the general category Control (Cc): U+0000–U+001F and
    /// U+007F–U+009F. Unicode's stability policy fixes that set for good, so the test is two
    /// comparisons instead of a property lookup per character of every text decoded.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// The problem with a one-line value such as a title: empty, several lines, or longer
    /// than `lineCharacters`; nil when it is fine.
    public static func lineProblem(_ text: String, field: String) -> ValueError? {
        if text.allSatisfy(\.isWhitespace) {
            return ValueError(.emptyValue, "'\(field)' is empty", expected: "expected the \(field) as readers should see it")
        }
        if text.contains("\n") {
            return ValueError(.badValue, "'\(field)' spans several lines", expected: "expected a \(field) on one line")
        }
        let count = text.count
        if count > lineCharacters {
            return ValueError(
                .tooLong, "'\(field)' is \(count) characters long",
                expected: "expected at most \(lineCharacters) characters; put longer text in a description or the policy body")
        }
        return nil
    }
}

extension Decoder {
    /// Reports the problem `TextRules.lineProblem` finds with the value at `key`.
    public func requireLine<Key: CodingKey>(_ text: String, _ container: KeyedDecodingContainer<Key>, _ key: Key) throws {
        guard let problem = TextRules.lineProblem(text, field: key.stringValue) else { return }
        try ((try? container.superDecoder(forKey: key)) ?? self).report(problem)
    }
}
