import Foundation
import PolicyMarkdown
public import PolicyModel
import PolicyTranslations

/// `policies.json` at the site root: every company, language and version with its files.
public struct PoliciesIndex: Encodable, Sendable {
    public var schema: String
    public var site: String
    public var generator: String
    public var policies: [Entry]

    public struct Entry: Codable, Sendable, Equatable {
        public var company: String
        public var name: String
        public var language: LanguageCode
        public var version: PolicyVersionNumber
        public var lastUpdated: PolicyDate
        public var effective: PolicyDate
        public var status: String
        public var url: String
        public var json: String
        public var cookies: String?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case company, name, language, version, lastUpdated = "last_updated", effective, status, url, json, cookies
        }
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case schema = "$schema", site, generator, policies }
}
