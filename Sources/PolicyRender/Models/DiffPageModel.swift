import Mustache
import PolicyModel
import PolicyText
import PolicyTranslations

/// The differences between two versions of a text (`diff.mustache`): field changes grouped by
/// area, then the prose section by section.
struct DiffPageModel: TemplateValue {
    /// The field changes of one top-level field or company fact.
    struct Area: TemplateValue {
        let area: String?
        let changes: [Change]

        static let names: Set<String> = ["area", "changes"]

        func child(named name: String) -> Any? {
            switch name {
            case "area": area.orFalse
            case "changes": changes
            default: nil
            }
        }
    }

    /// One changed field, or an item that came, went or moved.
    struct Change: TemplateValue {
        let kind: String?
        let kindID: String?
        let subject: String?
        let before: String?
        let after: String?
        /// An item that came or went whole, field by field (empty for a single value).
        let beforeFields: [Field]
        let afterFields: [Field]

        static let names: Set<String> = ["kind", "kind_id", "subject", "before", "after", "before_fields", "after_fields"]

        func child(named name: String) -> Any? {
            switch name {
            case "kind": kind.orFalse
            case "kind_id": kindID.orFalse
            case "subject": subject.orFalse
            case "before": before.orFalse
            case "after": after.orFalse
            case "before_fields": beforeFields
            case "after_fields": afterFields
            default: nil
            }
        }
    }

    /// A field of an item, labelled as its section labels it.
    struct Field: TemplateValue {
        let label: String?
        let value: String?

        static let names: Set<String> = ["label", "value"]

        func child(named name: String) -> Any? {
            switch name {
            case "label": label.orFalse
            case "value": value.orFalse
            default: nil
            }
        }
    }

    /// A section of the prose that changed.
    struct Section: TemplateValue {
        let headingLevel: Int
        let title: String?
        let renamed: String?
        let moved: Bool
        let status: String?
        let statusID: String?
        let pieces: [Piece]
        let links: [Link]

        static let names: Set<String> = ["heading_level", "title", "renamed", "moved", "status", "status_id", "pieces", "links"]

        func child(named name: String) -> Any? {
            switch name {
            case "heading_level": headingLevel
            case "title": title.orFalse
            case "renamed": renamed.orFalse
            case "moved": moved
            case "status": status.orFalse
            case "status_id": statusID.orFalse
            case "pieces": pieces
            case "links": links
            default: nil
            }
        }
    }

    /// A sentence or line of a changed section; a modified one word by word.
    struct Piece: TemplateValue {
        let text: String?
        let line: Bool
        let whole: Bool
        let added: Bool
        let removed: Bool
        let same: Bool
        let modified: Bool
        let words: [Word]

        static let names: Set<String> = ["text", "line", "whole", "added", "removed", "same", "modified", "words"]

        func child(named name: String) -> Any? {
            switch name {
            case "text": text.orFalse
            case "line": line
            case "whole": whole
            case "added": added
            case "removed": removed
            case "same": same
            case "modified": modified
            case "words": words
            default: nil
            }
        }
    }

    struct Word: TemplateValue {
        let text: String?
        let added: Bool
        let removed: Bool

        static let names: Set<String> = ["text", "added", "removed"]

        func child(named name: String) -> Any? {
            switch name {
            case "text": text.orFalse
            case "added": added
            case "removed": removed
            default: nil
            }
        }
    }

    /// A link of a section whose target changed.
    struct Link: TemplateValue {
        let text: String?
        let before: String?
        let after: String?

        static let names: Set<String> = ["text", "before", "after"]

        func child(named name: String) -> Any? {
            switch name {
            case "text": text.orFalse
            case "before": before.orFalse
            case "after": after.orFalse
            default: nil
            }
        }
    }

    /// A section without changes, listed by its title.
    struct Title: TemplateValue {
        let title: String?

        static let names: Set<String> = ["title"]

        func child(named name: String) -> Any? { name == "title" ? title.orFalse : nil }
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

    static let names: Set<String> = CompanyFrame.names.union([
        "structured", "changed_sections", "unchanged_sections", "no_changes", "from_href", "to_href", "from_version", "to_version",
        "from_effective", "to_effective", "changelog_href",
    ])

    func child(named name: String) -> Any? {
        switch name {
        case "structured": structured
        case "changed_sections": changedSections
        case "unchanged_sections": unchangedSections
        case "no_changes": noChanges
        case "from_href": fromHref.orFalse
        case "to_href": toHref.orFalse
        case "from_version": fromVersion.orFalse
        case "to_version": toVersion.orFalse
        case "from_effective": fromEffective.orFalse
        case "to_effective": toEffective.orFalse
        case "changelog_href": changelogHref.orFalse
        default: frame.child(named: name)
        }
    }
}
