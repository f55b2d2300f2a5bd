/// A heading of the Markdown body, for the page's table of contents.
public struct Heading: Hashable, Sendable, Codable {
    public var level: Int
    public var text: String
    /// The `id` attribute the rendered heading carries.
    public var id: String
    /// True when the author chose the id with `{#id}` after the heading text.
    public var isExplicit: Bool

    public init(level: Int, text: String, id: String, isExplicit: Bool = false) {
        self.level = level
        self.text = text
        self.id = id
        self.isExplicit = isExplicit
    }
}
