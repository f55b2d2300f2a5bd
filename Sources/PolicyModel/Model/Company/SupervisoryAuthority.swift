public struct SupervisoryAuthority: Codable, Sendable, Equatable {
    public var name: String
    public var country: CountryCode?
    public var website: String?

    enum CodingKeys: String, CodingKey, CaseIterable { case name, country, website }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        country = try c.decodeIfPresent(CountryCode.self, forKey: .country)
        website = try c.decodeIfPresent(String.self, forKey: .website)
        if let website { try c.superDecoder(forKey: .website).requireWebURL(website, field: "website") }
    }
}
