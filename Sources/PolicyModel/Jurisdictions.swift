import Foundation

/// A privacy regime a company follows (`gdpr`, `ccpa`, `ma-09-08`, …). The regimes themselves
/// are data, in the theme's `jurisdictions.yml`, so a site adds one without touching code.
public struct Jurisdiction: Codable, Sendable, Equatable {
    public var id: String
    /// Where the regime applies, as country codes; empty for regions that are not one country.
    public var countries: [CountryCode]
    /// The authority people complain to: its website (its name is a UI string, in every language).
    public var authorityWebsite: String?
    /// The rights this regime grants, by id; their names and standard wording are UI strings
    /// (`right.<id>`, `right.<id>_description`) in every language of the theme.
    public var rights: [String]
    /// True for regimes whose notice duties are GDPR Article 13's (GDPR, UK GDPR).
    public var article13: Bool
    /// What a policy must state under this regime, checked by `policysite lint`.
    public var lint: [LintRequirement]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, countries, authorityWebsite = "authority_website", rights, article13 = "article_13", lint
    }

    public init(
        id: String, countries: [CountryCode] = [], authorityWebsite: String? = nil, rights: [String] = [], article13: Bool = false, lint: [LintRequirement] = []
    ) {
        self.id = id
        self.countries = countries
        self.authorityWebsite = authorityWebsite
        self.rights = rights
        self.article13 = article13
        self.lint = lint
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        countries = try c.decodeIfPresent([CountryCode].self, forKey: .countries) ?? []
        authorityWebsite = try c.decodeIfPresent(String.self, forKey: .authorityWebsite)
        rights = try c.decodeIfPresent([String].self, forKey: .rights) ?? []
        article13 = try c.decodeIfPresent(Bool.self, forKey: .article13) ?? false
        lint = try decoder.lenientList(LintRequirement.self, CodingKeys.lint)
        if let website = authorityWebsite { try c.superDecoder(forKey: .authorityWebsite).requireWebURL(website, field: "authority_website") }
        if !isValidSlug(id) {
            try c.superDecoder(forKey: .id).report(
                ValueError(
                    "bad-jurisdiction", "jurisdiction id '\(id)' cannot be used in data and URLs",
                    expected: "expected lowercase letters, digits and hyphens, e.g. uk-gdpr"))
        }
    }
}

/// One item a regime requires a policy to state, and which data states it.
public struct LintRequirement: Codable, Sendable, Equatable {
    public var id: String
    /// Where the duty comes from ("Cal. Civ. Code §1798.100(a)").
    public var reference: String?
    /// The item, in English, as the lint report names it.
    public var title: String
    public var requires: Requirement

    /// What in the data satisfies the item. A closed vocabulary: the regime file chooses among
    /// these, the code knows how to read each.
    public enum Requirement: Codable, Sendable, Equatable {
        /// The right is listed in the regime's regional rights (or, for a GDPR right, in `rights`).
        case right(String)
        /// A policy or company field is stated (`sells_personal_data`, `retention`, `dpo`, …).
        case field(String)
        /// The company names an entity with this role (`representative`, `grievance_officer`).
        case entity(EntityRole)
        /// The company records a registration with the regime's authority.
        case registration

        enum CodingKeys: String, CodingKey, CaseIterable { case right, field, entity, registration }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            guard c.allKeys.count == 1 else {
                throw ValueError(
                    "bad-requirement", "a lint item needs exactly one of right, field, entity, registration", expected: "expected e.g. requires: {right: know}")
            }
            if let right = try c.decodeIfPresent(String.self, forKey: .right) {
                self = .right(right)
            } else if let field = try c.decodeIfPresent(String.self, forKey: .field) {
                guard RequirementField(rawValue: field) != nil else {
                    throw ValueError(
                        "unknown-field", "unknown lint field '\(field)'",
                        expected: "expected one of: \(RequirementField.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                self = .field(field)
            } else if let role = try c.decodeIfPresent(EntityRole.self, forKey: .entity) {
                self = .entity(role)
            } else {
                _ = try c.decode(Bool.self, forKey: .registration)
                self = .registration
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            switch self {
            case .right(let id): try c.encode(id, forKey: .right)
            case .field(let name): try c.encode(name, forKey: .field)
            case .entity(let role): try c.encode(role, forKey: .entity)
            case .registration: try c.encode(true, forKey: .registration)
            }
        }
    }
}

/// The fields a lint requirement may name.
public enum RequirementField: String, CaseIterable, Sendable {
    case dataCollected = "data_collected", dataSources = "data_sources", purposes, thirdParties = "third_parties", transfers, retention
    case sellsPersonalData = "sells_personal_data", dataRequired = "data_required", automatedDecisions = "automated_decisions"
    case childrenMinAge = "children_min_age", cookies, rightsContact = "rights_contact", responseTime = "response_time"
    case dpo, contact, authority
}

/// `themes/<theme>/jurisdictions.yml`: every regime the theme knows.
public struct JurisdictionRegistry: Codable, Sendable, Equatable {
    public var jurisdictions: [Jurisdiction]

    enum CodingKeys: String, CodingKey, CaseIterable { case jurisdictions }

    public init(jurisdictions: [Jurisdiction] = []) { self.jurisdictions = jurisdictions }

    public init(from decoder: any Decoder) throws {
        jurisdictions = try decoder.lenientList(Jurisdiction.self, CodingKeys.jurisdictions)
        var seen = Set<String>()
        for jurisdiction in jurisdictions where !seen.insert(jurisdiction.id).inserted {
            try decoder.report(ValueError("duplicate-jurisdiction", "jurisdiction '\(jurisdiction.id)' is defined twice", expected: "expected each id once"))
        }
    }

    public subscript(id: String) -> Jurisdiction? { jurisdictions.first { $0.id == id } }
    public var ids: [String] { jurisdictions.map(\.id) }
}

/// A declared regime id, checked against the theme's registry where it is written.
public struct JurisdictionID: Hashable, Sendable, Codable, CustomStringConvertible {
    public var id: String

    public init(_ id: String) { self.id = id }

    public init(from decoder: any Decoder) throws {
        id = try decoder.singleValueContainer().decode(String.self)
        guard let registry = decoder.decodingContext?.jurisdictions else { return }
        if registry[id] == nil {
            var message = "unknown jurisdiction '\(id)'"
            if let suggestion = closest(to: id, in: registry.ids) { message += " (did you mean '\(suggestion)'?)" }
            throw ValueError(
                "unknown-jurisdiction", message,
                expected: registry.ids.isEmpty
                    ? "expected the theme to define it in jurisdictions.yml; this theme defines none"
                    : "expected one of: \(registry.ids.joined(separator: ", ")), or add it to the theme's jurisdictions.yml")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(id)
    }

    public var description: String { id }
}

/// "If you are in California…": the rights a regime grants, as this policy states them.
public struct RegionalRights: Codable, Sendable, Equatable {
    public var jurisdiction: JurisdictionID
    /// Text before the list, in the policy's language.
    public var intro: String?
    public var items: [RegionalRightEntry]
    /// How to make a request under this regime (web form, toll-free number, agent).
    public var how: String?
    /// Where to send requests; defaults to the general rights contact.
    public var contact: String?
    public var responseTime: PolicyDuration?
    /// Where the section is written, for cross-file checks.
    public var location: SourceLocation?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case jurisdiction, intro, items, how, contact, responseTime = "response_time"
    }

    public init(
        jurisdiction: JurisdictionID, items: [RegionalRightEntry], intro: String? = nil, how: String? = nil, contact: String? = nil,
        responseTime: PolicyDuration? = nil
    ) {
        self.jurisdiction = jurisdiction
        self.items = items
        self.intro = intro
        self.how = how
        self.contact = contact
        self.responseTime = responseTime
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        jurisdiction = try c.decode(JurisdictionID.self, forKey: .jurisdiction)
        intro = try c.decodeIfPresent(String.self, forKey: .intro)
        how = try c.decodeIfPresent(String.self, forKey: .how)
        contact = try c.decodeIfPresent(String.self, forKey: .contact)
        responseTime = try c.decodeIfPresent(PolicyDuration.self, forKey: .responseTime)
        location = decoder.sourceLocation
        items = try decoder.lenientList(RegionalRightEntry.self, CodingKeys.items)
        let vocabulary = decoder.decodingContext?.jurisdictions?[jurisdiction.id]?.rights
        var seen = Set<String>()
        for (index, item) in items.enumerated() {
            if !seen.insert(item.right).inserted {
                try decoder.report(
                    ValueError("duplicate-right", "right '\(item.right)' is listed twice under \(jurisdiction)", expected: "expected each right once"),
                    at: item.location)
            }
            if let vocabulary, !vocabulary.contains(item.right) {
                var message = "'\(item.right)' is not a right under \(jurisdiction)"
                if let suggestion = closest(to: item.right, in: vocabulary) { message += " (did you mean '\(suggestion)'?)" }
                try decoder.report(
                    ValueError("unknown-right", message, expected: "expected one of: \(vocabulary.joined(separator: ", "))"), at: items[index].location)
            }
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(jurisdiction, forKey: .jurisdiction)
        try c.encodeIfPresent(intro, forKey: .intro)
        try c.encode(items, forKey: .items)
        try c.encodeIfPresent(how, forKey: .how)
        try c.encodeIfPresent(contact, forKey: .contact)
        try c.encodeIfPresent(responseTime, forKey: .responseTime)
    }

    public static func == (lhs: RegionalRights, rhs: RegionalRights) -> Bool {
        lhs.jurisdiction == rhs.jurisdiction && lhs.intro == rhs.intro && lhs.items == rhs.items && lhs.how == rhs.how
            && lhs.contact == rhs.contact && lhs.responseTime == rhs.responseTime
    }
}

public struct RegionalRightEntry: Codable, Sendable, Equatable {
    /// A right id from the regime's vocabulary (`know`, `opt_out_sale_sharing`).
    public var right: String
    /// What the right means for this company; the theme's standard wording otherwise.
    public var description: String?
    public var location: SourceLocation?

    enum CodingKeys: String, CodingKey, CaseIterable { case right, description }

    public init(right: String, description: String? = nil) {
        self.right = right
        self.description = description
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        right = try c.decode(String.self, forKey: .right)
        description = try c.decodeIfPresent(String.self, forKey: .description)
        location = (try? c.superDecoder(forKey: .right))?.sourceLocation ?? decoder.sourceLocation
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(right, forKey: .right)
        try c.encodeIfPresent(description, forKey: .description)
    }

    public static func == (lhs: RegionalRightEntry, rhs: RegionalRightEntry) -> Bool {
        lhs.right == rhs.right && lhs.description == rhs.description
    }
}
