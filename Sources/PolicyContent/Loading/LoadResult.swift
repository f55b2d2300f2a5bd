public import PolicyDiagnostics
public import PolicyModel

/// What loading `content/` produced: the site (nil when it could not be assembled at all)
/// and every problem found, in file order.
public struct LoadResult: Sendable {
    public var site: Site?
    public var diagnostics: [Diagnostic]
}
