/// Everything under `content/`, loaded and checked.
public struct Site: Sendable, Equatable {
    public var config: SiteConfig
    public var companies: [Company]
    public var contentPath: String
    /// SHA-256 of site.yml as read.
    public var configHash: String = ""
    /// The regimes the theme defines.
    public var jurisdictions = JurisdictionRegistry()

    /// The company a person names on the command line: by slug, or by its folder's name.
    public func company(named name: String) -> Company? {
        companies.first { $0.slug == name || $0.folder.hasSuffix("/\(name)") }
    }

    public init(config: SiteConfig, companies: [Company], contentPath: String) {
        self.config = config
        self.companies = companies
        self.contentPath = contentPath
    }

    /// The languages of the whole site when `companies` holds only some of its companies.
    public var fixedLanguages: Set<LanguageCode>?

    /// Every language any company publishes, the site default first.
    public var languages: [LanguageCode] {
        var all = fixedLanguages ?? Set(companies.flatMap(\.languages))
        all.insert(config.defaultLanguage)
        return [config.defaultLanguage] + all.subtracting([config.defaultLanguage]).sorted()
    }
}
