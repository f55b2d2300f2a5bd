public import PolicyDiagnostics

/// Where `SiteDriver` hands the pages it renders: `build` writes them to a staging folder,
/// `check` checks their links and content, serve's rebuild of a few companies writes them in
/// place. The driver calls `take` once per chunk, `endOfChunks` after the last, then either
/// `finish` (no problem) or `abandon` (some content has one).
public protocol PageSink {
    /// What writing can fail with (`Never` for a sink that only reads the pages).
    associatedtype Failure: Error = any Error

    /// One chunk of companies, loaded and rendered, while the next is not yet loaded.
    mutating func take(_ chunk: SiteDriver.Chunk) throws(Failure)
    /// Every chunk was taken: what is still in flight lands (build's background writer).
    mutating func endOfChunks() throws(Failure)
    /// No content had a problem: the site-wide files, and whatever else comes last.
    /// `diagnostics` are every problem of the run, sorted by location (warnings only).
    mutating func finish(_ opening: SiteDriver.Opening, diagnostics: [Diagnostic]) throws(Failure)
    /// Some content has a problem: nothing taken may be kept.
    mutating func abandon()
}

extension PageSink {
    public mutating func endOfChunks() throws(Failure) {}
    public mutating func abandon() {}
}
