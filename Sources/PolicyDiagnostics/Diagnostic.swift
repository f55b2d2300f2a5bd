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
    /// A stable identifier for machine-readable output, e.g. `unknown-field`: the name of an
    /// `ErrorCode`, the only way one is set (docs/diagnostics.md lists them).
    public internal(set) var code: String

    public init(
        _ severity: Severity, _ code: ErrorCode, at location: SourceLocation,
        _ message: String, expected: String? = nil
    ) {
        self.severity = severity
        self.code = code.name
        self.location = location
        self.message = Diagnostic.excerpted(message)
        self.expected = expected.map(Diagnostic.excerpted)
    }

    /// The longest stretch of an offending value a message quotes: a 10 MB value makes a
    /// 10 MB error otherwise.
    public static let excerptLength = 80
    /// The longest message kept whole, for values quoted without `'…'` around them.
    static let longestMessage = 600

    /// `text` with every `'…'` span longer than `excerptLength` cut to its start and an
    /// ellipsis, then cut at `longestMessage`. Every diagnostic goes through here, so no
    /// check needs to remember to shorten what it quotes.
    public static func excerpted(_ text: String) -> String {
        guard text.utf8.count > excerptLength else { return text }
        var result = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "'") {
            result += rest[...open]
            rest = rest[rest.index(after: open)...]
            guard let close = rest.firstIndex(of: "'") else { break }
            result += excerpt(rest[..<close])
            result += "'"
            rest = rest[rest.index(after: close)...]
        }
        result += rest
        return result.count > longestMessage ? String(result.prefix(longestMessage)) + "…" : result
    }

    /// The start of `value` and an ellipsis when it is longer than `excerptLength`.
    public static func excerpt(_ value: some StringProtocol) -> String {
        var end = value.startIndex
        var count = 0
        while end < value.endIndex, count < excerptLength {
            value.formIndex(after: &end)
            count += 1
        }
        return end == value.endIndex ? String(value) : String(value[..<end]) + "…"
    }

    public static func error(_ code: ErrorCode, at location: SourceLocation, _ message: String, expected: String? = nil) -> Diagnostic {
        Diagnostic(.error, code, at: location, message, expected: expected)
    }

    public static func warning(_ code: ErrorCode, at location: SourceLocation, _ message: String, expected: String? = nil) -> Diagnostic {
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
