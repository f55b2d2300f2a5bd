public import Foundation
import PolicyDiagnostics
import PolicyYAML

/// An ISO 3166-1 alpha-2 country code (`MA`, `TN`, `IN`); each page names it in its own language.
public struct CountryCode: Hashable, TextBacked, CustomStringConvertible {
    public let rawValue: String

    private static let known: Set<String> = Set(Locale.Region.isoRegions.map(\.identifier))

    public init?(_ text: String) {
        let upper = text.uppercased()
        guard upper.count == 2, CountryCode.known.contains(upper) else { return nil }
        rawValue = upper
    }

    public init(text: String, decoder: any Decoder) throws {
        guard let code = CountryCode(text) else {
            throw ValueError(
                .unknownCountry, "unknown country code '\(text)'",
                expected: "expected an ISO 3166-1 alpha-2 code such as MA, TN, IN, FR")
        }
        self = code
    }

    public var writtenText: String { rawValue }

    public var description: String { rawValue }
}
