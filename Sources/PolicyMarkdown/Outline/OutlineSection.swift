/// The body as a reader sees its structure: one section per heading, at every level, with the
/// text of its blocks (paragraphs, list items, table rows) and its links, markup removed.
/// The page, the table of contents, the anchor checks and the diff all read this one tree.
public struct OutlineSection: Hashable, Sendable, Codable {
    /// 0 for the text before the first heading; otherwise the heading level (1–6).
    public var level: Int
    public var title: String
    /// The heading's `id` on the page; `preamble` for the text before the first heading.
    public var id: String
    /// True when the author chose the id (`{#id}`), so it survives a change of title.
    public var isExplicit: Bool
    /// Paragraphs, list items, tables (one line per row, the header row first, cells joined
    /// with ` · `) and code, as plain text.
    public var blocks: [String]
    public var links: [Link]

    public struct Link: Hashable, Sendable, Codable {
        public var text: String
        public var url: String
    }
}
