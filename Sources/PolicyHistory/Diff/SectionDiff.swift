/// One section of the prose (a heading at any level and its text) compared across versions.
public struct SectionDiff: Sendable, Equatable {
    public enum Status: String, Sendable { case same, changed, added, removed }

    public var id: String
    public var title: String
    /// The title in the earlier version when the section was renamed.
    public var oldTitle: String?
    public var level: Int
    public var status: Status
    /// True when the section changed place among its siblings.
    public var moved: Bool
    /// The text, sentence by sentence; empty for a section with no change at all (`hasChanges`
    /// false), which readers are shown by its title alone.
    public var pieces: [TextPiece]
    public var links: [LinkChange]

    public var renamed: Bool { oldTitle != nil }
    public var hasChanges: Bool { status != .same || renamed || moved || !links.isEmpty }
}
