import PolicyDiagnostics
public import Yams

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
            throw state.failure(.invalidValue, node, context.debugDescription)
        case .keyNotFound(let key, _):
            throw state.failure(.missingField, node, "missing required field '\(key.stringValue)'")
        @unknown default:
            throw state.failure(.invalidValue, node, "\(error)")
        }
    }
}

struct NodeDecoder: Decoder {
    let node: Node
    let codingPath: [any CodingKey]
    let state: DecodingState
    var userInfo: [CodingUserInfoKey: Any] { state.userInfo }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .mapping(let mapping) = node else {
            throw state.failure(
                .wrongType, node, "\(pathText(codingPath).isEmpty ? "the document" : "'\(pathText(codingPath))'") is \(describe(node))",
                expected: "expected a mapping of `field: value` lines")
        }
        return KeyedDecodingContainer(KeyedNodeContainer<Key>(mapping: mapping, node: node, codingPath: codingPath, state: state))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        if isNull(node) { return UnkeyedNodeContainer(items: [], codingPath: codingPath, state: state) }
        guard case .sequence(let sequence) = node else {
            throw state.failure(
                .wrongType, node, "'\(pathText(codingPath))' is \(describe(node))",
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
