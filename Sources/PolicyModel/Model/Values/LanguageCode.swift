public import Foundation
import PolicyDiagnostics
package import PolicyYAML

/// A BCP 47 language tag as used in folder names and URLs: `en`, `fr`, `ar`, `pt-br`.
public struct LanguageCode: Hashable, Comparable, TextBacked, CustomStringConvertible {
    public let rawValue: String

    /// The ISO 639-1 codes Foundation knows, so a typo such as `eng` or `fn` is caught.
    private static let knownLanguages: Set<String> = Set(Locale.LanguageCode.isoLanguageCodes.map(\.identifier))

    public init?(_ text: String) {
        let lowered = text.lowercased()
        let parts = lowered.split(separator: "-", omittingEmptySubsequences: false)
        guard let language = parts.first, language.count == 2, LanguageCode.knownLanguages.contains(String(language)),
            parts.count <= 2, parts.count == 1 || (parts[1].count == 2 && parts[1].allSatisfy(\.isLetter))
        else { return nil }
        rawValue = lowered
    }

    public init(text: String, decoder: any Decoder) throws {
        guard let code = LanguageCode(text) else { throw LanguageCode.unknown(text) }
        self = code
    }

    package static func unknown(_ text: String) -> ValueError {
        ValueError(
            .unknownLanguage, "unknown language code '\(text)'",
            expected: "expected a two-letter ISO 639-1 code, optionally with a region, e.g. en, fr, ar, pt-br")
    }

    public var writtenText: String { rawValue }

    public var description: String { rawValue }
    public static func < (lhs: LanguageCode, rhs: LanguageCode) -> Bool { lhs.rawValue < rhs.rawValue }
}
