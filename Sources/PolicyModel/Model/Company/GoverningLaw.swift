/// The law a policy is governed by and, when stated, whose courts hear disputes.
public struct GoverningLaw: Codable, Sendable, Equatable {
    public var country: CountryCode
    public var courts: CountryCode?

    enum CodingKeys: String, CodingKey, CaseIterable { case country, courts }
}
