public import PolicyModel

public struct PublishRequest: Sendable {
    public enum Bump: Sendable { case automatic, minor, major }

    /// A company slug, or nil for every company with changes (`--all`).
    public var company: String?
    public var summary: String
    public var changes: [String]
    public var date: PolicyDate?
    /// When the new version applies; defaults to the publication date.
    public var effective: PolicyDate?
    public var bump: Bump
    /// The summary in other languages, by language code; a language left out shows the
    /// default language's summary, marked as written in that language.
    public var translations: [String: String]

    public init(
        company: String?, summary: String, changes: [String] = [], date: PolicyDate? = nil, effective: PolicyDate? = nil, bump: Bump = .automatic,
        translations: [String: String] = [:]
    ) {
        self.company = company
        self.summary = summary
        self.changes = changes
        self.date = date
        self.effective = effective
        self.bump = bump
        self.translations = translations
    }
}
