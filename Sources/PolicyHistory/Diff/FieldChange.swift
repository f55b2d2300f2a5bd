/// One changed field of the structured data: a front-matter field, or a company fact.
public struct FieldChange: Sendable, Equatable {
    public enum Kind: String, Sendable { case added, removed, changed, moved }

    /// A step into the data: a field name, or a list item named by its identity.
    public enum Step: Hashable, Sendable, CustomStringConvertible {
        case field(String)
        case item(String)

        public var description: String {
            switch self {
            case .field(let name): return name
            case .item(let identity): return "[\(identity)]"
            }
        }
    }

    public var kind: Kind
    public var path: [Step]
    /// For a moved item, where it was (e.g. under another cookie category).
    public var movedFrom: [Step]?
    public var before: DataTree?
    public var after: DataTree?

    /// `third_parties[Stripe].corporate_location`, as the terminal shows it.
    public var pathText: String { Self.text(path) }

    static func text(_ path: [Step]) -> String {
        var text = ""
        for step in path {
            if case .field = step, !text.isEmpty { text += "." }
            text += step.description
        }
        return text
    }
}
