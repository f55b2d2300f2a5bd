public import PolicyDiagnostics

public struct BuildReport: Sendable {
    /// Seconds spent in each phase, in order: load, render, write, finish.
    public var phases: [(name: String, seconds: Double)] = []
    public var diagnostics: [Diagnostic]
    public var pages: Int
    public var written: Int
    public var unchanged: Int
    /// Companies not loaded at all: their files were as the last build into the output left them.
    public var companiesReused = 0
    public var seconds: Double
    /// What was built, when `keepsSite` asked for it (serve's fast path for one company).
    public var prepared: PreparedSite?
}
