import Foundation
public import PolicyModel
import PolicyText

/// UI strings for one language, with placeholder filling and plural selection.
public struct UIStrings: Sendable {
    public let language: LanguageCode
    package let table: [String: String]
    package let fallback: [String: String]

    public subscript(key: String) -> String { table[key] ?? fallback[key] ?? key }

    /// `key` with `{name}` placeholders replaced.
    public func format(_ key: String, _ values: [String: String]) -> String {
        var text = self[key]
        for (name, value) in values { text = text.replacingAll("{\(name)}", with: value) }
        return text
    }

    /// How this language separates items of a list written inline ("a, b"; Arabic "أ، ب").
    public var listSeparator: String { table["typography.list_separator"] ?? fallback["typography.list_separator"] ?? ", " }

    /// The text before and after `{placeholder}` in a string, for templates that put markup
    /// (a link) where the placeholder stands.
    public func split(_ key: String, at placeholder: String) -> (before: String, after: String) {
        let text = self[key]
        guard let range = text.range(of: "{\(placeholder)}") else { return (text + " ", "") }
        return (String(text[..<range.lowerBound]), String(text[range.upperBound...]))
    }

    /// The plural form of `base` for `count`: `base_one`, `base_few`, … per the language's
    /// CLDR rule, falling back to `base_other`.
    public func plural(_ base: String, count: Int, n: String) -> String {
        let forms = ["\(base)_\(PluralRule.category(for: count, language: language))", "\(base)_other"]
        let text = forms.lazy.compactMap { table[$0] }.first ?? forms.lazy.compactMap { fallback[$0] }.first ?? base
        return text.replacingAll("{n}", with: n)
    }
}
