public struct ChangelogEntry: Codable, Sendable, Equatable {
    public var version: PolicyVersionNumber
    public var date: PolicyDate
    public var summary: String
    /// Summaries in other languages, keyed by language code.
    public var translations: [String: String]
    public var changes: [String]
    /// SHA-256 over the archived files of this version, recorded at publish time; the build
    /// refuses an archive that no longer matches, because published versions never change.
    public var archiveHash: String

    enum CodingKeys: String, CodingKey, CaseIterable {
        case version, date, summary, translations, changes, archiveHash = "archive_hash"
    }

    public init(
        version: PolicyVersionNumber, date: PolicyDate, summary: String, translations: [String: String] = [:], changes: [String] = [], archiveHash: String
    ) {
        self.version = version
        self.date = date
        self.summary = summary
        self.translations = translations
        self.changes = changes
        self.archiveHash = archiveHash
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        version = try c.decode(PolicyVersionNumber.self, forKey: .version)
        date = try c.decode(PolicyDate.self, forKey: .date)
        summary = try c.decode(String.self, forKey: .summary)
        translations = try c.decodeIfPresent([String: String].self, forKey: .translations) ?? [:]
        changes = try c.decodeIfPresent([String].self, forKey: .changes) ?? []
        archiveHash = try c.decode(String.self, forKey: .archiveHash)
    }

    public func summary(in language: LanguageCode) -> String { translations[language.rawValue] ?? summary }
}
