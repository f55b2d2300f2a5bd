public struct RenderedMarkdown: Hashable, Sendable, Codable {
    public var html: String
    public var headings: [Heading]
    /// Where each heading's tag starts in `html`, as a UTF-8 offset, in `headings` order, so
    /// pages can split the body at its sections without searching it.
    public var headingOffsets: [Int]
    /// The body's words without markup, for checks that read the prose; nil from a renderer
    /// told not to collect them (a build, which runs no such check).
    public var plainText: String?
    /// Raw HTML the author wrote, shown as text because raw HTML is off: `check` warns about it.
    public var escapedHTML: [RawHTML] = []
    /// The sections at every heading level with their text and links, for the diff.
    public var outline: [OutlineSection] = []
    /// Headings other than `##` that name a reserved section id (`### Cookies {#cookies}`): only
    /// a level-2 heading claims a section, so `check` warns at their lines.
    public var misplacedClaims: [MisplacedClaim] = []
}
