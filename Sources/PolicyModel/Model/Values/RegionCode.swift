import PolicyDiagnostics
import PolicyYAML

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
                .unknownRegion, "'\(text)' is neither a jurisdiction nor a country code",
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
