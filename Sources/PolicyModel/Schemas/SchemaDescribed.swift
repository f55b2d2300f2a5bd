/// A model type that can say what its YAML looks like.
public protocol SchemaDescribed {
    static var jsonSchema: JSONSchema { get }
}
