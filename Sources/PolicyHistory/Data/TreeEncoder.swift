import Foundation
public import PolicyModel

/// Mutable node used while encoding; encoding writes into it, then `tree` reads it out.
final class TreeBox {
    enum Content {
        case empty
        case leaf(DataLeaf)
        case list([TreeBox])
        case map([(String, TreeBox)])
    }

    var content: Content = .empty

    var tree: DataTree {
        switch content {
        case .empty: return .map([])
        case .leaf(let leaf): return .leaf(leaf)
        case .list(let items): return .list(items.map(\.tree))
        case .map(let entries): return .map(entries.map { (key: $0.0, value: $0.1.tree) })
        }
    }

    func child(_ key: String) -> TreeBox {
        if case .map(var entries) = content {
            // Emptied first, so `entries` is the array's only owner and grows in place instead
            // of being copied at every field.
            content = .empty
            let box = TreeBox()
            entries.append((key, box))
            content = .map(entries)
            return box
        }
        let box = TreeBox()
        content = .map([(key, box)])
        return box
    }

    func append() -> TreeBox {
        let box = TreeBox()
        if case .list(var items) = content {
            content = .empty  // as in `child`: one owner, so the list grows in place
            items.append(box)
            content = .list(items)
        } else {
            content = .list([box])
        }
        return box
    }

    /// Typed leaves for the values a page localises; anything else encodes itself.
    func store<T: Encodable>(_ value: T, codingPath: [any CodingKey]) throws {
        switch value {
        case let text as String: content = .leaf(.text(text))
        case let number as Int: content = .leaf(.number(number))
        case let flag as Bool: content = .leaf(.flag(flag))
        case let date as PolicyDate: content = .leaf(.date(date))
        case let duration as PolicyDuration: content = .leaf(.duration(duration))
        case let country as CountryCode: content = .leaf(.country(country))
        case let language as LanguageCode: content = .leaf(.text(language.rawValue))
        case let version as PolicyVersionNumber: content = .leaf(.text(version.description))
        case let category as CookieCategoryID: content = .leaf(.term(field: "cookie_category", value: category.id))
        case let jurisdiction as JurisdictionID: content = .leaf(.term(field: "jurisdiction", value: jurisdiction.id))
        // A country served is a country (pages name it in their language), a regime a term.
        case let region as RegionCode:
            switch region {
            case .country(let country): content = .leaf(.country(country))
            case .jurisdiction(let id): content = .leaf(.term(field: "jurisdiction", value: id))
            }
        case let term as any StrictEnum: content = .leaf(.term(field: Self.vocabulary(of: term), value: term.rawValue))
        default:
            content = .empty
            try value.encode(to: TreeEncoder(box: self, codingPath: codingPath))
        }
    }

    /// The UI-string prefix of a vocabulary (`legal_basis.consent`, `role.processor`).
    private static func vocabulary(of term: any StrictEnum) -> String {
        switch term {
        case is LegalBasis: return "legal_basis"
        case is DataSource: return "data_source"
        case is ThirdPartyRole: return "role"
        case is Right: return "right"
        case is EntityRole: return "entity_role"
        default: return type(of: term).fieldName.replacingOccurrences(of: " ", with: "_")
        }
    }
}

struct TreeEncoder: Encoder {
    let box: TreeBox
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .map = box.content {} else { box.content = .map([]) }
        return KeyedEncodingContainer(KeyedTreeContainer<Key>(box: box, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .list = box.content {} else { box.content = .list([]) }
        return UnkeyedTreeContainer(box: box, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleTreeContainer(box: box, codingPath: codingPath) }
}

struct KeyedTreeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: TreeBox
    var codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) {}
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try box.child(key.stringValue).store(value, codingPath: codingPath + [key])
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        TreeEncoder(box: box.child(key.stringValue), codingPath: codingPath + [key]).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        TreeEncoder(box: box.child(key.stringValue), codingPath: codingPath + [key]).unkeyedContainer()
    }
    mutating func superEncoder() -> any Encoder { TreeEncoder(box: box.child("super"), codingPath: codingPath) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { TreeEncoder(box: box.child(key.stringValue), codingPath: codingPath + [key]) }
}

struct UnkeyedTreeContainer: UnkeyedEncodingContainer {
    let box: TreeBox
    var codingPath: [any CodingKey]
    var count: Int {
        if case .list(let items) = box.content { return items.count }
        return 0
    }

    mutating func encodeNil() {}
    mutating func encode<T: Encodable>(_ value: T) throws { try box.append().store(value, codingPath: codingPath) }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        TreeEncoder(box: box.append(), codingPath: codingPath).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { TreeEncoder(box: box.append(), codingPath: codingPath).unkeyedContainer() }
    mutating func superEncoder() -> any Encoder { TreeEncoder(box: box.append(), codingPath: codingPath) }
}

struct SingleTreeContainer: SingleValueEncodingContainer {
    let box: TreeBox
    var codingPath: [any CodingKey]

    mutating func encodeNil() {}
    mutating func encode<T: Encodable>(_ value: T) throws { try box.store(value, codingPath: codingPath) }
}
