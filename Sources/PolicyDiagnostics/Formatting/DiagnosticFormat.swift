import Foundation

/// How diagnostics are printed: for people, for other tools, or as GitHub Actions annotations.
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    case text, json, github

    /// `colored` paints the severity and the location with ANSI codes (text format only; the
    /// caller decides, from the terminal and NO_COLOR).
    public func render(_ diagnostics: [Diagnostic], strict: Bool = false, colored: Bool = false) -> String {
        switch self {
        case .text:
            return diagnostics.map { diagnostic in
                let d = strict ? diagnostic.promotedToError : diagnostic
                return (colored ? d.coloredDescription : d.description) + "\n"
            }.joined()
        case .github:
            // https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions
            return diagnostics.map { diagnostic -> String in
                let d = strict ? diagnostic.promotedToError : diagnostic
                var properties = ["file=\(escapeProperty(d.location.file))"]
                if let line = d.location.line { properties.append("line=\(line)") }
                if let column = d.location.column { properties.append("col=\(column)") }
                properties.append("title=\(escapeProperty(d.code))")
                let message = d.message + (d.expected.map { "; \($0)" } ?? "")
                return "::\(d.severity == .error ? "error" : "warning") \(properties.joined(separator: ","))::\(escapeData(message))\n"
            }.joined()
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let items = diagnostics.map { strict ? $0.promotedToError : $0 }.map(DiagnosticRecord.init)
            return String(decoding: (try? encoder.encode(items)) ?? Data("[]".utf8), as: UTF8.self) + "\n"
        }
    }

    private func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    private func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}

extension Diagnostic {
    /// `description` with the location in bold and the severity in red (error) or yellow (warning).
    public var coloredDescription: String {
        let severityCode = severity == .error ? "1;31" : "1;33"
        var text = "\u{1B}[1m\(location):\u{1B}[0m \u{1B}[\(severityCode)m\(severity.rawValue):\u{1B}[0m \(message)"
        if let expected { text += "; \(expected)" }
        return text
    }

    /// The same problem as an error: under `--strict` a warning fails the run, so it is reported as one.
    public var promotedToError: Diagnostic {
        var copy = self
        copy.severity = .error
        return copy
    }
}
