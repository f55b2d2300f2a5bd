import PolicyDiagnostics
import PolicyYAML

public struct SiteOptions: Codable, Sendable, Equatable {
    /// Raw HTML in Markdown bodies is escaped unless this is on.
    public var allowRawHTML: Bool
    /// What a page does for a language its company lacks.
    public var missingTranslation: MissingTranslation

    public enum MissingTranslation: String, Codable, Sendable, CaseIterable {
        /// The language switcher leaves the language out.
        case omit
        /// The default-language policy is shown at that language's URL with a visible note.
        case fallback
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case allowRawHTML = "allow_raw_html", missingTranslation = "missing_translation"
    }

    public init(allowRawHTML: Bool = false, missingTranslation: MissingTranslation = .omit) {
        self.allowRawHTML = allowRawHTML
        self.missingTranslation = missingTranslation
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        allowRawHTML = try c.decodeIfPresent(Bool.self, forKey: .allowRawHTML) ?? false
        let text = try c.decodeIfPresent(String.self, forKey: .missingTranslation) ?? "omit"
        guard let value = MissingTranslation(rawValue: text) else {
            throw ValueError(
                .badOption, "missing_translation is '\(text)'",
                expected: expectedOneOf(MissingTranslation.allCases.map(\.rawValue)))
        }
        missingTranslation = value
    }
}
