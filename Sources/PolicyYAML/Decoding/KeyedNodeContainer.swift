import PolicyDiagnostics
public import Yams

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
                var expected = known.isEmpty ? nil : expectedOneOf(known)
                if isNull(valueNode), let previous = flowNeighbour(before: keyNode, in: mapping) {
                    // `{purpose: Disclosure on a subpoena, court order}`: the comma ended the value.
                    message += " (an unquoted comma inside { } ends a value, so '\(name)' became a field)"
                    expected = "expected the value in quotes: \(previous): \"…, \(name)\""
                } else if let suggestion = closest(to: name, in: known) {
                    message += " (did you mean '\(suggestion)'?)"
                    if values[suggestion] == nil, mapping.value(named: suggestion) == nil { state.noteMisspelling(of: suggestion, in: node) }
                }
                state.diagnostics.append(.error(.unknownField, at: state.location(of: keyNode), message, expected: expected))
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
                .missingField, values[key.stringValue] ?? node, "missing required field '\(place)'",
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
