import Foundation
public import Yams

/// A problem a value type reports about its own text (a bad date, an unknown right).
/// The decoder attaches the YAML position of the value it was decoding.
public struct ValueError: Error, Sendable {
    public var code: String
    public var message: String
    public var expected: String?

    public init(_ code: String, _ message: String, expected: String? = nil) {
        self.code = code
        self.message = message
        self.expected = expected
    }
}

/// Decodes `Codable` structs straight from a Yams node tree, strictly:
/// every error carries the line and column of the offending value, unknown keys are
/// reported (Codable alone silently ignores them), and non-fatal problems are collected
/// so one run lists them all.
public struct StrictYAMLDecoder {
    public var file: String
    /// Lines before the YAML text in its file (front matter starts after the `---` line).
    public var lineOffset: Int
    /// Site-wide facts some values validate against (custom cookie categories).
    public var context: DecodingContext

    public init(file: String, lineOffset: Int = 0, context: DecodingContext = DecodingContext()) {
        self.file = file
        self.lineOffset = lineOffset
        self.context = context
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
                "too-large", at: location(line: 1, column: 1),
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
                    "empty-document", at: location(line: 1, column: 1), "the YAML document is empty",
                    expected: "expected a mapping of fields such as `key: value`")
                return (nil, [diagnostic])
            }
            if let place = YAMLLimits.overExpanded(node) {
                let diagnostic = Diagnostic.error(
                    "too-many-aliases", at: location(line: place.line, column: place.column),
                    "aliases (*name) of the value anchored here repeat it until the document holds more than \(YAMLLimits.expandedNodes) values",
                    expected: "expected each value written out, or far fewer aliases of large anchored values")
                return (nil, [diagnostic])
            }
            return (node, [])
        } catch let error as YamlError {
            return (nil, [diagnostic(for: error, in: yaml)])
        } catch {
            return (nil, [.error("yaml-syntax", at: location(line: 1, column: 1), "\(error)")])
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
        let state = DecodingState(file: file, lineOffset: lineOffset, context: context)
        do {
            let value = try T(from: NodeDecoder(node: node, codingPath: [], state: state))
            return (value, state.diagnostics)
        } catch let failure as LocatedFailure {
            return (nil, state.diagnostics + [failure.diagnostic])
        } catch is AlreadyReported {
            return (nil, state.diagnostics)
        } catch {
            let diagnostic = Diagnostic.error("invalid-value", at: state.location(of: node), "\(error)")
            return (nil, state.diagnostics + [diagnostic])
        }
    }

    /// Where `node` stands in the file, when it was composed from its text.
    func location(of node: Node) -> SourceLocation? {
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
                "yaml-syntax", at: location(line: mark.line, column: mark.column), message,
                expected: Self.hint(problem, line: yaml.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(mark.line - 1).first))
        case let .duplicatedKeysInMapping(duplicates, context):
            return .error(
                "duplicate-key", at: location(line: context.mark.line, column: context.mark.column),
                "duplicate field \(duplicates.map { "'\($0)'" }.joined(separator: ", "))",
                expected: "expected each field once per mapping")
        default:
            return .error("yaml-syntax", at: location(line: 1, column: 1), "YAML error: \(error)")
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

/// Mutable collector shared by the decoder tree of one document; used from one thread only.
final class DecodingState {
    let file: String
    let lineOffset: Int
    let context: DecodingContext
    var diagnostics: [Diagnostic] = []
    /// The fields an unknown field of a mapping was probably meant to be (`provder:` for
    /// `provider`), by the mapping's place: that field's absence is a consequence, not news.
    private var misspelled: [String: Set<String>] = [:]

    init(file: String, lineOffset: Int, context: DecodingContext) {
        self.file = file
        self.lineOffset = lineOffset
        self.context = context
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

    func failure(_ code: String, _ node: Node?, _ message: String, expected: String? = nil) -> LocatedFailure {
        LocatedFailure(diagnostic: .error(code, at: location(of: node), message, expected: expected))
    }
}

/// An error that already knows where it happened; wrapping stops here.
struct LocatedFailure: Error {
    var diagnostic: Diagnostic
}

func describe(_ node: Node) -> String {
    switch node {
    case .scalar(let scalar): return scalar.string.isEmpty ? "an empty value" : "'\(scalar.string)'"
    case .mapping: return "a mapping"
    case .sequence: return "a list"
    case .alias: return "an alias"
    }
}

func isNull(_ node: Node) -> Bool {
    guard case .scalar(let scalar) = node, scalar.style == .plain else { return false }
    return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
}

func pathText(_ path: [any CodingKey]) -> String {
    var text = ""
    for key in path {
        if let index = key.intValue { text += "[\(index)]" } else { text += text.isEmpty ? key.stringValue : ".\(key.stringValue)" }
    }
    return text
}

/// Runs `body`, turning an unlocated error into one located at `node`.
private func located<T>(_ node: Node, _ state: DecodingState, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let failure as LocatedFailure {
        throw failure
    } catch let error as ValueError {
        throw state.failure(error.code, node, error.message, expected: error.expected)
    } catch let error as DecodingError {
        switch error {
        case .dataCorrupted(let context), .typeMismatch(_, let context), .valueNotFound(_, let context):
            throw state.failure("invalid-value", node, context.debugDescription)
        case .keyNotFound(let key, _):
            throw state.failure("missing-field", node, "missing required field '\(key.stringValue)'")
        @unknown default:
            throw state.failure("invalid-value", node, "\(error)")
        }
    }
}

struct NodeDecoder: Decoder {
    let node: Node
    let codingPath: [any CodingKey]
    let state: DecodingState
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .mapping(let mapping) = node else {
            throw state.failure(
                "wrong-type", node, "\(pathText(codingPath).isEmpty ? "the document" : "'\(pathText(codingPath))'") is \(describe(node))",
                expected: "expected a mapping of `field: value` lines")
        }
        return KeyedDecodingContainer(KeyedNodeContainer<Key>(mapping: mapping, node: node, codingPath: codingPath, state: state))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        if isNull(node) { return UnkeyedNodeContainer(items: [], codingPath: codingPath, state: state) }
        guard case .sequence(let sequence) = node else {
            throw state.failure(
                "wrong-type", node, "'\(pathText(codingPath))' is \(describe(node))",
                expected: "expected a list (lines starting with '- ')")
        }
        return UnkeyedNodeContainer(items: Array(sequence), codingPath: codingPath, state: state)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SingleNodeContainer(node: node, codingPath: codingPath, state: state)
    }
}

func decodeValue<T: Decodable>(_ type: T.Type, node: Node, path: [any CodingKey], state: DecodingState) throws -> T {
    let decoder = NodeDecoder(node: node, codingPath: path, state: state)
    return try located(node, state) {
        switch type {
        case is String.Type: return try decoder.singleValueContainer().decode(String.self) as! T
        case is Int.Type: return try decoder.singleValueContainer().decode(Int.self) as! T
        case is Bool.Type: return try decoder.singleValueContainer().decode(Bool.self) as! T
        case is Double.Type: return try decoder.singleValueContainer().decode(Double.self) as! T
        default: return try T(from: decoder)
        }
    }
}

struct KeyedNodeContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let node: Node
    let codingPath: [any CodingKey]
    let state: DecodingState
    private let values: [String: Node]

    init(mapping: Node.Mapping, node: Node, codingPath: [any CodingKey], state: DecodingState) {
        self.node = node
        self.codingPath = codingPath
        self.state = state
        var values: [String: Node] = [:]
        for (keyNode, valueNode) in mapping {
            let name = keyNode.string ?? ""
            values[name] = valueNode
            if Key(stringValue: name) == nil {
                // Listed only for a message: every cookie and recipient is a mapping.
                let known = (Key.self as? any CaseIterable.Type).map { allKeyNames($0) } ?? []
                let place = pathText(codingPath)
                var message = "unknown field '\(name)'" + (place.isEmpty ? "" : " in '\(place)'")
                var expected = known.isEmpty ? nil : "expected one of: \(known.joined(separator: ", "))"
                if isNull(valueNode), let previous = flowNeighbour(before: keyNode, in: mapping) {
                    // `{purpose: Disclosure on a subpoena, court order}`: the comma ended the value.
                    message += " (an unquoted comma inside { } ends a value, so '\(name)' became a field)"
                    expected = "expected the value in quotes: \(previous): \"…, \(name)\""
                } else if let suggestion = closest(to: name, in: known) {
                    message += " (did you mean '\(suggestion)'?)"
                    if values[suggestion] == nil, mapping.value(named: suggestion) == nil { state.noteMisspelling(of: suggestion, in: node) }
                }
                state.diagnostics.append(.error("unknown-field", at: state.location(of: keyNode), message, expected: expected))
            }
        }
        self.values = values
    }

    var allKeys: [Key] { values.keys.compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool { values[key.stringValue] != nil }

    private func require(_ key: Key) throws -> Node {
        guard let value = values[key.stringValue], !isNull(value) else {
            // Its misspelling was reported as the cause; "missing" would only repeat it.
            if values[key.stringValue] == nil, state.isMisspelled(key.stringValue, in: node) { throw AlreadyReported() }
            let place = pathText(codingPath + [key])
            throw state.failure(
                "missing-field", values[key.stringValue] ?? node, "missing required field '\(place)'",
                expected: "expected a value for '\(key.stringValue)'; see docs/content-format.md")
        }
        return value
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        guard let value = values[key.stringValue] else { return true }
        return isNull(value)
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try decodeValue(type, node: try require(key), path: codingPath + [key], state: state)
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let value = values[key.stringValue], !isNull(value) else { return nil }
        return try decodeValue(type, node: value, path: codingPath + [key], state: state)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try NodeDecoder(node: try require(key), codingPath: codingPath + [key], state: state).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try NodeDecoder(node: try require(key), codingPath: codingPath + [key], state: state).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { NodeDecoder(node: node, codingPath: codingPath, state: state) }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        NodeDecoder(node: try require(key), codingPath: codingPath + [key], state: state)
    }
}

/// The key written before `key` on the same line, as in a flow mapping `{a: b, c}`, for
/// quoting hints. (Yams does not keep a mapping's flow style, but block keys never share a line.)
private func flowNeighbour(before key: Node, in mapping: Node.Mapping) -> String? {
    let keys = mapping.map(\.key)
    guard let index = keys.firstIndex(of: key), index > 0, let line = key.mark?.line, keys[index - 1].mark?.line == line else { return nil }
    return keys[index - 1].string
}

private func allKeyNames<C: CaseIterable>(_ type: C.Type) -> [String] {
    C.allCases.compactMap { ($0 as? any CodingKey)?.stringValue }
}

/// The known name within two edits of `name`, for "did you mean" hints.
func closest(to name: String, in candidates: [String]) -> String? {
    let scored = candidates.map { ($0, editDistance(name.lowercased(), $0.lowercased())) }
    guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= 2, best.1 < name.count else { return nil }
    return best.0
}

func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}

struct IndexKey: CodingKey {
    var stringValue: String { "\(intValue!)" }
    var intValue: Int?
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}
