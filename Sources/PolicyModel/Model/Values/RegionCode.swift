import PolicyDiagnostics
import PolicyYAML

/// Whom an entity or DPO serves: a declared jurisdiction id (`gdpr`) or a country code (`CH`).
public enum RegionCode: TextBacked, Hashable, CustomStringConvertible {
    case jurisdiction(String)
    case country(CountryCode)

    public init(text: String, decoder: any Decoder) throws {
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

    public var writtenText: String { description }

    public var description: String {
        switch self {
        case .jurisdiction(let id): return id
        case .country(let code): return code.rawValue
        }
    }
}
