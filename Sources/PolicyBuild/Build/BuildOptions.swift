public import PolicyContent

public struct BuildOptions: Sendable {
    public var contentPath: String
    public var themesPath: String
    public var outputPath: String
    /// Warnings (stale translations, missing UI strings) fail the build too.
    public var strict: Bool
    /// Called after each chunk of companies with how many are done of how many (a terminal shows it).
    public var progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?
    /// Parsed archived texts kept on disk between runs (the CLI keeps them beside the output).
    public var archiveCache: ArchiveCache?
    /// Render a draft page for each working text the policy pages do not show (`--drafts`, `serve`).
    public var drafts = false
    /// Keep every loaded company and rendered text in memory for later builds of this process
    /// (serve's fast path). Off, a build holds one chunk of companies at a time.
    public var keepsSite = false
    /// Called once when the build waits for another build into the same output, with that
    /// process's id when known (the CLI says so on the terminal).
    public var waiting: (@Sendable (Int32?) -> Void)?

    public init(contentPath: String = "content", themesPath: String = "themes", outputPath: String = "public", strict: Bool = false) {
        self.contentPath = contentPath
        self.themesPath = themesPath
        self.outputPath = outputPath
        self.strict = strict
    }
}
