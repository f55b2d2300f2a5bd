public import PolicyMarkdown

/// Compares the outlines of two bodies: sections are matched by id, then by title, then by
/// content (a renamed section keeps most of its sentences), and compared sentence by sentence.
/// A section of the prose with its sentences, split once per text and reused by every diff
/// the text takes part in.
public struct ProseSection: Sendable {
    public var outline: OutlineSection
    public var sentences: [String]
    /// The sentences that are lines of a code block or table rows.
    public var lines: Set<String>

    public init(_ outline: OutlineSection) {
        self.outline = outline
        (sentences, lines) = ProseDiff.units(of: outline)
    }
}
