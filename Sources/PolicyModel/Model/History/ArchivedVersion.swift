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
