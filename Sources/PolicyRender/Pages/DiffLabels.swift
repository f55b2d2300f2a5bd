import Foundation
import PolicyHistory
import PolicyMarkdown
public import PolicyModel
import PolicyText
import PolicyTranslations

/// Words for field changes: field names and values in the page's language.
struct DiffLabels {
    let locale: PageLocale
    let config: SiteConfig
    var t: UIStrings { locale.strings }

    /// Changes grouped by the top-level field (or company fact) they belong to.
    func groups(_ changes: [FieldChange]) -> [DiffPageModel.Area] {
        var order: [String] = []
        var grouped: [String: [FieldChange]] = [:]
        for change in changes {
            let key = groupKey(change.path)
            if grouped[key] == nil { order.append(key) }
            grouped[key, default: []].append(change)
        }
        return order.map { key in
            DiffPageModel.Area(area: areaLabel(key).nonEmpty, changes: grouped[key]!.map(row))
        }
    }

    private func groupKey(_ path: [FieldChange.Step]) -> String {
        guard case .field(let first)? = path.first else { return "" }
        if first == "company", case .field(let second)? = path.dropFirst().first { return "company." + second }
        return first
    }

    private func areaLabel(_ key: String) -> String {
        if key.hasPrefix("company.") { return t["history.company_facts"] + " · " + fieldLabel(String(key.dropFirst(8))) }
        return fieldLabel(key)
    }

    private func row(_ change: FieldChange) -> DiffPageModel.Change {
        var subject = pathLabel(change.path)
        if change.kind == .moved, let from = change.movedFrom { subject = t.format("history.moved_from", ["item": subject, "from": pathLabel(from)]) }
        let moved = change.kind == .moved
        return DiffPageModel.Change(
            kind: t["history.\(change.kind.rawValue)"].nonEmpty, kindID: change.kind.rawValue.nonEmpty,
            subject: subject.nonEmpty,
            before: moved ? nil : change.before.map(value)?.nonEmpty,
            after: moved ? nil : change.after.map(value)?.nonEmpty,
            beforeFields: moved ? [] : change.before.map { fields($0, in: change.path) } ?? [],
            afterFields: moved ? [] : change.after.map { fields($0, in: change.path) } ?? [])
    }

    /// An item that came or went whole (a recipient, a cookie) as a small list of its fields,
    /// each labelled as the page of its section labels it (a recipient's name is "Recipient",
    /// a cookie's "Cookie"); empty for a single value.
    func fields(_ tree: DataTree, in path: [FieldChange.Step]) -> [DiffPageModel.Field] {
        guard case .map(let entries) = tree, entries.count > 1 else { return [] }
        // The innermost list the item belongs to: `cookies` for a cookie, `dpo` for a DPO.
        let area = path.reversed().lazy.compactMap { step -> String? in
            if case .field(let name) = step { return name }
            return nil
        }.first
        return entries.map { entry in
            let own = area.map { "\($0).\(entry.key)" }
            let label =
                own.flatMap { t[$0] == $0 ? nil : t[$0] }
                ?? (entry.key == "name" ? t["field.display_name"] : fieldLabel(entry.key))
            return DiffPageModel.Field(label: label.nonEmpty, value: value(entry.value).nonEmpty)
        }
    }

    /// `Recipients › Stripe › Established in`.
    func pathLabel(_ path: [FieldChange.Step]) -> String {
        var steps = path
        if steps.first == .field("company") { steps.removeFirst() }
        // `cookies[analytics].cookies[_ga]` reads "Cookies › Analytics › _ga": a field named
        // again below its own item adds nothing.
        var seen = Set<String>()
        var field = ""
        return steps.compactMap { step -> String? in
            switch step {
            case .field(let name):
                field = name
                return seen.insert(name).inserted ? fieldLabel(name) : nil
            case .item(let identity):
                // A country served (`regions[CH]`) by its name in the page's language.
                if field == "regions", let country = CountryCode(identity) { return locale.countryName(country) }
                return itemLabel(identity)
            }
        }.joined(separator: " › ")
    }

    /// A field's name: the label the pages already use for it, or `field.<key>` for fields no
    /// page labels, so each word is translated once.
    func fieldLabel(_ key: String) -> String {
        for candidate in [Self.pageLabels[key], "field.\(key)"].compactMap({ $0 }) where t[candidate] != candidate {
            return t[candidate]
        }
        return key.replacingAll("_", with: " ")
    }

    static let pageLabels: [String: String] = [
        "title": "field.title", "summary": "policy.summary", "effective": "policy.effective",
        "data_collected": "sections.data_collected", "category": "data.category", "items": "data.items", "source": "data.source",
        "purposes": "sections.purposes", "purpose": "purposes.purpose", "legal_basis": "purposes.legal_basis",
        "cookies": "sections.cookies", "cookie_controls": "cookies.controls", "name": "cookies.name", "provider": "cookies.provider",
        "duration": "cookies.duration", "retention": "sections.retention", "data": "retention.data", "period": "retention.period",
        "criteria": "retention.criteria", "rights": "sections.rights", "how": "rights.how", "third_parties": "sections.third_parties",
        "role": "third_parties.role", "processing_location": "third_parties.processing_location",
        "corporate_location": "third_parties.corporate_location", "privacy_policy": "third_parties.privacy_policy",
        "transfers": "sections.transfers", "destination": "transfers.destination", "safeguards": "transfers.safeguards",
        "data_required": "policy.data_required", "automated_decisions": "policy.automated_decisions",
        "legal_name": "contact.legal_name", "address": "contact.address", "country": "contact.country", "email": "contact.email",
        "privacy_email": "contact.email", "phone": "contact.phone", "website": "contact.website", "dpo": "contact.dpo",
        "response_time": "contact.response_time", "supervisory_authority": "contact.supervisory_authority",
        "governing_law": "contact.governing_law", "entities": "contact.entities", "contact": "sections.contact",
        "languages": "site.languages", "children_min_age": "sections.children",
    ]

    /// A list item's name; rights, categories and regimes have words of their own.
    private func itemLabel(_ identity: String) -> String {
        for key in ["right.\(identity)", "cookie_category.\(identity)", "jurisdiction.\(identity).name"] where t[key] != key {
            return t[key]
        }
        return identity
    }

    func value(_ tree: DataTree) -> String {
        switch tree {
        case .leaf(let leaf): return value(leaf)
        case .list(let items): return items.map(value).joined(separator: t.listSeparator)
        case .map(let entries):
            return entries.map { "\(fieldLabel($0.key)): \(value($0.value))" }.joined(separator: "; ")
        }
    }

    func value(_ leaf: DataLeaf) -> String {
        switch leaf {
        case .text(let text): return text
        case .number(let number): return locale.format(number)
        case .flag(let flag): return t[flag ? "history.yes" : "history.no"]
        case .date(let date): return locale.format(date)
        case .duration(let duration): return locale.format(duration)
        case .country(let country): return locale.countryName(country)
        case let .term(field, value):
            switch field {
            case "cookie_category": return PolicySectionsLabel.label(of: CookieCategoryID(value), strings: t, config: config, language: locale.language)
            case "jurisdiction": return t["jurisdiction.\(value).name"]
            default:
                let key = "\(field).\(value)"
                return t[key] == key ? value : t[key]
            }
        }
    }

    /// The `h2`…`h6` of each changed section: the document's own levels, under the page's `h2`s
    /// and never more than one level below the heading before it, so the page's outline stays
    /// valid when only some sections are shown.
    static func headingLevels(_ levels: [Int]) -> [Int] {
        var previous = 1
        return levels.map { level in
            previous = min(max(level, 2), previous + 1, 6)
            return previous
        }
    }

    /// Sections with no change of their own, none below them, and, when a heading claims a
    /// structured section (`## Cookies {#cookies}`), no change in that section's data.
    static func unchanged(_ diff: PolicyDiff) -> [SectionDiff] {
        let changedData = Set(
            diff.fields.compactMap { change -> String? in
                guard case .field(let key)? = change.path.first else { return nil }
                return sectionID(ofField: key)
            })
        var result: [SectionDiff] = []
        for (index, section) in diff.sections.enumerated() where !section.hasChanges && !section.title.isEmpty {
            let below = diff.sections[(index + 1)...].prefix { $0.level > section.level }
            guard !below.contains(where: \.hasChanges), !changedData.contains(section.id) else { continue }
            result.append(section)
        }
        return result
    }

    /// The id of the structured section that shows a front matter field (`company` facts are
    /// the contact section's).
    static func sectionID(ofField key: String) -> String {
        switch key {
        case "regional_rights": return "rights"
        case "cookie_controls": return "cookies"
        case "children_min_age": return "children"
        case "data_required", "automated_decisions", "sells_personal_data": return "more"
        case "company": return "contact"
        default: return key.replacingAll("_", with: "-")
        }
    }

    func section(_ section: SectionDiff, heading: Int = 2) -> DiffPageModel.Section {
        DiffPageModel.Section(
            headingLevel: heading,
            title: (section.title.isEmpty ? t["history.introduction"] : section.title).nonEmpty,
            renamed: section.oldTitle.map { t.format("history.renamed_from", ["title": $0]) }?.nonEmpty,
            moved: section.moved,
            status: (section.status == .added ? t["history.section_added"] : section.status == .removed ? t["history.section_removed"] : "").nonEmpty,
            statusID: section.status.rawValue.nonEmpty,
            pieces: section.pieces.enumerated().map { piece($1, whole: section.status != .changed, first: $0 == 0) },
            links: section.links.map { DiffPageModel.Link(text: $0.text.nonEmpty, before: $0.before?.nonEmpty, after: $0.after?.nonEmpty) })
    }

    /// A piece of text; `whole` when the section came or went whole (no need to mark each
    /// sentence as one).
    private func piece(_ piece: TextPiece, whole: Bool, first: Bool) -> DiffPageModel.Piece {
        DiffPageModel.Piece(
            // A code line or table row starts a line of its own (`<br>` before it, but first).
            text: piece.text.nonEmpty, line: piece.isLine && !first, whole: whole,
            added: piece.kind == .added, removed: piece.kind == .removed,
            same: piece.kind == .same, modified: piece.kind == .modified,
            words: piece.words.map { DiffPageModel.Word(text: $0.text.nonEmpty, added: $0.kind == .added, removed: $0.kind == .removed) })
    }
}
