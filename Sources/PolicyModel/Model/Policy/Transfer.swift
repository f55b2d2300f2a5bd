public import PolicyDiagnostics
import PolicyYAML

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
