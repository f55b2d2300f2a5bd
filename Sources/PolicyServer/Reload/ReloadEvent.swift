/// One message to open browsers, sent as a Server-Sent Event.
public struct ReloadEvent: Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// The site was rebuilt: reload the page.
        case reload
        /// The build failed: reload to show the error overlay.
        case failed
        /// Nothing happened: a comment line that browsers ignore. Writing it to a browser that
        /// went away fails, which frees its slot (see `PreviewServer.maxEventStreams`).
        case heartbeat
    }

    public var kind: Kind
    /// Counts builds, so a client (or a benchmark) can tell events apart.
    public var build: Int

    /// The event in the `text/event-stream` wire format.
    var wireFormat: String { kind == .heartbeat ? ": heartbeat\n\n" : "event: \(kind.rawValue)\ndata: \(build)\n\n" }
}
