public import PolicyDiagnostics
public import PolicyModel
public import PolicyRender

/// Everything a build has checked and is ready to render: the loaded site and its theme.
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
