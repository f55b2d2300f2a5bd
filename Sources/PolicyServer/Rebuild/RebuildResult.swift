public import PolicyDiagnostics

/// What one rebuild did, for the terminal and for tests.
public struct RebuildResult: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Every page was rendered and the output folder replaced.
        case full
        /// Only these company folders were reloaded and their pages rewritten.
        case companies([String])
        /// The content has errors; the output folder still holds the last good site.
        case failed
    }

    public var kind: Kind
    /// The build number sent with the reload event.
    public var build: Int
    public var filesWritten: Int
    public var diagnostics: [Diagnostic]
    public var duration: Duration
}
