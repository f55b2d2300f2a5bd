import PolicyDiagnostics
import PolicyYAML

/// Another legal entity the policy names: a regional controller, a representative, a group
/// company. Each has its own address and contacts; `regions` says whom it serves.
public struct LegalEntity: Codable, Sendable, Equatable {
    public var role: EntityRole
    public var legalName: String
    /// Declared jurisdictions (`gdpr`) or countries (`CH`) this entity serves; empty for all.
    public var regions: [RegionCode]
    public var address: [String]
    public var country: CountryCode?
    public var email: String?
    public var phone: String?
    public var website: String?
    /// A named person, e.g. the grievance officer.
    public var contactName: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case role, legalName = "legal_name", regions, address, country, email, phone, website, contactName = "contact_name"
    }

    public init(
        role: EntityRole, legalName: String, regions: [RegionCode] = [], address: [String] = [], country: CountryCode? = nil, email: String? = nil,
        phone: String? = nil, website: String? = nil, contactName: String? = nil
    ) {
        self.role = role
        self.legalName = legalName
        self.regions = regions
        self.address = address
        self.country = country
        self.email = email
        self.phone = phone
        self.website = website
        self.contactName = contactName
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let role = try decoder.lenient(EntityRole.self, CodingKeys.role, required: true)
        let legalName = try decoder.lenient(String.self, CodingKeys.legalName, required: true)
        regions = try decoder.lenientList(RegionCode.self, CodingKeys.regions)
        address = try decoder.lenient([String].self, CodingKeys.address) ?? []
        country = try decoder.lenient(CountryCode.self, CodingKeys.country)
        email = try decoder.lenient(String.self, CodingKeys.email)
        phone = try decoder.lenient(String.self, CodingKeys.phone)
        website = try decoder.lenient(String.self, CodingKeys.website)
        contactName = try decoder.lenient(String.self, CodingKeys.contactName)
        guard let role, let legalName else { throw AlreadyReported() }
        self.role = role
        self.legalName = legalName
        if let email, !isPlausibleEmail(email) {
            try c.superDecoder(forKey: .email).report(
                ValueError(.badEmail, "email '\(email)' is not an e-mail address", expected: "expected e.g. privacy@example.com"))
        }
        if let website { try c.superDecoder(forKey: .website).requireWebURL(website, field: "website") }
    }

    /// True when the entity can be reached by some channel.
    public var hasContact: Bool { email != nil || phone != nil || website != nil || !address.isEmpty }
}
