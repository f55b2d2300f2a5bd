/// A place in a content file, 1-based, as editors and CI annotations expect.
public struct SourceLocation: Hashable, Sendable, Codable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?

    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        if let line, line > 0, let column { text += ":\(column)" }
        return text
    }
}

/// One problem found in the content, phrased for the person who has to fix it:
/// what is wrong, then what was expected.
public struct Diagnostic: Hashable, Sendable, Codable, CustomStringConvertible, Error {
    public enum Severity: String, Sendable, Codable, Comparable {
        case warning, error

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .warning && rhs == .error
        }
    }

    public var severity: Severity
    public var location: SourceLocation
    /// What is wrong.
    public var message: String
    /// What would have been right, or what to do next.
    public var expected: String?
    /// A stable identifier for machine-readable output, e.g. `unknown-field`.
    public var code: String

    public init(
        _ severity: Severity, _ code: String, at location: SourceLocation,
        _ message: String, expected: String? = nil
    ) {
        self.severity = severity
        self.code = code
        self.location = location
        self.message = message
        self.expected = expected
    }

    public static func error(_ code: String, at location: SourceLocation, _ message: String, expected: String? = nil) -> Diagnostic {
        Diagnostic(.error, code, at: location, message, expected: expected)
    }

    public static func warning(_ code: String, at location: SourceLocation, _ message: String, expected: String? = nil) -> Diagnostic {
        Diagnostic(.warning, code, at: location, message, expected: expected)
    }

    /// `path:line:column: error: what is wrong; what was expected`, the shape compilers use,
    /// so editors and CI logs turn it into a link.
    public var description: String {
        var text = "\(location): \(severity.rawValue): \(message)"
        if let expected { text += "; \(expected)" }
        return text
    }
}

extension Array where Element == Diagnostic {
    public var errors: [Diagnostic] { filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { filter { $0.severity == .warning } }
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Stable order for output and tests: by file, then line, then column.
    public func sortedByLocation() -> [Diagnostic] {
        sorted {
            ($0.location.file, $0.location.line ?? 0, $0.location.column ?? 0, $0.message)
                < ($1.location.file, $1.location.line ?? 0, $1.location.column ?? 0, $1.message)
        }
    }
}
