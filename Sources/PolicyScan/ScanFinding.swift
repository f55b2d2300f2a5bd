public import Foundation
public import PolicyDiagnostics

/// One difference between what a site does and what its policy declares, with the page that
/// showed it and the declaration it concerns (or the list it should be added to).
public struct ScanFinding: Codable, Sendable, Equatable {
    public enum Severity: String, Codable, Sendable, Comparable {
        /// Worth knowing, never a failure: a declared cookie the scan did not see.
        case info
        case warning
        case error

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            let order: [Severity] = [.info, .warning, .error]
            return order.firstIndex(of: lhs)! < order.firstIndex(of: rhs)!
        }
    }

    public var severity: Severity
    /// A stable identifier for machine-readable output, e.g. `undeclared-cookie`: the name of
    /// an `ErrorCode` (docs/diagnostics.md lists them).
    public internal(set) var code: String
    public var message: String
    /// What to do about it.
    public var expected: String?
    /// The page whose visit showed it; nil for a declaration the scan never saw in use.
    public var page: String?
    /// The declaring line, or the list an undeclared item belongs in.
    public var location: SourceLocation?

    public init(_ severity: Severity, _ code: ErrorCode, _ message: String, expected: String? = nil, page: String? = nil, at location: SourceLocation?) {
        self.severity = severity
        self.code = code.name
        self.message = message
        self.expected = expected
        self.page = page
        self.location = location
    }

    /// `file:line:column: error: message; expected (page URL)`, the shape of `check`'s output.
    public var description: String {
        var text = location.map { "\($0): " } ?? ""
        text += "\(severity == .info ? "note" : severity.rawValue): \(message)"
        if let expected { text += "; \(expected)" }
        if let page { text += " (page \(page))" }
        return text
    }
}

/// The output formats of `policysite scan`.
public enum ScanFormat: String, Sendable, CaseIterable {
    case text, json, github

    public func render(_ findings: [ScanFinding], observations: ScanObservations, strict: Bool) -> String {
        let shown = findings.map { finding -> ScanFinding in
            var finding = finding
            if strict, finding.severity == .warning { finding.severity = .error }
            return finding
        }
        switch self {
        case .text:
            var text = shown.map { $0.description + "\n" }.joined()
            let count = { (severity: ScanFinding.Severity) in shown.filter { $0.severity == severity }.count }
            text +=
                "scanned \(plural(observations.pages.count, "page")) of \(observations.start): \(plural(observations.cookies.count, "cookie")), "
                + "\(plural(observations.storage.count, "storage key")), \(plural(observations.hosts.count, "third-party host")); "
                + "\(plural(count(.error), "error")), \(plural(count(.warning), "warning")), \(plural(count(.info), "note"))\n"
            return text
        case .github:
            // https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions
            return shown.map { finding in
                var properties: [String] = []
                if let location = finding.location {
                    properties.append("file=\(escapeProperty(location.file))")
                    if let line = location.line { properties.append("line=\(line)") }
                }
                properties.append("title=\(escapeProperty("policysite scan: \(finding.code)"))")
                let command = ["error": "error", "warning": "warning", "info": "notice"][finding.severity.rawValue]!
                var message = finding.message + (finding.expected.map { "; \($0)" } ?? "")
                if let page = finding.page { message += " (page \(page))" }
                return "::\(command) \(properties.joined(separator: ","))::\(escapeData(message))\n"
            }.joined()
        case .json:
            struct Report: Encodable {
                var observations: ScanObservations
                var findings: [ScanFinding]
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = (try? encoder.encode(Report(observations: observations, findings: shown))) ?? Data("{}".utf8)
            return String(decoding: data, as: UTF8.self) + "\n"
        }
    }

    private func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }

    private func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    private func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
