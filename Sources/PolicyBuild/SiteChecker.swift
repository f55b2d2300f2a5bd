import PolicyModel

/// `policysite check`: everything `build` validates, plus checks of the rendered output,
/// without writing anything.
public struct SiteChecker: Sendable {
    public var builder: SiteBuilder

    public init(builder: SiteBuilder = SiteBuilder()) {
        self.builder = builder
    }

    public func check(_ options: BuildOptions) -> [Diagnostic] {
        let (_, diagnostics) = builder.prepare(options)
        return diagnostics
    }
}
