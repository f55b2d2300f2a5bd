/// A model value as a tree of fields, made by encoding it: the diff walks this tree, so every
/// field the model encodes is compared, including fields added after the diff was written.
public indirect enum DataTree: Equatable, Sendable {
    case leaf(DataLeaf)
    case list([DataTree])
    case map([(key: String, value: DataTree)])

    public static func == (lhs: DataTree, rhs: DataTree) -> Bool {
        switch (lhs, rhs) {
        case let (.leaf(a), .leaf(b)): return a == b
        case let (.list(a), .list(b)): return a == b
        case let (.map(a), .map(b)): return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }

    /// Encodes `value` (a front matter, a company) into its tree.
    public static func of(_ value: some Encodable) -> DataTree {
        let root = TreeBox()
        let encoder = TreeEncoder(box: root, codingPath: [])
        do {
            try value.encode(to: encoder)
        } catch {
            // The model's encoders do not throw; a failure would show as an empty tree.
        }
        return root.tree
    }

    subscript(key: String) -> DataTree? {
        guard case .map(let entries) = self else { return nil }
        return entries.first { $0.key == key }?.value
    }
}
