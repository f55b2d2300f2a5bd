import Foundation
public import PolicyDiagnostics
import PolicyYAML

public struct ThirdParty: Codable, Sendable, Equatable {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(purpose, forKey: .purpose)
        try c.encodeIfPresent(role, forKey: .role)
        try c.encodeIfPresent(processingLocation, forKey: .processingLocation)
        try c.encodeIfPresent(corporateLocation, forKey: .corporateLocation)
        try c.encodeIfPresent(privacyPolicy, forKey: .privacyPolicy)
        if !domains.isEmpty { try c.encode(domains, forKey: .domains) }
    }

    /// A named company ("Google Analytics") or a category of recipients ("payment processors").
    public var name: String
    public var purpose: String
    public var role: ThirdPartyRole?
    /// Where the recipient processes the data ("EU (Frankfurt)").
    public var processingLocation: String?
    /// Where the recipient is established, when it differs ("United States").
    public var corporateLocation: String?
    public var privacyPolicy: String?
    /// The hosts the recipient's scripts, images and requests come from (`google-analytics.com`
    /// covers its subdomains too): what `policysite scan` matches contacted hosts against.
    public var domains: [String]
    /// Where the recipient's entry was written, for cross-language checks and `policysite scan` findings.
    public var sourceLocation: SourceLocation?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, purpose, role, processingLocation = "processing_location", corporateLocation = "corporate_location"
        case location, privacyPolicy = "privacy_policy", domains
    }

    /// A domain as `domains` takes it: a lowercase host name, no scheme, path or port.
    public static let domainPattern = "^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$"

    static func isWellFormedDomain(_ text: String) -> Bool {
        text.range(of: domainPattern, options: .regularExpression) != nil
    }

    /// Whether `host` is one of `domains` or a subdomain of one.
    public func covers(host: String) -> Bool {
        let host = host.lowercased()
        return domains.contains { host == $0 || host.hasSuffix("." + $0) }
    }

    public static func == (lhs: ThirdParty, rhs: ThirdParty) -> Bool {
        lhs.name == rhs.name && lhs.purpose == rhs.purpose && lhs.role == rhs.role && lhs.processingLocation == rhs.processingLocation
            && lhs.corporateLocation == rhs.corporateLocation && lhs.privacyPolicy == rhs.privacyPolicy && lhs.domains == rhs.domains
    }

    public init(
        name: String, purpose: String, role: ThirdPartyRole? = nil, processingLocation: String? = nil, corporateLocation: String? = nil,
        privacyPolicy: String? = nil, domains: [String] = []
    ) {
        self.domains = domains
        self.name = name
        self.purpose = purpose
        self.role = role
        self.processingLocation = processingLocation
        self.corporateLocation = corporateLocation
        self.privacyPolicy = privacyPolicy
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        purpose = try c.decode(String.self, forKey: .purpose)
        role = try c.decodeIfPresent(ThirdPartyRole.self, forKey: .role)
        processingLocation = try c.decodeIfPresent(String.self, forKey: .processingLocation)
        corporateLocation = try c.decodeIfPresent(String.self, forKey: .corporateLocation)
        if let legacy = try c.decodeIfPresent(String.self, forKey: .location) {
            // `location` was ambiguous (where data is processed, or where the company sits?).
            try c.superDecoder(forKey: .location).report(
                ValueError(
                    .renamedField, "'location' is ambiguous and was renamed",
                    expected: "expected processing_location (where the data is processed) and/or corporate_location (where the recipient is established)"),
                severity: .warning)
            if processingLocation == nil { processingLocation = legacy }
        }
        privacyPolicy = try c.decodeIfPresent(String.self, forKey: .privacyPolicy)
        if let url = privacyPolicy { try c.superDecoder(forKey: .privacyPolicy).requireWebURL(url, field: "privacy_policy") }
        domains = try c.decodeIfPresent([String].self, forKey: .domains) ?? []
        for domain in domains where !ThirdParty.isWellFormedDomain(domain) {
            try c.superDecoder(forKey: .domains).report(
                ValueError(
                    .badDomain, "'\(domain)' is not a domain name",
                    expected: "expected a lowercase host name without scheme, path or port, e.g. google-analytics.com (it covers its subdomains)"))
        }
        sourceLocation = decoder.sourceLocation
    }
}
