import Foundation
import PolicyMarkdown
public import PolicyModel
import PolicyTranslations

/// `cookies.json`: the cookie table in the shape a consent banner loads: categories with their
/// label in the page's language, whether consent is needed, and each cookie's lifetime.
public struct CookiesJSON: Encodable, Sendable {
    public var schema: String
    public var company: String
    public var language: LanguageCode
    public var version: PolicyVersionNumber
    public var policyURL: String
    public var controls: String?
    public var categories: [Category]

    public struct Category: Encodable, Sendable {
        public var id: String
        public var label: String
        public var purpose: String
        /// Essential cookies are set without consent; every other category needs it.
        public var consentRequired: Bool
        public var legalBasis: LegalBasis?
        public var cookies: [Item]

        enum CodingKeys: String, CodingKey, CaseIterable {
            case id, label, purpose, consentRequired = "consent_required", legalBasis = "legal_basis", cookies
        }
    }

    public struct Item: Encodable, Sendable {
        public var name: String
        public var provider: String
        public var purpose: String
        /// As written in the data (`14 months`, `session`), or absent when the policy states none.
        public var duration: PolicyDuration?
        /// The lifetime in the page's language, as the cookie table shows it.
        public var durationText: String?
        /// Upper bound in seconds (a month counts 31 days, a year 366); absent for session
        /// cookies, events and unstated expiries.
        public var maxAgeSeconds: Int?
        public var session: Bool
        public var path: String?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case name, provider, purpose, duration, durationText = "duration_text", maxAgeSeconds = "max_age_seconds", session, path
        }
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case schema = "$schema", company, language, version, policyURL = "policy_url", controls, categories
    }
}
