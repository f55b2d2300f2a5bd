public import PolicyDiagnostics
public import PolicyModel
public import PolicyRender

/// A site loaded and checked, with its theme: what a build kept in memory for later runs of
/// the process (`BuildOptions.keepsSite`, serve's rebuilds of a few companies start from it).
public struct PreparedSite: Sendable {
    public let site: Site
    public let theme: Theme
    public let diagnostics: [Diagnostic]
    /// Each company's entry in the site-wide files, by company folder, when the build made them.
    public var index: [String: CompanyIndexEntry] = [:]

    public init(site: Site, theme: Theme, diagnostics: [Diagnostic], index: [String: CompanyIndexEntry] = [:]) {
        self.site = site
        self.theme = theme
        self.diagnostics = diagnostics
        self.index = index
    }
}
