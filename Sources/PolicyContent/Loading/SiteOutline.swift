public import PolicyModel

/// What a site is made of before its companies are read.
public struct SiteOutline: Sendable {
    public var config: SiteConfig
    public var registry: JurisdictionRegistry
    public var contentPath: String
    /// Company folder names under content/, in listing order.
    public var folders: [String]
    public var configHash: String
    /// Every language folder of every company.
    public var folderLanguages: Set<LanguageCode>
    /// What validation depends on beyond a file (custom cookie categories, the theme's regimes),
    /// and its key: parsed archives and skipped companies are reused only under the same key.
    public let context: DecodingContext
    public let contextKey: String

    init(config: SiteConfig, registry: JurisdictionRegistry, contentPath: String, folders: [String], configHash: String, folderLanguages: Set<LanguageCode>) {
        self.config = config
        self.registry = registry
        self.contentPath = contentPath
        self.folders = folders
        self.configHash = configHash
        self.folderLanguages = folderLanguages
        context = DecodingContext(customCookieCategories: Set(config.customCookieCategories.map(\.id)), jurisdictions: registry)
        contextKey = ArchiveCache.contextKey(context)
    }

    /// A site of some of the companies. With `allLanguages`, its languages are the whole
    /// site's, as when all companies are loaded (a streaming build renders a few at a time).
    public func site(with companies: [Company], allLanguages: Bool = false) -> Site {
        var site = Site(config: config, companies: companies, contentPath: contentPath)
        site.jurisdictions = registry
        site.configHash = configHash
        if allLanguages { site.fixedLanguages = folderLanguages }
        return site
    }
}
