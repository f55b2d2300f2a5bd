/// A piece of raw HTML in Markdown and the line it starts on (1-based, within the body).
public struct RawHTML: Hashable, Sendable, Codable {
    public var line: Int
    public var column: Int
    public var text: String
}
