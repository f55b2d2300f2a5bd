import Foundation

/// The machine-readable files' JSON, byte for byte as Foundation's `JSONEncoder` writes it with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`, at a fraction of its cost.
///
/// A build with history writes five JSON files per company and language, and Foundation's
/// encoder was 6% of a cold build: boxed values, coding paths and a string per key. This one
/// builds a plain tree and prints it. It takes only what those files hold (strings, whole
/// numbers, flags, nulls, lists, objects whose keys are lowercase ASCII words); anything else
/// (a date, a fraction, a key that Foundation's sort could order otherwise) makes it give up,
/// and the caller encodes with Foundation. A test compares both on every file of the example
/// site and on generated values.
enum PrettyJSON {
    static func encode(_ value: some Encodable) -> Data? {
        let root = Node()
        do {
            try root.encode(value, codingPath: [])
        } catch {
            return nil
        }
        var output: [UInt8] = []
        output.reserveCapacity(16_384)
        guard root.write(into: &output, indent: 0) else { return nil }
        return Data(output)
    }

    /// A value the writer does not take: the caller falls back to Foundation.
    struct Unsupported: Error {}

    final class Node {
        /// `invalid`: written to in a way the tree cannot hold; the write fails.
        enum Kind { case unset, invalid, null, bool(Bool), number(String), string(String), array, object }
        var kind = Kind.unset
        var items: [Node] = []
        /// In the order encoded; a name encoded twice is written once, with its last value.
        /// A list, not a dictionary: hashing every key was a fifth of the encoder's time.
        var members: [(name: String, node: Node)] = []

        func encode<T: Encodable>(_ value: T, codingPath: [any CodingKey]) throws {
            // By the static type, which costs nothing, where a cast of the value costs a lookup.
            if T.self == String.self {
                kind = .string(value as! String)
            } else if T.self == Int.self {
                kind = .number(String(value as! Int))
            } else if T.self == Bool.self {
                kind = .bool(value as! Bool)
            } else if let number = Self.integer(value) {
                // Other widths here too: their default container methods come back to this one.
                kind = .number(number)
            } else if Self.foundationOnly.contains(where: { $0 == T.self }) {
                // Foundation writes these its own way: dates, binary data, URLs as strings,
                // decimals and fractions.
                throw Unsupported()
            } else {
                try value.encode(to: TreeEncoder(node: self, codingPath: codingPath))
            }
        }

        static let foundationOnly: [Any.Type] = [Date.self, Data.self, URL.self, Decimal.self, Double.self, Float.self]

        static func integer<T>(_ value: T) -> String? {
            switch T.self {
            case is Int8.Type, is Int16.Type, is Int32.Type, is Int64.Type, is UInt.Type, is UInt8.Type, is UInt16.Type, is UInt32.Type, is UInt64.Type:
                return "\(value)"
            default:
                return nil
            }
        }

        func write(into output: inout [UInt8], indent: Int) -> Bool {
            switch kind {
            case .unset, .invalid: return false
            case .null: output += "null".utf8
            case .bool(let flag): output += (flag ? "true" : "false").utf8
            case .number(let text): output += text.utf8
            case .string(let text): Self.quote(text, into: &output)
            case .array:
                return Self.container("[", "]", items.map { (nil, $0) }, into: &output, indent: indent)
            case .object:
                // Byte order is Foundation's order only for keys of lowercase letters, `_`
                // and a leading `$`; other keys (digits, capitals, hyphens) go to Foundation.
                guard members.allSatisfy({ Self.isPlainKey($0.name) }) else { return false }
                // By name; of a name encoded twice, the last value (as a dictionary keeps it).
                let sorted = members.indices.sorted { (members[$0].name, $0) < (members[$1].name, $1) }
                var entries: [(String?, Node)] = []
                entries.reserveCapacity(members.count)
                for (position, index) in sorted.enumerated() {
                    if position + 1 < sorted.count, members[sorted[position + 1]].name == members[index].name { continue }
                    entries.append((members[index].name, members[index].node))
                }
                return Self.container("{", "}", entries, into: &output, indent: indent)
            }
            return true
        }

        /// A list or an object: one entry a line, indented two spaces more; empty, a blank line.
        static func container(_ open: Character, _ close: Character, _ entries: [(String?, Node)], into output: inout [UInt8], indent: Int) -> Bool {
            output.append(open.asciiValue!)
            output.append(UInt8(ascii: "\n"))
            for (index, (name, node)) in entries.enumerated() {
                if index > 0 { output += ",\n".utf8 }
                pad(indent + 2, into: &output)
                if let name {
                    quote(name, into: &output)
                    output += " : ".utf8
                }
                guard node.write(into: &output, indent: indent + 2) else { return false }
            }
            output.append(UInt8(ascii: "\n"))
            pad(indent, into: &output)
            output.append(close.asciiValue!)
            return true
        }

        /// Lowercase ASCII letters and `_`, after an optional `$`: for these `String`'s order
        /// (by scalar) is byte order, and Foundation's.
        static func isPlainKey(_ key: String) -> Bool {
            var first = true
            for byte in key.utf8 {
                defer { first = false }
                if (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || byte == UInt8(ascii: "_") || (first && byte == UInt8(ascii: "$")) { continue }
                return false
            }
            return !key.isEmpty
        }

        static func pad(_ count: Int, into output: inout [UInt8]) {
            output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count))
        }

        /// JSON string escaping as Foundation does it without escaping slashes: quote,
        /// backslash and control characters; everything else as UTF-8, copied in runs.
        static func quote(_ text: String, into output: inout [UInt8]) {
            output.append(UInt8(ascii: "\""))
            var text = text
            text.withUTF8 { bytes in
                var run = 0
                for (index, byte) in bytes.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
                    run = index + 1
                    switch byte {
                    case UInt8(ascii: "\""): output += #"\""#.utf8
                    case UInt8(ascii: "\\"): output += #"\\"#.utf8
                    case 0x0A: output += #"\n"#.utf8
                    case 0x0D: output += #"\r"#.utf8
                    case 0x09: output += #"\t"#.utf8
                    case 0x08: output += #"\b"#.utf8
                    case 0x0C: output += #"\f"#.utf8
                    default:
                        let hex = Array("0123456789abcdef".utf8)
                        output += #"\u00"#.utf8
                        output.append(hex[Int(byte >> 4)])
                        output.append(hex[Int(byte & 0x0F)])
                    }
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
            }
            output.append(UInt8(ascii: "\""))
        }
    }

    struct TreeEncoder: Encoder {
        let node: Node
        var codingPath: [any CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            if case .unset = node.kind { node.kind = .object }
            return KeyedEncodingContainer(Keyed(node: node, codingPath: codingPath))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            if case .unset = node.kind { node.kind = .array }
            return Unkeyed(node: node, codingPath: codingPath)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer { Single(node: node, codingPath: codingPath) }
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let node: Node
        var codingPath: [any CodingKey]

        func child(_ key: Key) throws -> Node { try child(named: key.stringValue) }

        func child(named name: String) throws -> Node {
            guard case .object = node.kind else {
                node.kind = .invalid
                throw Unsupported()
            }
            let child = Node()
            node.members.append((name, child))
            return child
        }

        mutating func encodeNil(forKey key: Key) throws { try child(key).kind = .null }
        mutating func encode(_ value: Bool, forKey key: Key) throws { try child(key).kind = .bool(value) }
        mutating func encode(_ value: String, forKey key: Key) throws { try child(key).kind = .string(value) }
        mutating func encode(_ value: Int, forKey key: Key) throws { try child(key).kind = .number(String(value)) }
        mutating func encode(_ value: Double, forKey key: Key) throws { throw Unsupported() }
        mutating func encode(_ value: Float, forKey key: Key) throws { throw Unsupported() }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try child(key).encode(value, codingPath: codingPath + [key]) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            let child = (try? child(key)) ?? Node()
            return TreeEncoder(node: child, codingPath: codingPath + [key]).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            let child = (try? child(key)) ?? Node()
            return TreeEncoder(node: child, codingPath: codingPath + [key]).unkeyedContainer()
        }

        // As Foundation: the superclass's values under `super`, or under the key given.
        mutating func superEncoder() -> any Encoder { TreeEncoder(node: (try? child(named: "super")) ?? Node(), codingPath: codingPath) }
        mutating func superEncoder(forKey key: Key) -> any Encoder { TreeEncoder(node: (try? child(key)) ?? Node(), codingPath: codingPath + [key]) }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let node: Node
        var codingPath: [any CodingKey]
        var count: Int { node.items.count }

        func next() throws -> Node {
            guard case .array = node.kind else {
                node.kind = .invalid
                throw Unsupported()
            }
            let child = Node()
            node.items.append(child)
            return child
        }

        mutating func encodeNil() throws { try next().kind = .null }
        mutating func encode(_ value: Bool) throws { try next().kind = .bool(value) }
        mutating func encode(_ value: String) throws { try next().kind = .string(value) }
        mutating func encode(_ value: Int) throws { try next().kind = .number(String(value)) }
        mutating func encode(_ value: Double) throws { throw Unsupported() }
        mutating func encode(_ value: Float) throws { throw Unsupported() }
        mutating func encode<T: Encodable>(_ value: T) throws { try next().encode(value, codingPath: codingPath) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            TreeEncoder(node: (try? next()) ?? Node(), codingPath: codingPath).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            TreeEncoder(node: (try? next()) ?? Node(), codingPath: codingPath).unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder { TreeEncoder(node: (try? next()) ?? Node(), codingPath: codingPath) }
    }

    struct Single: SingleValueEncodingContainer {
        let node: Node
        var codingPath: [any CodingKey]

        mutating func encodeNil() throws { node.kind = .null }
        mutating func encode(_ value: Bool) throws { node.kind = .bool(value) }
        mutating func encode(_ value: String) throws { node.kind = .string(value) }
        mutating func encode(_ value: Int) throws { node.kind = .number(String(value)) }
        mutating func encode(_ value: Double) throws { throw Unsupported() }
        mutating func encode(_ value: Float) throws { throw Unsupported() }
        mutating func encode<T: Encodable>(_ value: T) throws { try node.encode(value, codingPath: codingPath) }
    }
}
