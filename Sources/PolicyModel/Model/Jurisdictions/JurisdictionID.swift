import PolicyDiagnostics
import PolicyYAML

/// A declared regime id, checked against the theme's registry where it is written.
public struct JurisdictionID: Hashable, TextBacked, CustomStringConvertible {
    public var id: String

    public init(_ id: String) { self.id = id }

    public init(text: String, decoder: any Decoder) throws {
        id = text
        guard let registry = decoder.decodingContext?.jurisdictions else { return }
        if registry[id] == nil {
            var message = "unknown jurisdiction '\(id)'"
            if let suggestion = closest(to: id, in: registry.ids) { message += " (did you mean '\(suggestion)'?)" }
            throw ValueError(
                .unknownJurisdiction, message,
                expected: registry.ids.isEmpty
                    ? "expected the theme to define it in jurisdictions.yml; this theme defines none"
                    : "\(expectedOneOf(registry.ids)), or add it to the theme's jurisdictions.yml")
        }
    }

    public var writtenText: String { id }

    public var description: String { id }
}
