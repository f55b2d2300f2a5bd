import Foundation
import PolicyModel

/// What changed between two versions of a policy, in terms a reader understands: structured
/// changes (a cookie added, a retention period changed, a right removed) and, per prose section,
/// the sentences removed and added.
public struct PolicyDiff: Sendable, Equatable {
    public var from: PolicyVersionNumber
    public var to: PolicyVersionNumber
    public var structured: [StructuredChange]
    public var sections: [SectionDiff]

    public var isEmpty: Bool { structured.isEmpty && sections.allSatisfy { !$0.hasChanges } }
}

public struct StructuredChange: Sendable, Equatable {
    public enum Area: String, Sendable {
        case cookies, retention, rights, thirdParties = "third_parties", transfers, purposes, dataCollected = "data_collected", facts
    }

    public enum Kind: String, Sendable {
        case added, removed, changed
    }

    public var area: Area
    public var kind: Kind
    /// What changed: a cookie name, a data category, a right id.
    public var subject: String
    public var before: String?
    public var after: String?
}

/// One prose section (a `##` heading and its text) in both versions.
public struct SectionDiff: Sendable, Equatable {
    public var id: String
    public var title: String
    public var pieces: [TextPiece]

    public var hasChanges: Bool { pieces.contains { $0.kind != .same } }
}

/// A run of text that stayed, went or arrived.
public struct TextPiece: Sendable, Equatable {
    public enum Kind: String, Sendable { case same, removed, added }
    public var kind: Kind
    public var text: String
}

extension PolicyDiff {
    /// Compares two texts of the same policy in one language. `cache` keeps each text's
    /// sections, so a text compared with several others is split once.
    public init(from old: PolicyDocument, to new: PolicyDocument, cache: SectionCache? = nil) {
        from = old.frontMatter.version
        to = new.frontMatter.version
        structured = StructuredDiff.changes(from: old.frontMatter, to: new.frontMatter)
        let split = { (document: PolicyDocument) in cache?.sections(of: document) ?? TextDiff.split(document.body) }
        sections = TextDiff.sections(from: split(old), to: split(new))
    }
}

/// Sections of policy texts, keyed by content hash, shared by the diff pages of one build.
public final class SectionCache: Sendable {
    private let entries = ComputedCache<[TextDiff.Section]>()

    public init() {}

    func sections(of document: PolicyDocument) -> [TextDiff.Section] {
        entries.value(for: document.contentHash) { TextDiff.split(document.body) }
    }
}

enum StructuredDiff {
    static func changes(from old: PolicyFrontMatter, to new: PolicyFrontMatter) -> [StructuredChange] {
        var changes: [StructuredChange] = []

        // Cookie categories, then the cookies within them, keyed by name.
        let oldCategories = Dictionary(old.cookies.map { ($0.category.id, $0) }, uniquingKeysWith: { first, _ in first })
        let newCategories = Dictionary(new.cookies.map { ($0.category.id, $0) }, uniquingKeysWith: { first, _ in first })
        changes += keyed(.cookies, old: oldCategories.mapValues(\.purpose), new: newCategories.mapValues(\.purpose), order: (old.cookies + new.cookies).map(\.category.id)) { "category \($0)" }
        let oldCookies = Dictionary(old.cookies.flatMap(\.cookies).map { ($0.name, describe($0)) }, uniquingKeysWith: { first, _ in first })
        let newCookies = Dictionary(new.cookies.flatMap(\.cookies).map { ($0.name, describe($0)) }, uniquingKeysWith: { first, _ in first })
        changes += keyed(.cookies, old: oldCookies, new: newCookies, order: (old.cookies + new.cookies).flatMap(\.cookies).map(\.name)) { $0 }

        changes += keyed(.retention, old: table(old.retention.map { ($0.data, describe($0)) }), new: table(new.retention.map { ($0.data, describe($0)) }),
                         order: (old.retention + new.retention).map(\.data)) { $0 }
        let oldRights = table((old.rights?.items ?? []).map { ($0.right.rawValue, $0.description ?? "") })
        let newRights = table((new.rights?.items ?? []).map { ($0.right.rawValue, $0.description ?? "") })
        changes += keyed(.rights, old: oldRights, new: newRights, order: ((old.rights?.items ?? []) + (new.rights?.items ?? [])).map(\.right.rawValue)) { $0 }
        changes += keyed(.thirdParties, old: table(old.thirdParties.map { ($0.name, $0.purpose) }), new: table(new.thirdParties.map { ($0.name, $0.purpose) }),
                         order: (old.thirdParties + new.thirdParties).map(\.name)) { $0 }
        changes += keyed(.transfers, old: table(old.transfers.map { ($0.destination, $0.safeguards ?? "") }), new: table(new.transfers.map { ($0.destination, $0.safeguards ?? "") }),
                         order: (old.transfers + new.transfers).map(\.destination)) { $0 }
        changes += keyed(.purposes, old: table(old.purposes.map { ($0.purpose, $0.legalBasis?.rawValue ?? "") }), new: table(new.purposes.map { ($0.purpose, $0.legalBasis?.rawValue ?? "") }),
                         order: (old.purposes + new.purposes).map(\.purpose)) { $0 }
        changes += keyed(.dataCollected, old: table(old.dataCollected.map { ($0.category, $0.items.joined(separator: ", ")) }), new: table(new.dataCollected.map { ($0.category, $0.items.joined(separator: ", ")) }),
                         order: (old.dataCollected + new.dataCollected).map(\.category)) { $0 }

        let facts: [(String, String?, String?)] = [
            ("children_min_age", old.childrenMinAge.map(String.init), new.childrenMinAge.map(String.init)),
            ("sells_personal_data", old.sellsPersonalData.map(String.init), new.sellsPersonalData.map(String.init)),
            ("data_required", old.dataRequired, new.dataRequired),
            ("automated_decisions", old.automatedDecisions, new.automatedDecisions),
            ("cookie_controls", old.cookieControls, new.cookieControls),
        ]
        for (name, before, after) in facts where before != after {
            changes.append(StructuredChange(area: .facts, kind: before == nil ? .added : after == nil ? .removed : .changed, subject: name, before: before, after: after))
        }
        return changes
    }

    private static func table(_ pairs: [(String, String)]) -> [String: String] {
        Dictionary(pairs, uniquingKeysWith: { first, _ in first })
    }

    private static func describe(_ cookie: Cookie) -> String {
        "\(cookie.provider); \(cookie.purpose); \(cookie.duration)"
    }

    private static func describe(_ rule: RetentionRule) -> String {
        [rule.period?.description, rule.after.map { "after \($0)" }, rule.criteria].compactMap { $0 }.joined(separator: "; ")
    }

    /// Added, removed and changed entries of two keyed tables, in first-seen order.
    private static func keyed(
        _ area: StructuredChange.Area, old: [String: String], new: [String: String], order: [String], subject: (String) -> String
    ) -> [StructuredChange] {
        var seen = Set<String>()
        return order.filter { seen.insert($0).inserted }.compactMap { key in
            switch (old[key], new[key]) {
            case (nil, let after?): return StructuredChange(area: area, kind: .added, subject: subject(key), before: nil, after: after)
            case (let before?, nil): return StructuredChange(area: area, kind: .removed, subject: subject(key), before: before, after: nil)
            case (let before?, let after?) where before != after:
                return StructuredChange(area: area, kind: .changed, subject: subject(key), before: before, after: after)
            default: return nil
            }
        }
    }
}
