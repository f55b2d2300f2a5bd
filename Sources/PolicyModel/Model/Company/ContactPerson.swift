import PolicyDiagnostics
import PolicyYAML

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
                ValueError(.badEmail, "email '\(email)' is not an e-mail address", expected: "expected e.g. dpo@example.com"))
        }
        if name == nil && email == nil && phone == nil && address.isEmpty {
            try decoder.report(
                ValueError(
                    .missingField, "the DPO has no name, e-mail, phone or address",
                    expected: "expected at least an e-mail or a postal address; if no DPO is appointed, write dpo_not_appointed: with the reason instead"))
        }
    }

    public var hasContact: Bool { email != nil || phone != nil || !address.isEmpty }
}
