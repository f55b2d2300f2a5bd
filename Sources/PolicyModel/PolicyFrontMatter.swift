import Foundation

/// The YAML front matter of `content/<company>/<lang>/privacy.md`: the structured parts of a
/// policy, which the theme renders as tables and lists. The Markdown body holds the prose.
public struct PolicyFrontMatter: Codable, Sendable, Equatable {
    public var title: String
    public var version: PolicyVersionNumber
    public var effective: PolicyDate
    public var lastUpdated: PolicyDate
    public var summary: String?
    public var dataCollected: [DataCategory]
    public var purposes: [Purpose]
    public var cookies: [CookieCategory]
    /// How visitors can control cookies (browser settings, a consent banner).
    public var cookieControls: String?
    public var retention: [RetentionRule]
    public var rights: RightsSection?
    /// Rights under specific regimes ("If you are in California…"), one block per jurisdiction.
    public var regionalRights: [RegionalRights]
    /// Regimes this policy follows beyond those its company declares.
    public var jurisdictions: [JurisdictionID]
    public var thirdParties: [ThirdParty]
    public var transfers: [Transfer]
    public var childrenMinAge: Int?
    /// `false` when the policy states personal data is never sold.
    public var sellsPersonalData: Bool?
    /// Whether providing data is a legal or contractual requirement, and what follows if it is not provided.
    public var dataRequired: String?
    /// Automated decision-making, including profiling; "none" is a statement too.
    public var automatedDecisions: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case title, version, effective, lastUpdated = "last_updated", summary
        case dataCollected = "data_collected", purposes, cookies, cookieControls = "cookie_controls"
        case retention, rights, regionalRights = "regional_rights", jurisdictions, thirdParties = "third_parties", transfers
        case childrenMinAge = "children_min_age", sellsPersonalData = "sells_personal_data"
        case dataRequired = "data_required", automatedDecisions = "automated_decisions"
    }

    public init(title: String, version: PolicyVersionNumber, effective: PolicyDate, lastUpdated: PolicyDate) {
        self.title = title
        self.version = version
        self.effective = effective
        self.lastUpdated = lastUpdated
        dataCollected = []
        purposes = []
        cookies = []
        retention = []
        regionalRights = []
        jurisdictions = []
        thirdParties = []
        transfers = []
    }

    /// A copy with another recipients list (e.g. sorted for display).
    public static func with(thirdParties: [ThirdParty], from policy: PolicyFrontMatter) -> PolicyFrontMatter {
        var copy = policy
        copy.thirdParties = thirdParties
        return copy
    }

    public init(from decoder: any Decoder) throws {
        // Every field is decoded on its own so one bad value does not hide the next one.
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let title = try decoder.lenient(String.self, CodingKeys.title, required: true)
        let version = try decoder.lenient(PolicyVersionNumber.self, CodingKeys.version, required: true)
        let effective = try decoder.lenient(PolicyDate.self, CodingKeys.effective, required: true)
        let lastUpdated = try decoder.lenient(PolicyDate.self, CodingKeys.lastUpdated, required: true)
        summary = try decoder.lenient(String.self, CodingKeys.summary)
        dataCollected = try decoder.lenientList(DataCategory.self, CodingKeys.dataCollected)
        purposes = try decoder.lenientList(Purpose.self, CodingKeys.purposes)
        cookies = try decoder.lenientList(CookieCategory.self, CodingKeys.cookies)
        cookieControls = try decoder.lenient(String.self, CodingKeys.cookieControls)
        retention = try decoder.lenientList(RetentionRule.self, CodingKeys.retention)
        rights = try decoder.lenient(RightsSection.self, CodingKeys.rights)
        regionalRights = try decoder.lenientList(RegionalRights.self, CodingKeys.regionalRights)
        jurisdictions = try decoder.lenientList(JurisdictionID.self, CodingKeys.jurisdictions)
        thirdParties = try decoder.lenientList(ThirdParty.self, CodingKeys.thirdParties)
        transfers = try decoder.lenientList(Transfer.self, CodingKeys.transfers)
        childrenMinAge = try decoder.lenient(Int.self, CodingKeys.childrenMinAge)
        sellsPersonalData = try decoder.lenient(Bool.self, CodingKeys.sellsPersonalData)
        dataRequired = try decoder.lenient(String.self, CodingKeys.dataRequired)
        automatedDecisions = try decoder.lenient(String.self, CodingKeys.automatedDecisions)
        if let title { try decoder.requireLine(title, c, .title) }
        guard let title, let version, let effective, let lastUpdated else { throw AlreadyReported() }
        self.title = title
        self.version = version
        self.effective = effective
        self.lastUpdated = lastUpdated

        // `last_updated` may come before `effective`: a version is often announced weeks before
        // it applies. Neither order is an error.
        // Reported at the second entry, the one to remove or merge, naming the first.
        var firstCategory: [String: CookieCategoryID] = [:]
        var firstCookie: [String: (category: String, location: SourceLocation?)] = [:]
        for category in cookies {
            let id = category.category.id
            if let first = firstCategory[id] {
                try decoder.report(
                    ValueError(
                        "duplicate-cookie-category", "cookie category '\(id)' is listed twice (first\(lineText(first.location)))",
                        expected: "expected each category once: move this entry's cookies under the first one and remove it"),
                    at: category.category.location)
            } else {
                firstCategory[id] = category.category
            }
            for cookie in category.cookies {
                guard let first = firstCookie[cookie.name] else {
                    firstCookie[cookie.name] = (id, cookie.location)
                    continue
                }
                let place = first.category == id ? "in '\(id)'" : "in '\(id)' and in '\(first.category)'"
                try decoder.report(
                    ValueError(
                        "duplicate-cookie", "cookie '\(cookie.name)' is listed twice, \(place) (first\(lineText(first.location)))",
                        expected: first.category == id
                            ? "expected each cookie once: remove this entry, or rename it if it is another cookie"
                            : "expected each cookie in one category, the one its purpose belongs to: remove this entry, or rename it if it is another cookie"),
                    at: cookie.location)
            }
        }
        var regimes = Set<String>()
        for block in regionalRights where !regimes.insert(block.jurisdiction.id).inserted {
            try decoder.report(
                ValueError(
                    "duplicate-jurisdiction", "regional_rights has two blocks for \(block.jurisdiction)",
                    expected: "expected one block per jurisdiction; put all its rights under one entry"), at: block.location)
        }
        if let age = childrenMinAge, !(0...21).contains(age) {
            try c.superDecoder(forKey: .childrenMinAge).report(
                ValueError("bad-value", "children_min_age \(age) is out of range", expected: "expected an age from 0 to 21"))
        }
    }
}

/// " at line N" for a location that has a line, or "" when it has none.
func lineText(_ location: SourceLocation?) -> String {
    location?.line.map { " at line \($0)" } ?? ""
}

/// `1.0`, `2.1.3`: compared numerically, so 1.10 follows 1.9.
public struct PolicyVersionNumber: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var components: [Int]

    /// Canonical numbers only: `1.00` and `01.0` would name the same version as `1.0` in
    /// comparisons but another folder under versions/ and another URL.
    public init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count) else { return nil }
        var components: [Int] = []
        for part in parts {
            guard !part.isEmpty, part.utf8.count <= 9, part.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
                part == "0" || !part.hasPrefix("0"), let number = Int(part)
            else { return nil }
            components.append(number)
        }
        self.components = components
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let version = PolicyVersionNumber(text) else {
            let leadingZero = text.split(separator: ".").contains { $0.count > 1 && $0.hasPrefix("0") && $0.allSatisfy(\.isNumber) }
            throw ValueError(
                "bad-version", "version '\(text)' is not a version number" + (leadingZero ? " (a number has a leading zero)" : ""),
                expected: "expected MAJOR.MINOR or MAJOR.MINOR.PATCH in plain numbers without leading zeros, e.g. 1.0, 1.10 or 2.1.3")
        }
        self = version
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public var description: String { components.map(String.init).joined(separator: ".") }

    public static func < (lhs: PolicyVersionNumber, rhs: PolicyVersionNumber) -> Bool {
        let count = max(lhs.components.count, rhs.components.count)
        let l = lhs.components + Array(repeating: 0, count: count - lhs.components.count)
        let r = rhs.components + Array(repeating: 0, count: count - rhs.components.count)
        return l.lexicographicallyPrecedes(r)
    }

    /// The next version: `1.2` → `2.0` (major) or `1.3` (minor).
    public func bumped(major: Bool) -> PolicyVersionNumber {
        var next = self
        if major {
            next.components = [components[0] + 1] + Array(repeating: 0, count: components.count - 1)
        } else {
            next.components = [components[0], components[1] + 1] + Array(repeating: 0, count: components.count - 2)
        }
        return next
    }
}

/// A raw-value enum decoded with a clear error naming the allowed values.
public protocol StrictEnum: RawRepresentable, CaseIterable, Codable, Sendable, Hashable where RawValue == String {
    static var fieldName: String { get }
}

extension StrictEnum {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = Self(rawValue: text) else {
            let names = Self.allCases.map(\.rawValue)
            var message = "unknown \(Self.fieldName) '\(text)'"
            if let suggestion = closest(to: text, in: names) { message += " (did you mean '\(suggestion)'?)" }
            throw ValueError(
                "unknown-\(Self.fieldName.replacingOccurrences(of: " ", with: "-"))", message, expected: "expected one of: \(names.joined(separator: ", "))")
        }
        self = value
    }
}

/// GDPR Article 6(1) legal bases.
public enum LegalBasis: String, StrictEnum {
    case consent, contract
    case legalObligation = "legal_obligation"
    case vitalInterests = "vital_interests"
    case publicTask = "public_task"
    case legitimateInterests = "legitimate_interests"
    public static let fieldName = "legal basis"
}

public struct DataCategory: Codable, Sendable, Equatable {
    public var category: String
    public var items: [String]
    public var source: DataSource?

    enum CodingKeys: String, CodingKey, CaseIterable { case category, items, source }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        category = try c.decode(String.self, forKey: .category)
        items = try c.decodeIfPresent([String].self, forKey: .items) ?? []
        source = try c.decodeIfPresent(DataSource.self, forKey: .source)
    }
}

public enum DataSource: String, StrictEnum {
    /// Given by the person (forms, e-mails).
    case provided
    /// Collected automatically (logs, cookies).
    case automatic
    case thirdParty = "third_party"
    public static let fieldName = "data source"
}

public struct Purpose: Codable, Sendable, Equatable {
    public var purpose: String
    public var legalBasis: LegalBasis?
    /// Required when the legal basis is legitimate interests (GDPR Art. 13(1)(d)).
    public var legitimateInterest: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case purpose, legalBasis = "legal_basis", legitimateInterest = "legitimate_interest"
    }
}

public struct RetentionRule: Codable, Sendable, Equatable {
    public var data: String
    public var period: PolicyDuration?
    /// The event the period counts from ("after the project is completed").
    public var after: String?
    /// The criteria used when there is no fixed period.
    public var criteria: String?
    /// Where the rule was written, for cross-language checks.
    public var location: SourceLocation?

    enum CodingKeys: String, CodingKey, CaseIterable { case data, period, after, criteria }

    public static func == (lhs: RetentionRule, rhs: RetentionRule) -> Bool {
        (lhs.data, lhs.after, lhs.criteria) == (rhs.data, rhs.after, rhs.criteria) && lhs.period == rhs.period
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        data = try c.decode(String.self, forKey: .data)
        period = try c.decodeIfPresent(PolicyDuration.self, forKey: .period)
        after = try c.decodeIfPresent(String.self, forKey: .after)
        criteria = try c.decodeIfPresent(String.self, forKey: .criteria)
        location = decoder.sourceLocation
        if period == nil && criteria == nil {
            try decoder.report(
                ValueError(
                    "missing-field", "retention for '\(data)' has neither a period nor criteria",
                    expected: "expected 'period' (e.g. '2 years') or 'criteria' (how the period is decided)"))
        }
    }
}

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
                    "renamed-field", "'location' is ambiguous and was renamed",
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
                    "bad-domain", "'\(domain)' is not a domain name",
                    expected: "expected a lowercase host name without scheme, path or port, e.g. google-analytics.com (it covers its subdomains)"))
        }
        sourceLocation = decoder.sourceLocation
    }
}

public enum ThirdPartyRole: String, StrictEnum {
    case processor, controller, authority, recipient
    public static let fieldName = "third-party role"
}

public struct Transfer: Codable, Sendable, Equatable {
    /// Where data goes, in words ("France (Roubaix data centre)", "countries outside your own").
    public var destination: String
    public var country: CountryCode?
    public var safeguards: String?
    /// Where the transfer's entry was written, for cross-language checks.
    public var location: SourceLocation?

    enum CodingKeys: String, CodingKey, CaseIterable { case destination, country, safeguards }

    public init(destination: String, country: CountryCode? = nil, safeguards: String? = nil) {
        self.destination = destination
        self.country = country
        self.safeguards = safeguards
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        destination = try c.decode(String.self, forKey: .destination)
        country = try c.decodeIfPresent(CountryCode.self, forKey: .country)
        safeguards = try c.decodeIfPresent(String.self, forKey: .safeguards)
        location = decoder.sourceLocation
    }

    public static func == (lhs: Transfer, rhs: Transfer) -> Bool {
        (lhs.destination, lhs.safeguards) == (rhs.destination, rhs.safeguards) && lhs.country == rhs.country
    }
}
