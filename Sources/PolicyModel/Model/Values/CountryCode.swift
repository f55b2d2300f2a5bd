public import Foundation
import PolicyDiagnostics
import PolicyYAML

/// An ISO 3166-1 alpha-2 country code (`MA`, `TN`, `IN`); each page names it in its own language.
public struct CountryCode: Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    private static let known: Set<String> = Set(Locale.Region.isoRegions.map(\.identifier))

    public init?(_ text: String) {
        let upper = text.uppercased()
        guard upper.count == 2, CountryCode.known.contains(upper) else { return nil }
        rawValue = upper
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let code = CountryCode(text) else {
            throw ValueError(
                .unknownCountry, "unknown country code '\(text)'",
                expected: "expected an ISO 3166-1 alpha-2 code such as MA, TN, IN, FR")
        }
        self = code
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }
}
