import Foundation
import PolicyMarkdown
public import PolicyModel
import PolicyTranslations

/// `policy.json`: one policy text as data, for machines that read policies (consent managers,
/// app stores' data-safety forms, auditors). Every structured fact, the version and its dates,
/// and the anchors of the rendered sections, so a citation can point at `#retention`.
public struct PolicyJSON: Encodable, Sendable {
    public var schema: String
    public var company: String
    public var controller: CompanyInfo
    public var language: LanguageCode
    public var version: PolicyVersionNumber
    public var effective: PolicyDate
    public var lastUpdated: PolicyDate
    /// `current` (in force), `upcoming` (published, effective later) or `archived`.
    public var status: String
    /// The HTML page this text is shown on.
    public var url: String
    public var sections: [Section]
    public var policy: PolicyFrontMatter
    public var versions: [VersionLink]

    public struct Section: Encodable, Sendable {
        public var id: String
        public var title: String
        public var level: Int
        public var url: String

        enum CodingKeys: String, CodingKey, CaseIterable { case id, title, level, url }
    }

    public struct VersionLink: Encodable, Sendable {
        public var version: PolicyVersionNumber
        /// The day it was published (announced).
        public var date: PolicyDate
        public var effective: PolicyDate
        public var status: String
        public var summary: String
        public var url: String
        public var json: String

        enum CodingKeys: String, CodingKey, CaseIterable { case version, date, effective, status, summary, url, json }
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case schema = "$schema", company, controller, language, version, effective, lastUpdated = "last_updated", status, url
        case sections, policy, versions
    }
}
