public import PolicyDiagnostics
/// A problem a value type reports about its own text (a bad date, an unknown right).
/// The decoder attaches the YAML position of the value it was decoding.
public struct ValueError: Error, Sendable {
    public var code: ErrorCode
    public var message: String
    public var expected: String?

    public init(_ code: ErrorCode, _ message: String, expected: String? = nil) {
        self.code = code
        self.message = message
        self.expected = expected
    }
}
