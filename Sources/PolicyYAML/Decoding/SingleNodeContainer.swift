import PolicyDiagnostics
import Yams

struct SingleNodeContainer: SingleValueDecodingContainer {
    let node: Node
    let codingPath: [any CodingKey]
    let state: DecodingState

    func decodeNil() -> Bool { isNull(node) }

    private func scalar(_ expected: String) throws -> String {
        guard case .scalar(let scalar) = node else {
            throw state.failure(
                .wrongType, node, "'\(pathText(codingPath))' is \(describe(node))", expected: "expected \(expected)")
        }
        return scalar.string
    }

    func decode(_ type: String.Type) throws -> String {
        let text = try scalar("text")
        if let problem = TextRules.controlCharacter(in: text, field: pathText(codingPath)) {
            // Recorded, not thrown: the value is still usable for the checks that follow.
            state.diagnostics.append(.error(problem.code, at: state.location(of: node), problem.message, expected: problem.expected))
        }
        return text
    }

    func decode(_ type: Bool.Type) throws -> Bool {
        let text = try scalar("true or false")
        if case .scalar(let scalar) = node, scalar.style != .plain {
            // `"yes"` and `"false"` are text: a quoted word must not switch a setting on.
            throw state.failure(
                .wrongType, node, "'\(pathText(codingPath))' is the text '\(text)' in quotes, not a boolean",
                expected: "expected true or false without quotes")
        }
        switch text.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            throw state.failure(.wrongType, node, "'\(pathText(codingPath))' is '\(text)'", expected: "expected true or false")
        }
    }

    func decode(_ type: Int.Type) throws -> Int {
        let text = try scalar("a whole number")
        guard let value = Int(text) else {
            throw state.failure(.wrongType, node, "'\(pathText(codingPath))' is '\(text)'", expected: "expected a whole number")
        }
        return value
    }

    func decode(_ type: Double.Type) throws -> Double {
        let text = try scalar("a number")
        guard let value = Double(text) else {
            throw state.failure(.wrongType, node, "'\(pathText(codingPath))' is '\(text)'", expected: "expected a number")
        }
        return value
    }

    func decode(_ type: Float.Type) throws -> Float { Float(try decode(Double.self)) }
    func decode(_ type: Int8.Type) throws -> Int8 { try narrow(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try narrow(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try narrow(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try narrow(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try narrow(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try narrow(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try narrow(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try narrow(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try narrow(type) }

    private func narrow<I: FixedWidthInteger>(_ type: I.Type) throws -> I {
        let value = try decode(Int.self)
        guard let narrowed = I(exactly: value) else {
            throw state.failure(.wrongType, node, "'\(pathText(codingPath))' is out of range", expected: "expected a smaller number")
        }
        return narrowed
    }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try decodeValue(type, node: node, path: codingPath, state: state)
    }
}
