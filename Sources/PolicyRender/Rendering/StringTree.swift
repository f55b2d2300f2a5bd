public import Foundation
import PolicyConcurrency
import PolicyHistory
public import PolicyMarkdown
public import PolicyModel
import PolicyText
import PolicyTranslations

/// Nested UI strings for templates (`{{t.sections.cookies}}`), built once per language.
///
/// `@unchecked` because `[String: Any]` (what swift-mustache takes) is not `Sendable`; safe
/// because the tree is a `let` built in `init` and only ever read, and holds nothing but
/// strings and dictionaries of strings, which are values.
final class StringTree: @unchecked Sendable {
    let tree: [String: Any]

    init(_ translations: Translations, language: LanguageCode) {
        tree = translations.templateTree(for: language)
    }
}
