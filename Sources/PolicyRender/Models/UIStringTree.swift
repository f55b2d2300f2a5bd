import Mustache
import PolicyModel
import PolicyText
import PolicyTranslations

/// A language's UI strings as templates read them (`{{t.sections.cookies}}`), built once per
/// language: one table per level, texts as they are (an empty UI string stays a string: the
/// theme's words are never tested for presence). Also what `UIStringTemplates` writes into
/// the templates.
final class UIStringTree: MustacheParent, Sendable {
    enum Node: Sendable {
        case text(String)
        case group(UIStringTree)
    }

    let entries: [String: Node]

    convenience init(_ translations: Translations, language: LanguageCode) {
        self.init(tree: translations.templateTree(for: language))
    }

    /// The tree from `Translations`' nested form (groups of texts), converted once.
    init(tree: [String: Any]) {
        var entries: [String: Node] = [:]
        for (key, value) in tree {
            if let text = value as? String {
                entries[key] = .text(text)
            } else if let group = value as? [String: Any] {
                entries[key] = .group(UIStringTree(tree: group))
            }
        }
        self.entries = entries
    }

    func child(named name: String) -> Any? {
        switch entries[name] {
        case .text(let text): text
        case .group(let group): group
        case nil: nil
        }
    }
}
