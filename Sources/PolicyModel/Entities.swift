import Yams

/// What part an entity named in `company.yml` plays beside the main controller.
public enum EntityRole: String, StrictEnum {
    /// Decides on the processing for the regions it serves (e.g. the EU company of a US group).
    case controller
    case jointController = "joint_controller"
    /// GDPR Art. 27 / UK GDPR Art. 27 representative of a controller outside the region.
    case representative
    case groupCompany = "group_company"
    /// India's DPDP Act and IT Rules: the officer who answers grievances.
    case grievanceOfficer = "grievance_officer"
    public static let fieldName = "entity role"
}

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
                ValueError("bad-email", "email '\(email)' is not an e-mail address", expected: "expected e.g. privacy@example.com"))
        }
        if let website { try c.superDecoder(forKey: .website).requireWebURL(website, field: "website") }
    }

    /// True when the entity can be reached by some channel.
    public var hasContact: Bool { email != nil || phone != nil || website != nil || !address.isEmpty }
}

/// Whom an entity or DPO serves: a declared jurisdiction id (`gdpr`) or a country code (`CH`).
public enum RegionCode: Codable, Sendable, Hashable, CustomStringConvertible {
    case jurisdiction(String)
    case country(CountryCode)

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        if text.count == 2, text == text.uppercased(), let country = CountryCode(text) {
            self = .country(country)
            return
        }
        if let registry = decoder.decodingContext?.jurisdictions, registry[text] == nil {
            throw ValueError(
                "unknown-region", "'\(text)' is neither a jurisdiction nor a country code",
                expected: "expected a jurisdiction id (\(registry.ids.joined(separator: ", "))) or an ISO country code in capitals such as CH")
        }
        self = .jurisdiction(text)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public var description: String {
        switch self {
        case .jurisdiction(let id): return id
        case .country(let code): return code.rawValue
        }
    }
}

/// A data protection officer or another privacy contact person.
public struct ContactPerson: Codable, Sendable, Equatable {
    public var name: String?
    public var email: String?
    public var phone: String?
    /// Postal address lines, when letters are accepted.
    public var address: [String]
    public var country: CountryCode?
    /// Whom this DPO serves when there are several (jurisdiction ids or country codes).
    public var regions: [RegionCode]

    enum CodingKeys: String, CodingKey, CaseIterable { case name, email, phone, address, country, regions }

    public init(
        name: String? = nil, email: String? = nil, phone: String? = nil, address: [String] = [], country: CountryCode? = nil, regions: [RegionCode] = []
    ) {
        self.name = name
        self.email = email
        self.phone = phone
        self.address = address
        self.country = country
        self.regions = regions
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decodeIfPresent(String.self, forKey: .name)
        email = try c.decodeIfPresent(String.self, forKey: .email)
        phone = try c.decodeIfPresent(String.self, forKey: .phone)
        address = try c.decodeIfPresent([String].self, forKey: .address) ?? []
        country = try c.decodeIfPresent(CountryCode.self, forKey: .country)
        regions = try decoder.lenientList(RegionCode.self, CodingKeys.regions)
        if let email, !isPlausibleEmail(email) {
            try c.superDecoder(forKey: .email).report(
                ValueError("bad-email", "email '\(email)' is not an e-mail address", expected: "expected e.g. dpo@example.com"))
        }
        if name == nil && email == nil && phone == nil && address.isEmpty {
            try decoder.report(
                ValueError(
                    "missing-field", "the DPO has no name, e-mail, phone or address",
                    expected: "expected at least an e-mail or a postal address; if no DPO is appointed, write dpo_not_appointed: with the reason instead"))
        }
    }

    public var hasContact: Bool { email != nil || phone != nil || !address.isEmpty }
}

/// A registration with a regime's authority, e.g. the CNDP receipt number under Moroccan law 09-08.
public struct Registration: Codable, Sendable, Equatable {
    public var jurisdiction: JurisdictionID
    /// The number or reference the authority gave.
    public var reference: String

    enum CodingKeys: String, CodingKey, CaseIterable { case jurisdiction, reference }
}

extension Decoder {
    /// A field that may hold one mapping or a list of them (`dpo:`), decoded as a list.
    func lenientOneOrMany<T: Decodable>(_ type: T.Type, _ key: some CodingKey) throws -> [T] {
        if let decoder = self as? NodeDecoder, case .mapping(let mapping) = decoder.node,
            let value = mapping.value(named: key.stringValue), case .mapping = value
        {
            return try lenient(T.self, key).map { [$0] } ?? []
        }
        // Elsewhere: a list, or (for other decoders) a single mapping.
        if !(self is NodeDecoder), let one = try? lenient(T.self, key) { return [one] }
        return try lenientList(T.self, key)
    }
}
