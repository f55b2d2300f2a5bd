import Mustache
import PolicyModel
import PolicyText
import PolicyTranslations

/// The differences between two versions of a text (`diff.mustache`): field changes grouped by
/// area, then the prose section by section.
struct DiffPageModel: TemplateModel {
    /// The field changes of one top-level field or company fact.
    struct Area: TemplateModel {
        let area: String?
        let changes: [Change]

        static let fields = TemplateFields<Self>([
            "area": .text { $0.area },
            "changes": .model(Change.self) { $0.changes },
        ])
    }

    /// One changed field, or an item that came, went or moved.
    struct Change: TemplateModel {
        let kind: String?
        let kindID: String?
        let subject: String?
        let before: String?
        let after: String?
        /// An item that came or went whole, field by field (empty for a single value).
        let beforeFields: [Field]
        let afterFields: [Field]

        static let fields = TemplateFields<Self>([
            "kind": .text { $0.kind },
            "kind_id": .text { $0.kindID },
            "subject": .text { $0.subject },
            "before": .text { $0.before },
            "after": .text { $0.after },
            "before_fields": .model(Field.self) { $0.beforeFields },
            "after_fields": .model(Field.self) { $0.afterFields },
        ])
    }

    /// A field of an item, labelled as its section labels it.
    struct Field: TemplateModel {
        let label: String?
        let value: String?

        static let fields = TemplateFields<Self>([
            "label": .text { $0.label },
            "value": .text { $0.value },
        ])
    }

    /// A section of the prose that changed.
    struct Section: TemplateModel {
        let headingLevel: Int
        let title: String?
        let renamed: String?
        let moved: Bool
        let status: String?
        let statusID: String?
        let pieces: [Piece]
        let links: [Link]

        static let fields = TemplateFields<Self>([
            "heading_level": .value { $0.headingLevel },
            "title": .text { $0.title },
            "renamed": .text { $0.renamed },
            "moved": .value { $0.moved },
            "status": .text { $0.status },
            "status_id": .text { $0.statusID },
            "pieces": .model(Piece.self) { $0.pieces },
            "links": .model(Link.self) { $0.links },
        ])
    }

    /// A sentence or line of a changed section; a modified one word by word.
    struct Piece: TemplateModel {
        let text: String?
        let line: Bool
        let whole: Bool
        let added: Bool
        let removed: Bool
        let same: Bool
        let modified: Bool
        let words: [Word]

        static let fields = TemplateFields<Self>([
            "text": .text { $0.text },
            "line": .value { $0.line },
            "whole": .value { $0.whole },
            "added": .value { $0.added },
            "removed": .value { $0.removed },
            "same": .value { $0.same },
            "modified": .value { $0.modified },
            "words": .model(Word.self) { $0.words },
        ])
    }

    struct Word: TemplateModel {
        let text: String?
        let added: Bool
        let removed: Bool

        static let fields = TemplateFields<Self>([
            "text": .text { $0.text },
            "added": .value { $0.added },
            "removed": .value { $0.removed },
        ])
    }

    /// A link of a section whose target changed.
    struct Link: TemplateModel {
        let text: String?
        let before: String?
        let after: String?

        static let fields = TemplateFields<Self>([
            "text": .text { $0.text },
            "before": .text { $0.before },
            "after": .text { $0.after },
        ])
    }

    /// A section without changes, listed by its title.
    struct Title: TemplateModel {
        let title: String?

        static let fields = TemplateFields<Self>([
            "title": .text { $0.title }
        ])
    }

    let frame: CompanyFrame
    let structured: [Area]
    let changedSections: [Section]
    let unchangedSections: [Title]
    let noChanges: Bool
    let fromHref: String?
    let toHref: String?
    let fromVersion: String?
    let toVersion: String?
    let fromEffective: String?
    let toEffective: String?
    let changelogHref: String?

    static let fields = TemplateFields<Self>(
        [
            "structured": .model(Area.self) { $0.structured },
            "changed_sections": .model(Section.self) { $0.changedSections },
            "unchanged_sections": .model(Title.self) { $0.unchangedSections },
            "no_changes": .value { $0.noChanges },
            "from_href": .text { $0.fromHref },
            "to_href": .text { $0.toHref },
            "from_version": .text { $0.fromVersion },
            "to_version": .text { $0.toVersion },
            "from_effective": .text { $0.fromEffective },
            "to_effective": .text { $0.toEffective },
            "changelog_href": .text { $0.changelogHref },
        ], next: [.frame(CompanyFrame.self) { $0.frame.child(named: $1) }])
}
