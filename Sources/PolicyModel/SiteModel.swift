import Foundation

/// One language version of a company's current policy: front matter plus Markdown prose.
public struct PolicyDocument: Sendable, Equatable {
    /// Path as shown in messages, e.g. `content/acme/en/privacy.md`.
    public var path: String
    public var language: LanguageCode
    public var frontMatter: PolicyFrontMatter
    public var body: String
    /// Line of the file where the Markdown body starts (1-based).
    public var bodyLine: Int
    /// SHA-256 of the file's bytes; the build caches and the archive checks key on it.
    public var contentHash: String
    /// Where each top-level front-matter field is written, for checks made after decoding.
    public var fieldLocations: [String: SourceLocation]

    public init(
        path: String, language: LanguageCode, frontMatter: PolicyFrontMatter, body: String, bodyLine: Int,
        contentHash: String, fieldLocations: [String: SourceLocation] = [:]
    ) {
        self.fieldLocations = fieldLocations
        self.path = path
        self.language = language
        self.frontMatter = frontMatter
        self.body = body
        self.bodyLine = bodyLine
        self.contentHash = contentHash
    }
}

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

/// A published version kept in `content/<company>/versions/<version>/`.
public struct ArchivedVersion: Sendable, Equatable {
    public let version: PolicyVersionNumber
    public let folder: String
    public let policies: [LanguageCode: PolicyDocument]
    /// The company facts (`company.yml`) as published with this version; nil for versions
    /// published before PolicySite froze them.
    public let company: CompanyInfo?
    /// SHA-256 of the archived company.yml's bytes.
    public let companyHash: String?
    /// SHA-256 over every archived file of this version (`archiveHash`), computed once when
    /// loaded: every page's change check reads it. Archives never change, so the fields it
    /// covers are constants.
    public let contentHash: String

    public init(version: PolicyVersionNumber, folder: String, policies: [LanguageCode: PolicyDocument], company: CompanyInfo? = nil, companyHash: String? = nil)
    {
        self.version = version
        self.folder = folder
        self.policies = policies
        self.company = company
        self.companyHash = companyHash
        contentHash = Self.archiveHash(policies: policies.mapValues(\.contentHash), company: companyHash)
    }
}

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

extension PolicyDocument {
    /// The location of a top-level field, or of the file's first line when it is absent.
    public func location(of field: String) -> SourceLocation {
        fieldLocations[field] ?? SourceLocation(file: path, line: 1, column: 1)
    }
}
