public import Mustache
import PolicyModel
import PolicyText
import PolicyTranslations

/// A page model or a part of one: a value templates read by name, through swift-mustache's own
/// protocol (`child(named:)` with a `switch`), so no name goes through a dictionary or `Mirror`.
///
/// What a name returns follows Mustache's rules as the templates rely on them:
/// - `nil` when the value does not have the name: the lookup goes on down the context stack
///   (the enclosing section, then the page).
/// - `false` for a text the model holds as absent (`String?` nil). Mustache treats an empty
///   string as true, so `{{#email}}` would print an empty link; `false` skips the section and
///   still stops the lookup here, so a DPO without an e-mail does not show the company's.
protocol TemplateValue: MustacheParent {
    /// Every name `child(named:)` answers, for the theme check that reports names no page has.
    static var names: Set<String> { get }
}

extension String {
    /// The text, or nil when it is empty: how a model stores a text a template tests with
    /// `{{#name}}` (`orFalse` gives it to the template).
    var nonEmpty: String? { isEmpty ? nil : self }
}

extension Optional where Wrapped == String {
    /// The text as a template reads it: `false` when absent (see `TemplateValue`).
    var orFalse: Any { self.map { $0 as Any } ?? false }
}
