import Crypto
public import Foundation

/// A SHA-256 of an `Encodable` value, fed by its own `encode(to:)`: every key, every value and
/// where each nested value starts and ends, so two values hash alike only when they encode
/// alike. The entries of a keyed container are hashed in the order of their keys, because a
/// dictionary encodes its entries in an order that changes from one process to the next.
/// No text is made: the build fingerprints every page from the typed values it is rendered
/// from (`PageInputs`), and encoding those as JSON would cost more than hashing them.
public enum DigestEncoder {
    public static func digest(_ value: some Encodable) -> String {
        let root = Node()
        // An encode(to:) that throws leaves a digest no other value has: the value's type and the error.
        do {
            try value.encode(to: HashingEncoder(node: root))
        } catch {
            root.scalar = (0xFF, "\(type(of: value)) \(error)")
        }
        var hasher = SHA256()
        root.feed(&hasher)
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in hasher.finalize() {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    /// One encoded value: a scalar, or a container of values (keyed or in order).
    final class Node {
        var scalar: (tag: UInt8, text: String)?
        var keyed: [(key: String, node: Node)] = []
        var ordered: [Node] = []
        var isKeyed = false
        var isOrdered = false

        func feed(_ hasher: inout SHA256) {
            if let scalar {
                Self.add(scalar.tag, scalar.text, to: &hasher)
            } else if isKeyed {
                Self.add(1, "\(keyed.count)", to: &hasher)
                for (key, node) in keyed.sorted(by: { $0.key < $1.key }) {
                    Self.add(5, key, to: &hasher)
                    node.feed(&hasher)
                }
            } else if isOrdered {
                Self.add(2, "\(ordered.count)", to: &hasher)
                for node in ordered { node.feed(&hasher) }
            } else {
                Self.add(6, "", to: &hasher)
            }
        }

        /// A tag, the text's length and the text: no two sequences of values feed the same bytes.
        static func add(_ tag: UInt8, _ text: String, to hasher: inout SHA256) {
            var count = UInt64(text.utf8.count).littleEndian
            hasher.update(data: [tag])
            withUnsafeBytes(of: &count) { hasher.update(bufferPointer: $0) }
            var text = text
            text.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        }

        func child(key: String) -> Node {
            isKeyed = true
            let node = Node()
            keyed.append((key, node))
            return node
        }

        func child() -> Node {
            isOrdered = true
            let node = Node()
            ordered.append(node)
            return node
        }

        /// Scalars as text with a tag of their kind: `1` the number and `"1"` the string differ.
        func set(_ value: some Encodable, codingPath: [any CodingKey]) throws {
            switch value {
            case let text as String: scalar = (10, text)
            case let flag as Bool: scalar = (11, flag ? "1" : "0")
            case let number as any BinaryInteger: scalar = (12, "\(number)")
            case let number as Double: scalar = (13, "\(number.bitPattern)")
            case let number as Float: scalar = (13, "\(Double(number).bitPattern)")
            case let data as Data: scalar = (14, data.base64EncodedString())
            default: try value.encode(to: HashingEncoder(node: self, codingPath: codingPath))
            }
        }
    }

    struct HashingEncoder: Encoder {
        let node: Node
        var codingPath: [any CodingKey] = []
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            node.isKeyed = true
            return KeyedEncodingContainer(Keyed<Key>(node: node, codingPath: codingPath))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            node.isOrdered = true
            return Unkeyed(node: node, codingPath: codingPath)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer { Single(node: node, codingPath: codingPath) }
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let node: Node
        var codingPath: [any CodingKey]

        mutating func encodeNil(forKey key: Key) throws { _ = node.child(key: key.stringValue) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            try node.child(key: key.stringValue).set(value, codingPath: codingPath + [key])
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            HashingEncoder(node: node.child(key: key.stringValue), codingPath: codingPath + [key]).container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            HashingEncoder(node: node.child(key: key.stringValue), codingPath: codingPath + [key]).unkeyedContainer()
        }
        mutating func superEncoder() -> any Encoder { HashingEncoder(node: node.child(key: "super"), codingPath: codingPath) }
        mutating func superEncoder(forKey key: Key) -> any Encoder {
            HashingEncoder(node: node.child(key: key.stringValue), codingPath: codingPath + [key])
        }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let node: Node
        var codingPath: [any CodingKey]
        var count: Int { node.ordered.count }

        mutating func encodeNil() throws { _ = node.child() }
        mutating func encode<T: Encodable>(_ value: T) throws { try node.child().set(value, codingPath: codingPath) }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            HashingEncoder(node: node.child(), codingPath: codingPath).container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            HashingEncoder(node: node.child(), codingPath: codingPath).unkeyedContainer()
        }
        mutating func superEncoder() -> any Encoder { HashingEncoder(node: node.child(), codingPath: codingPath) }
    }

    struct Single: SingleValueEncodingContainer {
        let node: Node
        var codingPath: [any CodingKey]

        mutating func encodeNil() throws {}
        mutating func encode<T: Encodable>(_ value: T) throws { try node.set(value, codingPath: codingPath) }
    }
}
