import Yams

/// What one YAML document may cost to read. Content files are small (a policy's front matter
/// is a few kilobytes), so the limits sit far above real files and far below what exhausts a
/// machine: a few hundred kilobytes of aliases (`*a` repeating an anchored `&a [*b, *b, …]`)
/// otherwise expand to billions of values for the decoder to walk.
public enum YAMLLimits {
    /// The largest YAML text (a whole site.yml, company.yml or front matter), in bytes.
    public static let documentBytes = 256 * 1024
    /// The most values (scalars, lists and mappings) a document may hold once every alias is
    /// replaced by what it names (a document without aliases is not counted: see `overExpanded`).
    public static let expandedNodes = 300_000

    /// Where the anchored value whose aliases take `node` past `expandedNodes` is defined,
    /// or nil when the expanded document is within the limit.
    ///
    /// Yams resolves an alias to the anchored node itself (with that node's position), so a
    /// node met again at the same position is an alias: its size, counted once, is reused,
    /// and the count takes time linear in the text, not in the expansion.
    ///
    /// `text` is the document `node` was read from. An alias is written `*name`, so a text
    /// without `*` has none and the walk (a dictionary entry per value) is skipped: without
    /// aliases the document's own size, at most `documentBytes`, bounds what decoding it costs.
    static func overExpanded(_ node: Node, text: String) -> (line: Int, column: Int)? {
        guard text.utf8.contains(UInt8(ascii: "*")) else { return nil }
        var sizes: [NodeKey: Int] = [:]
        var culprit: Mark?
        let total = expandedSize(node, &sizes, &culprit)
        return culprit.map { ($0.line, $0.column) } ?? (total > expandedNodes ? (1, 1) : nil)
    }

    private struct NodeKey: Hashable {
        var kind: Int
        var line: Int
        var column: Int
    }

    /// The node's expanded size, at most `expandedNodes + 1`. `culprit` is set once, to the
    /// first repeated (aliased) node whose repetition took the count past the limit.
    private static func expandedSize(_ node: Node, _ sizes: inout [NodeKey: Int], _ culprit: inout Mark?) -> Int {
        let key = node.mark.map { NodeKey(kind: kind(of: node), line: $0.line, column: $0.column) }
        if let key, let known = sizes[key] { return known }
        var total = 1
        func add(_ child: Node) {
            guard total <= expandedNodes else { return }
            let repeated = child.mark.map { sizes[NodeKey(kind: kind(of: child), line: $0.line, column: $0.column)] != nil } ?? false
            total = min(total + expandedSize(child, &sizes, &culprit), expandedNodes + 1)
            if total > expandedNodes, repeated, culprit == nil { culprit = child.mark }
        }
        switch node {
        case .scalar, .alias: break
        case .mapping(let mapping):
            for (key, value) in mapping {
                add(key)
                add(value)
            }
        case .sequence(let sequence):
            for item in sequence { add(item) }
        }
        if let key { sizes[key] = total }
        if total > expandedNodes, culprit == nil { culprit = node.mark }
        return total
    }

    private static func kind(of node: Node) -> Int {
        switch node {
        case .scalar: 0
        case .mapping: 1
        case .sequence: 2
        case .alias: 3
        }
    }
}
