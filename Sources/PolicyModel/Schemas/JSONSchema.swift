public import Foundation

/// A JSON Schema (draft-07) value: enough of the vocabulary to describe the content files and
/// the machine-readable policies, so editors can autocomplete fields and underline mistakes
/// before any build. The model types describe themselves (`SchemaDescribed`); objects are built
/// from their `CodingKeys` with an exhaustive switch, so a field added to the decoder and not to
/// its schema does not compile.
public struct JSONSchema: Sendable, Equatable, Encodable {
    public var types: [String] = []
    /// `#/definitions/<name>`: facts that depend on the theme (its jurisdiction ids) live once in the document.
    public var ref: String?
    public var title: String?
    public var description: String?
    public var properties: [String: JSONSchema] = [:]
    public var required: [String] = []
    /// `false` closes an object (unknown fields are errors, as in the decoder); a schema describes map values.
    public var additionalProperties: AdditionalProperties?
    public var propertyNames: [JSONSchema] = []
    public var items: [JSONSchema] = []
    public var oneOf: [JSONSchema] = []
    public var anyOf: [JSONSchema] = []
    public var enumValues: [String] = []
    public var examples: [String] = []
    public var pattern: String?
    public var format: String?
    public var minimum: Int?
    public var maximum: Int?
    public var minLength: Int?
    public var minItems: Int?
    public var minProperties: Int?
    public var maxProperties: Int?
    public var constant: String?
    /// `deprecated: true` (draft 2019-09, shown by editors as a strikethrough; ignored by validators).
    public var deprecated: Bool?

    public enum AdditionalProperties: Sendable, Equatable {
        case allowed(Bool)
        case schema([JSONSchema])
    }

    public init() {}

    // MARK: - Building

    public static func string(_ description: String? = nil, pattern: String? = nil, format: String? = nil, examples: [String] = []) -> JSONSchema {
        var schema = JSONSchema()
        schema.types = ["string"]
        schema.description = description
        schema.pattern = pattern
        schema.format = format
        schema.minLength = pattern == nil ? 1 : nil
        schema.examples = examples
        return schema
    }

    public static func integer(_ description: String? = nil, minimum: Int? = nil, maximum: Int? = nil) -> JSONSchema {
        var schema = JSONSchema()
        schema.types = ["integer"]
        schema.description = description
        schema.minimum = minimum
        schema.maximum = maximum
        return schema
    }

    public static func boolean(_ description: String? = nil) -> JSONSchema {
        var schema = JSONSchema()
        schema.types = ["boolean"]
        schema.description = description
        return schema
    }

    public static func oneOf(_ choices: [JSONSchema], _ description: String? = nil) -> JSONSchema {
        var schema = JSONSchema()
        schema.oneOf = choices
        schema.description = description
        return schema
    }

    public static func anyOf(_ choices: [JSONSchema], _ description: String? = nil) -> JSONSchema {
        var schema = JSONSchema()
        schema.anyOf = choices
        schema.description = description
        return schema
    }

    /// A value defined once in the document's `definitions` (see `document(id:title:definitions:)`).
    public static func ref(_ name: String) -> JSONSchema {
        var schema = JSONSchema()
        schema.ref = "#/definitions/" + name
        return schema
    }

    public static func enumeration(_ values: [String], _ description: String? = nil) -> JSONSchema {
        var schema = JSONSchema()
        schema.types = ["string"]
        schema.enumValues = values
        schema.description = description
        return schema
    }

    public static func constant(_ value: String, _ description: String? = nil) -> JSONSchema {
        var schema = JSONSchema()
        schema.types = ["string"]
        schema.constant = value
        schema.description = description
        return schema
    }

    /// A list of `element`s.
    public static func array(_ element: JSONSchema, _ description: String? = nil, minItems: Int? = nil) -> JSONSchema {
        var schema = JSONSchema()
        schema.types = ["array"]
        schema.items = [element]
        schema.description = description
        schema.minItems = minItems
        return schema
    }

    /// A mapping from free keys (matching `keys`) to `values`, e.g. `locales: {ar: ar-EG}`.
    public static func map(_ values: JSONSchema, keys: JSONSchema? = nil, _ description: String? = nil) -> JSONSchema {
        var schema = JSONSchema()
        schema.types = ["object"]
        schema.additionalProperties = .schema([values])
        schema.propertyNames = keys.map { [$0] } ?? []
        schema.description = description
        return schema
    }

    /// A closed object whose properties are exactly the cases of `keys`: `field` must answer for
    /// every case (an exhaustive `switch`), so the schema cannot miss a field the decoder reads.
    /// `requiredAny`: at least one of these fields must be present (a DPO needs some contact).
    public static func object<Key: CodingKey & CaseIterable>(
        _ keys: Key.Type, _ description: String? = nil, required: [Key] = [], requiredAny: [Key] = [], field: (Key) -> JSONSchema
    ) -> JSONSchema {
        var schema = JSONSchema()
        schema.types = ["object"]
        schema.description = description
        for key in Key.allCases { schema.properties[key.stringValue] = field(key) }
        schema.required = required.map(\.stringValue)
        schema.anyOf = requiredAny.map { key in
            var one = JSONSchema()
            one.required = [key.stringValue]
            return one
        }
        schema.additionalProperties = .allowed(false)
        return schema
    }

    /// This schema, also accepting `null` (YAML `~` or an empty value), which the decoder reads as absent.
    public var nullable: JSONSchema {
        var copy = self
        if !copy.types.isEmpty { copy.types.append("null") } else { return .anyOf([self, JSONSchema.null]) }
        return copy
    }

    static var null: JSONSchema {
        var schema = JSONSchema()
        schema.types = ["null"]
        return schema
    }

    /// The same schema with another description (a field's own words over its type's).
    public func described(_ text: String) -> JSONSchema {
        var copy = self
        copy.description = text
        return copy
    }

    public func deprecated(_ text: String) -> JSONSchema {
        var copy = described(text)
        copy.deprecated = true
        return copy
    }

    // MARK: - Output

    /// The schema as a standalone document: `$schema`, `$id` and `title` added, keys sorted,
    /// so the files in `schemas/` are stable and reviewable.
    public func document(id: String, title: String, definitions: [String: JSONSchema] = [:]) -> Data {
        var root = self
        root.title = title
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let body = (try? encoder.encode(Document(id: id, schema: root, definitions: definitions))) ?? Data()
        return body + Data("\n".utf8)
    }

    private struct Document: Encodable {
        var id: String
        var schema: JSONSchema
        var definitions: [String: JSONSchema]

        func encode(to encoder: any Encoder) throws {
            try schema.encode(to: encoder)
            var c = encoder.container(keyedBy: Name.self)
            if !definitions.isEmpty { try c.encode(definitions, forKey: Name("definitions")) }
            try c.encode("http://json-schema.org/draft-07/schema#", forKey: Name("$schema"))
            try c.encode(id, forKey: Name("$id"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Name.self)
        try c.encodeIfPresent(ref, forKey: Name("$ref"))
        if types.count == 1 { try c.encode(types[0], forKey: Name("type")) } else if !types.isEmpty { try c.encode(types, forKey: Name("type")) }
        try c.encodeIfPresent(title, forKey: Name("title"))
        try c.encodeIfPresent(description, forKey: Name("description"))
        if !properties.isEmpty { try c.encode(properties, forKey: Name("properties")) }
        if !required.isEmpty { try c.encode(required, forKey: Name("required")) }
        switch additionalProperties {
        case .allowed(let allowed): try c.encode(allowed, forKey: Name("additionalProperties"))
        case .schema(let schemas): try c.encode(schemas[0], forKey: Name("additionalProperties"))
        case nil: break
        }
        if let names = propertyNames.first { try c.encode(names, forKey: Name("propertyNames")) }
        if let element = items.first { try c.encode(element, forKey: Name("items")) }
        if !oneOf.isEmpty { try c.encode(oneOf, forKey: Name("oneOf")) }
        if !anyOf.isEmpty { try c.encode(anyOf, forKey: Name("anyOf")) }
        if !enumValues.isEmpty { try c.encode(enumValues, forKey: Name("enum")) }
        if !examples.isEmpty { try c.encode(examples, forKey: Name("examples")) }
        try c.encodeIfPresent(pattern, forKey: Name("pattern"))
        try c.encodeIfPresent(format, forKey: Name("format"))
        try c.encodeIfPresent(minimum, forKey: Name("minimum"))
        try c.encodeIfPresent(maximum, forKey: Name("maximum"))
        try c.encodeIfPresent(minLength, forKey: Name("minLength"))
        try c.encodeIfPresent(minItems, forKey: Name("minItems"))
        try c.encodeIfPresent(minProperties, forKey: Name("minProperties"))
        try c.encodeIfPresent(maxProperties, forKey: Name("maxProperties"))
        try c.encodeIfPresent(constant, forKey: Name("const"))
        try c.encodeIfPresent(deprecated, forKey: Name("deprecated"))
    }

    private struct Name: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
