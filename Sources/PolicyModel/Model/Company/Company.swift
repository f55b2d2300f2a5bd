public struct Company: Sendable, Equatable {
    /// URL segment: `company.yml`'s `slug`, or the folder name.
    public var slug: String
    /// Folder path as shown in messages, e.g. `content/acme`.
    public var folder: String
    public var info: CompanyInfo
    /// Published languages, the default first.
    public var languages: [LanguageCode]
    public var defaultLanguage: LanguageCode
    public var policies: [LanguageCode: PolicyDocument]
    /// Earlier versions frozen by `policysite publish`, oldest first.
    public var archive: [ArchivedVersion]
    public var changelog: Changelog
    /// SHA-256 of company.yml and changelog.yml as read, for caches keyed on inputs.
    public var dataHash: String = ""
    /// Versions published after the day the company is shown as of (`published(by:)`): its
    /// pages change when that day moves.
    public var publishedLater: [PolicyVersionNumber] = []

    public init(
        slug: String, folder: String, info: CompanyInfo, languages: [LanguageCode], defaultLanguage: LanguageCode,
        policies: [LanguageCode: PolicyDocument], archive: [ArchivedVersion] = [], changelog: Changelog = Changelog()
    ) {
        self.slug = slug
        self.folder = folder
        self.info = info
        self.languages = languages
        self.defaultLanguage = defaultLanguage
        self.policies = policies
        self.archive = archive
        self.changelog = changelog
    }

    /// Regimes a policy follows: its company's, then its own additions.
    public func jurisdictions(of policy: PolicyFrontMatter) -> [JurisdictionID] {
        info.jurisdictions + policy.jurisdictions.filter { !info.jurisdictions.contains($0) }
    }

    /// The policy in the company's default language, which translations follow.
    public var source: PolicyDocument? { policies[defaultLanguage] }

    /// The company with the facts frozen with `archived` (its DPO and addresses of that time),
    /// or today's for versions published before facts were frozen.
    public func asPublished(in archived: ArchivedVersion) -> Company {
        var shown = self
        shown.info = archived.company ?? info
        return shown
    }
}
