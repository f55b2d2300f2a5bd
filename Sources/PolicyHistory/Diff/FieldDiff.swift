/// Compares two data trees field by field. List items are matched by what identifies them (a
/// cookie by its name, a recipient by its name, a right by its id), so editing one is a change
/// of its fields, and an item that moved to another list (a cookie to another category) is
/// "moved", not "removed" and "added".
enum FieldDiff {
    /// The fields that name an item of a list, in order of preference.
    static let identityKeys = ["name", "right", "jurisdiction", "legal_name", "category", "data", "destination", "purpose", "email", "id"]

    static func changes(from old: DataTree, to new: DataTree, at root: [FieldChange.Step] = []) -> [FieldChange] {
        var changes: [FieldChange] = []
        compare(old, new, root, &changes)
        return pairMoves(changes, compare: compare)
    }

    private static func compare(_ old: DataTree?, _ new: DataTree?, _ path: [FieldChange.Step], _ changes: inout [FieldChange]) {
        switch (old, new) {
        case (nil, nil): return
        // A list that appears or disappears is its items appearing or disappearing.
        case (nil, .list?): compare(.list([]), new, path, &changes)
        case (.list?, nil): compare(old, .list([]), path, &changes)
        case (nil, let new?): if !new.isEmpty { changes.append(FieldChange(kind: .added, path: path, before: nil, after: new)) }
        case (let old?, nil): if !old.isEmpty { changes.append(FieldChange(kind: .removed, path: path, before: old, after: nil)) }
        case let (.map(a)?, .map(b)?):
            var keys = a.map(\.key)
            keys += b.map(\.key).filter { !keys.contains($0) }
            for key in keys {
                let before = a.first { $0.key == key }?.value, after = b.first { $0.key == key }?.value
                // Most of a version is the version before it: an equal field has no changes, and
                // comparing it whole walks it without building a path for every field inside.
                // (Asked here, where the fields are paired, not again inside `compare`, which
                // would walk a changed subtree once more at every level below it.)
                if before == after { continue }
                compare(before, after, path + [.field(key)], &changes)
            }
        case let (.list(a)?, .list(b)?):
            compareLists(a, b, path, &changes)
        case let (old?, new?):
            if old != new {
                if old.isEmpty {
                    changes.append(FieldChange(kind: .added, path: path, before: nil, after: new))
                } else if new.isEmpty {
                    changes.append(FieldChange(kind: .removed, path: path, before: old, after: nil))
                } else {
                    changes.append(FieldChange(kind: .changed, path: path, before: old, after: new))
                }
            }
        }
    }

    /// Lists of lines read as one value (an address): a change shows the whole before and after.
    static let wholeLists: Set<String> = ["address"]

    private static func compareLists(_ a: [DataTree], _ b: [DataTree], _ path: [FieldChange.Step], _ changes: inout [FieldChange]) {
        if case .field(let name)? = path.last, wholeLists.contains(name), !a.isEmpty, !b.isEmpty {
            if a != b { changes.append(FieldChange(kind: .changed, path: path, before: .list(a), after: .list(b))) }
            return
        }
        let oldIDs = a.map(identity), newIDs = b.map(identity)
        let keyed = !a.isEmpty || !b.isEmpty
        // Looked up by identity: a 100-row table searched row by row was 10,000 comparisons.
        let oldIndex = Dictionary(zip(oldIDs, oldIDs.indices)) { first, _ in first }
        let newSet = Set(newIDs)
        if keyed, oldIndex.count == a.count, newSet.count == b.count {
            // Removed items in their old order, then the new list in order: matched items are
            // compared field by field, new ones added. A reorder alone is no change.
            for (index, id) in oldIDs.enumerated() where !newSet.contains(id) {
                changes.append(FieldChange(kind: .removed, path: path + [.item(id)], before: a[index], after: nil))
            }
            for (index, id) in newIDs.enumerated() {
                if let oldIndex = oldIndex[id] {
                    // As for fields: an unchanged item is skipped whole.
                    if a[oldIndex] != b[index] { compare(a[oldIndex], b[index], path + [.item(id)], &changes) }
                } else {
                    changes.append(FieldChange(kind: .added, path: path + [.item(id)], before: nil, after: b[index]))
                }
            }
            return
        }
        // Items without a unique identity (repeated text): compare them in sequence.
        let difference = b.difference(from: a)
        for change in difference {
            switch change {
            case let .remove(offset, element, _):
                changes.append(FieldChange(kind: .removed, path: path + [.item(identity(a[offset]))], before: element, after: nil))
            case let .insert(offset, element, _):
                changes.append(FieldChange(kind: .added, path: path + [.item(identity(b[offset]))], before: nil, after: element))
            }
        }
    }

    /// What names a list item: its identity field, or the value itself for a plain list.
    static func identity(_ tree: DataTree) -> String {
        switch tree {
        case .leaf(let leaf): return leaf.description
        case .map(let entries):
            for key in identityKeys {
                if case .leaf(let leaf)? = entries.first(where: { $0.key == key })?.value { return leaf.description }
            }
            return entries.first.map { "\($0.value.summary)" } ?? ""
        case .list(let items): return items.map(\.summary).joined(separator: ", ")
        }
    }

    /// Pairs a removed item with an added item of the same identity in a list of the same kind
    /// (`cookies[*].cookies`): that is a move, and its own field changes follow it, as
    /// `compare` finds them.
    static func pairMoves(
        _ changes: [FieldChange], compare: (DataTree?, DataTree?, [FieldChange.Step], inout [FieldChange]) -> Void
    ) -> [FieldChange] {
        var result = changes
        var index = 0
        while index < result.count {
            let removed = result[index]
            guard removed.kind == .removed, case .item(let id)? = removed.path.last,
                let partner = result.indices.first(where: { other in
                    result[other].kind == .added && result[other].path.last == .item(id) && shape(result[other].path) == shape(removed.path)
                })
            else {
                index += 1
                continue
            }
            let added = result[partner]
            var inner: [FieldChange] = []
            compare(removed.before, added.after, added.path, &inner)
            let move = FieldChange(kind: .moved, path: added.path, movedFrom: removed.path, before: removed.before, after: added.after)
            // The move stands where the item now is, followed by its own field changes.
            if partner > index {
                result.remove(at: partner)
                result.insert(contentsOf: [move] + inner, at: partner)
                result.remove(at: index)
            } else {
                result.remove(at: index)
                result.remove(at: partner)
                result.insert(contentsOf: [move] + inner, at: partner)
                index += inner.count
            }
        }
        return result
    }

    /// The path with item identities blanked out: which kind of list an item is in.
    private static func shape(_ path: [FieldChange.Step]) -> [String] {
        path.map { step in
            switch step {
            case .field(let name): return name
            case .item: return "[]"
            }
        }
    }
}

extension DataTree {
    /// No value at all: an empty list or mapping, or empty text.
    var isEmpty: Bool {
        switch self {
        case .leaf(.text(let text)): return text.isEmpty
        case .leaf: return false
        case .list(let items): return items.isEmpty
        case .map(let entries): return entries.isEmpty
        }
    }

    /// The value in one line, as written in the data: `name: _ga; provider: Google; …`.
    public var summary: String {
        switch self {
        case .leaf(let leaf): return leaf.description
        case .list(let items): return items.map(\.summary).joined(separator: ", ")
        case .map(let entries):
            return entries.filter { !$0.value.isEmpty }.map { entry in
                if case .leaf = entry.value { return "\(entry.key): \(entry.value.summary)" }
                return "\(entry.key): [\(entry.value.summary)]"
            }.joined(separator: "; ")
        }
    }
}
