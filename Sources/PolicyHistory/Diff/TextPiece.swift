/// A run of text that stayed, went or arrived; a sentence edited in place is `modified`, with
/// its words as pieces of their own.
public struct TextPiece: Sendable, Equatable {
    public enum Kind: String, Sendable { case same, removed, added, modified }
    public var kind: Kind
    public var text: String
    /// For `modified`: the sentence word by word.
    public var words: [TextPiece]
    /// A line of a code block or a table row: shown on a line of its own, never run together
    /// with its neighbours.
    public var isLine: Bool

    public init(kind: Kind, text: String, words: [TextPiece] = [], isLine: Bool = false) {
        self.kind = kind
        self.text = text
        self.words = words
        self.isLine = isLine
    }
}
