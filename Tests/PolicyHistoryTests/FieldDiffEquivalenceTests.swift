import TestSupport
import Testing

@testable import PolicyHistory

/// `FieldDiff` skips equal subtrees and finds list items through an index; this checks that it
/// reports exactly what the plain walk it replaced reports (kept below as `ReferenceDiff`), on
/// generated pairs of trees: keyed tables with rows edited, added, removed, reordered and moved
/// between lists, items with repeated identities, addresses, and fields appearing and vanishing.
@Suite struct FieldDiffEquivalenceTests {
    @Test func agreesWithTheFieldByFieldWalkOnGeneratedHistories() {
        var random = SeededRandom(seed: 0x5EED_F1E1_D0D1_FF00)
        var compared = 0, changed = 0
        for _ in 0..<3_000 {
            let old = Self.policy(&random)
            let new = Self.edited(old, &random)
            let expected = ReferenceDiff.changes(from: old, to: new)
            let actual = FieldDiff.changes(from: old, to: new)
            #expect(actual == expected, "\(old)\n→\n\(new)")
            compared += 1
            if !expected.isEmpty { changed += 1 }
        }
        // The generator must exercise both outcomes, or the comparison proves little.
        #expect(changed > compared / 2 && changed < compared)
    }

    // MARK: Generated trees

    static func text(_ random: inout SeededRandom, _ pool: [String]) -> DataTree { .leaf(.text(pool[random.next(pool.count)])) }

    static let names = ["_ga", "_gid", "sid", "csrf", "lang", "Stripe", "Mailgun", "AWS", "Zendesk", "HubSpot", "Okta", "Twilio"]
    static let words = ["analytics", "session", "billing", "support", "", "hosting", "email", "fraud prevention"]

    static func row(_ random: inout SeededRandom) -> DataTree {
        var entries: [(key: String, value: DataTree)] = [(key: "name", value: text(&random, names))]
        if random.next(3) > 0 { entries.append((key: "purpose", value: text(&random, words))) }
        if random.next(3) == 0 { entries.append((key: "duration", value: .leaf(.number(random.next(4))))) }
        if random.next(4) == 0 { entries.append((key: "countries", value: .list((0..<random.next(3)).map { _ in text(&random, ["FR", "US", "IN"]) }))) }
        return .map(entries)
    }

    static func policy(_ random: inout SeededRandom) -> DataTree {
        // Rows may repeat a name: such a list is compared in sequence, not by identity.
        let categories = (0..<random.next(4)).map { index -> DataTree in
            .map([
                (key: "category", value: .leaf(.text(["essential", "analytics", "marketing", "functional"][index]))),
                (key: "cookies", value: .list((0..<random.next(5)).map { _ in row(&random) })),
            ])
        }
        var entries: [(key: String, value: DataTree)] = [
            (key: "title", value: text(&random, words)),
            (key: "third_parties", value: .list((0..<random.next(7)).map { _ in row(&random) })),
            (key: "cookies", value: .list(categories)),
            (key: "address", value: .list((0..<random.next(3)).map { _ in text(&random, ["1 Main St", "Paris", "75001"]) })),
        ]
        if random.next(2) == 0 { entries.append((key: "children_min_age", value: .leaf(.number(13 + random.next(4))))) }
        if random.next(3) == 0 { entries.append((key: "summary", value: text(&random, words))) }
        return .map(entries)
    }

    /// `tree` with zero to three edits anywhere in it.
    static func edited(_ tree: DataTree, _ random: inout SeededRandom) -> DataTree {
        var result = tree
        for _ in 0..<random.next(4) { result = edit(result, &random) }
        return result
    }

    static func edit(_ tree: DataTree, _ random: inout SeededRandom) -> DataTree {
        switch tree {
        case .leaf(.text):
            return text(&random, words + names)
        case .leaf(.number(let number)):
            return .leaf(.number(number + 1))
        case .leaf:
            return tree
        case .list(var items):
            switch random.next(5) {
            case 0: items.append(row(&random))
            case 1 where !items.isEmpty: items.remove(at: random.next(items.count))
            case 2 where items.count > 1: items.swapAt(0, items.count - 1)
            case 3 where !items.isEmpty:
                let index = random.next(items.count)
                items[index] = edit(items[index], &random)
            default: break
            }
            return .list(items)
        case .map(var entries):
            guard !entries.isEmpty else { return tree }
            let index = random.next(entries.count)
            switch random.next(6) {
            case 0: entries.remove(at: index)
            case 1: entries.append((key: "automated_decisions", value: text(&random, words)))
            default: entries[index].value = edit(entries[index].value, &random)
            }
            return .map(entries)
        }
    }
}

/// `FieldDiff.changes` as it was before it skipped equal subtrees: every field visited, list
/// items searched one by one. Moves are paired by the same code (`FieldDiff.changes` minus its
/// comparison); only the comparison is restated here.
enum ReferenceDiff {
    static func changes(from old: DataTree, to new: DataTree) -> [FieldChange] {
        var changes: [FieldChange] = []
        compare(old, new, [], &changes)
        return FieldDiff.pairMoves(changes, compare: compare)
    }

    static func compare(_ old: DataTree?, _ new: DataTree?, _ path: [FieldChange.Step], _ changes: inout [FieldChange]) {
        switch (old, new) {
        case (nil, nil): return
        case (nil, .list?): compare(.list([]), new, path, &changes)
        case (.list?, nil): compare(old, .list([]), path, &changes)
        case (nil, let new?): if !new.isEmpty { changes.append(FieldChange(kind: .added, path: path, before: nil, after: new)) }
        case (let old?, nil): if !old.isEmpty { changes.append(FieldChange(kind: .removed, path: path, before: old, after: nil)) }
        case let (.map(a)?, .map(b)?):
            var keys = a.map(\.key)
            keys += b.map(\.key).filter { !keys.contains($0) }
            for key in keys {
                compare(a.first { $0.key == key }?.value, b.first { $0.key == key }?.value, path + [.field(key)], &changes)
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

    static func compareLists(_ a: [DataTree], _ b: [DataTree], _ path: [FieldChange.Step], _ changes: inout [FieldChange]) {
        if case .field(let name)? = path.last, FieldDiff.wholeLists.contains(name), !a.isEmpty, !b.isEmpty {
            if a != b { changes.append(FieldChange(kind: .changed, path: path, before: .list(a), after: .list(b))) }
            return
        }
        let oldIDs = a.map(FieldDiff.identity), newIDs = b.map(FieldDiff.identity)
        let keyed = !a.isEmpty || !b.isEmpty
        if keyed, Set(oldIDs).count == a.count, Set(newIDs).count == b.count {
            for (index, id) in oldIDs.enumerated() where !newIDs.contains(id) {
                changes.append(FieldChange(kind: .removed, path: path + [.item(id)], before: a[index], after: nil))
            }
            for (index, id) in newIDs.enumerated() {
                if let oldIndex = oldIDs.firstIndex(of: id) {
                    compare(a[oldIndex], b[index], path + [.item(id)], &changes)
                } else {
                    changes.append(FieldChange(kind: .added, path: path + [.item(id)], before: nil, after: b[index]))
                }
            }
            return
        }
        for change in b.difference(from: a) {
            switch change {
            case let .remove(offset, element, _):
                changes.append(FieldChange(kind: .removed, path: path + [.item(FieldDiff.identity(a[offset]))], before: element, after: nil))
            case let .insert(offset, element, _):
                changes.append(FieldChange(kind: .added, path: path + [.item(FieldDiff.identity(b[offset]))], before: nil, after: element))
            }
        }
    }
}
