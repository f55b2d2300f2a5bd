import Foundation

/// The machine-readable files' JSON, byte for byte as Foundation's `JSONEncoder` writes it with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`, at a fraction of its cost.
///
/// A build with history writes five JSON files per company and language, and Foundation's
/// encoder boxes every value, keeps coding paths and makes a string per key. This one
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
        /// A list item or an object member: a plain value kept in place, or a nested node. Most
        /// values are strings, numbers and flags, and a node apiece for them was a third of
        /// the encoder's allocations.
        enum Entry {
            case leaf(Kind)
            case node(Node)
        }
        var kind = Kind.unset
        var items: [Entry] = []
        /// In the order encoded; a name encoded twice is written once, with its last value.
        /// A list, not a dictionary: hashing every key was a fifth of the encoder's time.
        var members: [(name: String, entry: Entry)] = []

        func encode<T: Encodable>(_ value: T, codingPath: [any CodingKey]) throws {
            if let leaf = Self.leaf(value) {
                kind = leaf
            } else {
                try encodeComposite(value, codingPath: codingPath)
            }
        }

        /// A value that is not plain: it encodes itself into this node.
        func encodeComposite<T: Encodable>(_ value: T, codingPath: [any CodingKey]) throws {
            // Foundation writes these its own way: dates, binary data, URLs as strings,
            // decimals and fractions.
            guard !Self.foundationOnly.contains(where: { $0 == T.self }) else { throw Unsupported() }
            try value.encode(to: TreeEncoder(node: self, codingPath: codingPath))
        }

        /// `value` as a plain value, when it is one. By the static type, which costs nothing,
        /// where a cast of the value costs a lookup.
        static func leaf<T: Encodable>(_ value: T) -> Kind? {
            if T.self == String.self { return .string(value as! String) }
            if T.self == Int.self { return .number(String(value as! Int)) }
            if T.self == Bool.self { return .bool(value as! Bool) }
            // Other widths here too: their default container methods come back to this one.
            return integer(value).map { .number($0) }
        }

        /// An entry for `value`: in place when plain, else a node it is encoded into.
        static func entry<T: Encodable>(_ value: T, codingPath: [any CodingKey]) throws -> Entry {
            if let leaf = leaf(value) { return .leaf(leaf) }
            let node = Node()
            try node.encodeComposite(value, codingPath: codingPath)
            return .node(node)
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
            case .array:
                Self.open(UInt8(ascii: "["), into: &output)
                for (index, item) in items.enumerated() {
                    Self.separate(first: index == 0, indent: indent, into: &output)
                    guard Self.write(item, into: &output, indent: indent + 2) else { return false }
                }
                Self.close(UInt8(ascii: "]"), indent: indent, into: &output)
            case .object:
                // Byte order is Foundation's order only for keys of lowercase letters, `_`
                // and a leading `$`; other keys (digits, capitals, hyphens) go to Foundation.
                guard members.allSatisfy({ Self.isPlainKey($0.name) }) else { return false }
                // By name; of a name encoded twice, the last value (as a dictionary keeps it).
                let sorted = members.indices.sorted { (members[$0].name, $0) < (members[$1].name, $1) }
                Self.open(UInt8(ascii: "{"), into: &output)
                var first = true
                for (position, index) in sorted.enumerated() {
                    if position + 1 < sorted.count, members[sorted[position + 1]].name == members[index].name { continue }
                    Self.separate(first: first, indent: indent, into: &output)
                    first = false
                    Self.quote(members[index].name, into: &output)
                    output += " : ".utf8
                    guard Self.write(members[index].entry, into: &output, indent: indent + 2) else { return false }
                }
                Self.close(UInt8(ascii: "}"), indent: indent, into: &output)
            default:
                return Self.write(kind, into: &output)
            }
            return true
        }

        static func write(_ entry: Entry, into output: inout [UInt8], indent: Int) -> Bool {
            switch entry {
            case .leaf(let kind): write(kind, into: &output)
            case .node(let node): node.write(into: &output, indent: indent)
            }
        }

        /// A plain value; false for a node never written to or written to wrongly.
        static func write(_ kind: Kind, into output: inout [UInt8]) -> Bool {
            switch kind {
            case .unset, .invalid, .array, .object: return false
            case .null: output += "null".utf8
            case .bool(let flag): output += (flag ? "true" : "false").utf8
            case .number(let text): output += text.utf8
            case .string(let text): quote(text, into: &output)
            }
            return true
        }

        // A list or an object: one entry a line, indented two spaces more; empty, a blank line.

        static func open(_ bracket: UInt8, into output: inout [UInt8]) {
            output.append(bracket)
            output.append(UInt8(ascii: "\n"))
        }

        static func separate(first: Bool, indent: Int, into output: inout [UInt8]) {
            if !first { output += ",\n".utf8 }
            pad(indent + 2, into: &output)
        }

        static func close(_ bracket: UInt8, indent: Int, into output: inout [UInt8]) {
            output.append(UInt8(ascii: "\n"))
            pad(indent, into: &output)
            output.append(bracket)
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

        /// Adds a member; a node that is not an object can no longer be written.
        func add(_ name: String, _ entry: Node.Entry) throws {
            guard case .object = node.kind else {
                node.kind = .invalid
                throw Unsupported()
            }
            node.members.append((name, entry))
        }

        func child(_ key: Key) throws -> Node { try child(named: key.stringValue) }

        func child(named name: String) throws -> Node {
            let child = Node()
            try add(name, .node(child))
            return child
        }

        mutating func encodeNil(forKey key: Key) throws { try add(key.stringValue, .leaf(.null)) }
        mutating func encode(_ value: Bool, forKey key: Key) throws { try add(key.stringValue, .leaf(.bool(value))) }
        mutating func encode(_ value: String, forKey key: Key) throws { try add(key.stringValue, .leaf(.string(value))) }
        mutating func encode(_ value: Int, forKey key: Key) throws { try add(key.stringValue, .leaf(.number(String(value)))) }
        mutating func encode(_ value: Double, forKey key: Key) throws { throw Unsupported() }
        mutating func encode(_ value: Float, forKey key: Key) throws { throw Unsupported() }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            try add(key.stringValue, try Node.entry(value, codingPath: codingPath + [key]))
        }

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

        /// Adds an item; a node that is not a list can no longer be written.
        func add(_ entry: Node.Entry) throws {
            guard case .array = node.kind else {
                node.kind = .invalid
                throw Unsupported()
            }
            node.items.append(entry)
        }

        func next() throws -> Node {
            let child = Node()
            try add(.node(child))
            return child
        }

        mutating func encodeNil() throws { try add(.leaf(.null)) }
        mutating func encode(_ value: Bool) throws { try add(.leaf(.bool(value))) }
        mutating func encode(_ value: String) throws { try add(.leaf(.string(value))) }
        mutating func encode(_ value: Int) throws { try add(.leaf(.number(String(value)))) }
        mutating func encode(_ value: Double) throws { throw Unsupported() }
        mutating func encode(_ value: Float) throws { throw Unsupported() }
        mutating func encode<T: Encodable>(_ value: T) throws { try add(try Node.entry(value, codingPath: codingPath)) }

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
