import PolicyDiagnostics
import PolicyYAML

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
                    .badJurisdiction, "jurisdiction id '\(id)' cannot be used in data and URLs",
                    expected: "expected lowercase letters, digits and hyphens, e.g. uk-gdpr"))
        }
    }
}
