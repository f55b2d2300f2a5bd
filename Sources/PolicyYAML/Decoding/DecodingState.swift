import PolicyDiagnostics
public import Yams

/// Mutable collector shared by the decoder tree of one document; used from one thread only.
final class DecodingState {
    let file: String
    let lineOffset: Int
    /// What `NodeDecoder.userInfo` returns, converted once per document.
    let userInfo: [CodingUserInfoKey: Any]
    var diagnostics: [Diagnostic] = []
    /// The fields an unknown field of a mapping was probably meant to be (`provder:` for
    /// `provider`), by the mapping's place: that field's absence is a consequence, not news.
    private var misspelled: [String: Set<String>] = [:]

    init(file: String, lineOffset: Int, userInfo: [CodingUserInfoKey: Any]) {
        self.file = file
        self.lineOffset = lineOffset
        self.userInfo = userInfo
    }

    private func place(_ node: Node) -> String? { node.mark.map { "\($0.line):\($0.column)" } }

    func noteMisspelling(of field: String, in mapping: Node) {
        if let place = place(mapping) { misspelled[place, default: []].insert(field) }
    }

    /// Whether `field` of `mapping` is missing because an unknown field reported already was
    /// its misspelling.
    func isMisspelled(_ field: String, in mapping: Node) -> Bool {
        place(mapping).map { misspelled[$0]?.contains(field) ?? false } ?? false
    }

    func location(of node: Node?) -> SourceLocation {
        guard let mark = node?.mark else { return SourceLocation(file: file) }
        return SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
    }

    func failure(_ code: ErrorCode, _ node: Node?, _ message: String, expected: String? = nil) -> LocatedFailure {
        LocatedFailure(diagnostic: .error(code, at: location(of: node), message, expected: expected))
    }
}

/// An error that already knows where it happened; wrapping stops here.
struct LocatedFailure: Error {
    var diagnostic: Diagnostic
}
