import Foundation
public import PolicyDiagnostics
public import Yams

/// Decodes `Codable` structs straight from a Yams node tree, strictly:
/// every error carries the line and column of the offending value, unknown keys are
/// reported (Codable alone silently ignores them), and non-fatal problems are collected
/// so one run lists them all.
public struct StrictYAMLDecoder {
    public var file: String
    /// Lines before the YAML text in its file (front matter starts after the `---` line).
    public var lineOffset: Int
    /// Passed to every value's decoder as `userInfo`: the model puts its `DecodingContext`
    /// (site-wide facts some values validate against) here, so this decoder knows no model type.
    public var userInfo: [CodingUserInfoKey: any Sendable]

    /// No default for `userInfo`: `StrictYAMLDecoder(file:)` is the model's initializer, which
    /// fills in its decoding context.
    public init(file: String, lineOffset: Int = 0, userInfo: [CodingUserInfoKey: any Sendable]) {
        self.file = file
        self.lineOffset = lineOffset
        self.userInfo = userInfo
    }

    /// Parses and decodes `yaml`. Returns the value (nil when a fatal error stopped decoding)
    /// and every problem found.
    public func decode<T: Decodable>(_ type: T.Type, from yaml: String) -> (T?, [Diagnostic]) {
        let (node, problems) = compose(yaml)
        guard let node else { return (nil, problems) }
        return decode(type, from: node)
    }

    /// Parses `yaml` into a node tree, or explains why it is not valid YAML or is too large
    /// to read (see `YAMLLimits`).
    public func compose(_ yaml: String) -> (Node?, [Diagnostic]) {
        if yaml.utf8.count > YAMLLimits.documentBytes {
            let diagnostic = Diagnostic.error(
                .tooLarge, at: location(line: 1, column: 1),
                "the YAML is \(yaml.utf8.count / 1024) KB, more than the \(YAMLLimits.documentBytes / 1024) KB a content file's YAML may hold",
                expected: "expected the facts of one site, company or policy; move long prose into the Markdown body")
            return (nil, [diagnostic])
        }
        do {
            // The basic resolver: scalars are read from their text by the decoder, so Yams'
            // regex-based tag resolution (which its duplicate-key check ran for every key of
            // every mapping, a quarter of a no-change rebuild) is never needed. UTF-8 named
            // outright: Yams' default reads the process environment on every call.
            guard let node = try Yams.compose(yaml: yaml, .basic, .default, .utf8) else {
                let diagnostic = Diagnostic.error(
                    .emptyDocument, at: location(line: 1, column: 1), "the YAML document is empty",
                    expected: "expected a mapping of fields such as `key: value`")
                return (nil, [diagnostic])
            }
            if let place = YAMLLimits.overExpanded(node, text: yaml) {
                let diagnostic = Diagnostic.error(
                    .tooManyAliases, at: location(line: place.line, column: place.column),
                    "aliases (*name) of the value anchored here repeat it until the document holds more than \(YAMLLimits.expandedNodes) values",
                    expected: "expected each value written out, or far fewer aliases of large anchored values")
                return (nil, [diagnostic])
            }
            return (node, [])
        } catch let error as YamlError {
            return (nil, [diagnostic(for: error, in: yaml)])
        } catch {
            return (nil, [.error(.yamlSyntax, at: location(line: 1, column: 1), "\(error)")])
        }
    }

    /// Where each top-level field of a mapping document stands, for checks made after decoding.
    public func fieldLocations(of node: Node) -> [String: SourceLocation] {
        guard case .mapping(let mapping) = node else { return [:] }
        var locations: [String: SourceLocation] = [:]
        for (key, _) in mapping {
            if let name = key.string, let mark = key.mark {
                locations[name] = location(line: mark.line, column: mark.column)
            }
        }
        return locations
    }

    public func decode<T: Decodable>(_ type: T.Type, from node: Node) -> (T?, [Diagnostic]) {
        let state = DecodingState(file: file, lineOffset: lineOffset, userInfo: userInfo)
        do {
            let value = try T(from: NodeDecoder(node: node, codingPath: [], state: state))
            return (value, state.diagnostics)
        } catch let failure as LocatedFailure {
            return (nil, state.diagnostics + [failure.diagnostic])
        } catch is AlreadyReported {
            return (nil, state.diagnostics)
        } catch {
            let diagnostic = Diagnostic.error(.invalidValue, at: state.location(of: node), "\(error)")
            return (nil, state.diagnostics + [diagnostic])
        }
    }

    /// Where `node` stands in the file, when it was composed from its text.
    package func location(of node: Node) -> SourceLocation? {
        node.mark.map { location(line: $0.line, column: $0.column) }
    }

    private func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: file, line: line + lineOffset, column: column)
    }

    private func diagnostic(for error: YamlError, in yaml: String) -> Diagnostic {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
            let .composer(context, problem, mark, _):
            var message = "YAML syntax error: \(problem)"
            if let context { message += " (\(context.text) at line \(context.mark.line + lineOffset))" }
            return .error(
                .yamlSyntax, at: location(line: mark.line, column: mark.column), message,
                expected: Self.hint(problem, line: yaml.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(mark.line - 1).first))
        case let .duplicatedKeysInMapping(duplicates, context):
            return .error(
                .duplicateKey, at: location(line: context.mark.line, column: context.mark.column),
                "duplicate field \(duplicates.map { "'\($0)'" }.joined(separator: ", "))",
                expected: "expected each field once per mapping")
        default:
            return .error(.yamlSyntax, at: location(line: 1, column: 1), "YAML error: \(error)")
        }
    }
}

extension StrictYAMLDecoder {
    /// How to fix the syntax error `problem` found on `line`, for the two mistakes people make
    /// most: a tab in the indentation, and a value holding ': ' without quotes.
    static func hint(_ problem: String, line: Substring?) -> String {
        if problem.contains("tab") {
            return "expected indentation made of spaces (YAML does not allow tabs there): replace the tab with spaces"
        }
        if problem.contains("mapping values are not allowed"), let line, let quoted = quotingValue(of: line) {
            return "expected a value that holds ': ' in quotes: \(quoted)"
        }
        return "expected valid YAML; check indentation and quote values that contain ': ' or '#'"
    }

    /// `line` (`how: Note: we answer`) with its value in double quotes, its indentation and
    /// any `- ` kept: nil when it holds no `key: value`.
    static func quotingValue(of line: Substring) -> String? {
        guard let separator = line.range(of: ": ") else { return nil }
        let key = line[..<separator.lowerBound].trimmingCharacters(in: .whitespaces)
        let value = line[separator.upperBound...].trimmingCharacters(in: .whitespaces)
        guard !key.isEmpty, !value.isEmpty, !value.hasPrefix("\""), !value.hasPrefix("'") else { return nil }
        return "\(key): \(yamlQuoted(value))"
    }
}
