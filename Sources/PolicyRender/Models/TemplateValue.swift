public import Mustache
import PolicyModel
import PolicyText
import PolicyTranslations

/// A page model or a part of one: a value templates read by name, through swift-mustache's own
/// protocol (`child(named:)`), so no name goes through a `[String: Any]` or `Mirror`.
///
/// What a name returns follows Mustache's rules as the templates rely on them:
/// - `nil` when the value does not have the name: the lookup goes on down the context stack
///   (the enclosing section, then the page).
/// - `false` for a text the model holds as absent (`String?` nil). Mustache treats an empty
///   string as true, so `{{#email}}` would print an empty link; `false` skips the section and
///   still stops the lookup here, so a DPO without an e-mail does not show the company's.
protocol TemplateValue: MustacheParent {
    /// What `child(named:)` answers and the kinds of values it gives, for the theme check that
    /// reports names a page does not have.
    static var shape: TemplateShape { get }
}

extension TemplateValue {
    /// Every name `child(named:)` answers (through the value's frame too).
    static var names: Set<String> { shape.ownNames }
}

/// A template value whose names are one table (`fields`), which both `child(named:)` and the
/// theme check read: most models. Values made of others (`TableRows.Row`) answer through theirs.
protocol TemplateModel: TemplateValue {
    static var fields: TemplateFields<Self> { get }
}

extension TemplateModel {
    static var shape: TemplateShape { fields.shape }

    func child(named name: String) -> Any? { Self.fields.value(of: TemplateKey(name), in: self) }

    /// The lookup of a name already hashed, as the frames under a value and values made of
    /// others (`TableRows.Row`) look it up.
    func child(named key: TemplateKey) -> Any? { Self.fields.value(of: key, in: self) }
}

extension TemplateFields.Field {
    /// A value templates look names up in: a model of type `type`, a list of them, or one that
    /// is absent (nil, or `false`); `type` is what the theme check follows.
    static func model<Value: TemplateValue>(_ type: Value.Type, _ read: @escaping @Sendable (Model) -> Any?) -> Self {
        Self(yields: { Value.shape }, read)
    }
}

extension TemplateFields.Next {
    /// The value's frame (or another value it holds), of type `type`, answering the names the
    /// table lacks. `lookup` is `{ $0.frame.child(named: $1) }`: it reads the frame in place,
    /// where a closure handing the frame out would copy it (and retain each of its texts).
    static func frame<Value: TemplateValue>(_ type: Value.Type, _ lookup: @escaping @Sendable (Model, TemplateKey) -> Any?) -> Self {
        Self(lookup: lookup, shape: { Value.shape })
    }
}

extension String {
    /// The text, or nil when it is empty: how a model stores a text a template tests with
    /// `{{#name}}` (`Field.text` gives it to the template as `false`).
    var nonEmpty: String? { isEmpty ? nil : self }
}

extension Optional where Wrapped == String {
    /// The text as a template reads it: `false` when absent (see `TemplateValue`).
    var orFalse: Any { self.map { $0 as Any } ?? false }
}
