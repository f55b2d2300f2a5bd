import PolicyBuild
import PolicyModel
import PolicyRender

/// A site that last built cleanly, kept so that an edit inside one company folder re-renders
/// only that company's pages.
struct LiveSite: Sendable {
    var site: Site
    var theme: Theme
    /// Each company's entry on the home page and in `policies.json`, by company folder: an
    /// edit recomputes its own company's entry, and those two files are rendered again only
    /// when an entry changed.
    var index: [String: CompanyIndexEntry]
}
