/// A diagnostic as one flat record, the shape other tools read: the objects of
/// `--format json` (keys in this order, sorted in the output) and `PolicySite.Problem`.
public struct DiagnosticRecord: Codable, Sendable, Equatable {
    public var severity: Diagnostic.Severity
    public var code: String
    public var file: String
    public var line: Int?
    public var column: Int?
    public var message: String
    public var expected: String?

    public init(_ diagnostic: Diagnostic) {
        severity = diagnostic.severity
        code = diagnostic.code
        file = diagnostic.location.file
        line = diagnostic.location.line
        column = diagnostic.location.column
        message = diagnostic.message
        expected = diagnostic.expected
    }
}

extension Diagnostic {
    /// The diagnostic a record was made from (`PolicySite.Problem` keeps its fields as a record);
    /// the message was shortened when the diagnostic was first made.
    package init(_ record: DiagnosticRecord) {
        severity = record.severity
        code = record.code
        location = SourceLocation(file: record.file, line: record.line, column: record.column)
        message = record.message
        expected = record.expected
    }
}
