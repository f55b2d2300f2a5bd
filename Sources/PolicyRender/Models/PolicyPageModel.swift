import Mustache
import PolicyModel
import PolicyText
import PolicyTranslations

/// A policy text (`policy.mustache`): the policy page, the page of a published version and a
/// draft. The prose in blocks with the structured sections where they go (`PolicyLayout`),
/// the sections' values (`SectionValues`), and the notices of the page's kind.
struct PolicyPageModel: TemplateValue {
    /// A block of the page: prose, a section's data after the heading that claims it, or a
    /// section no heading claims, under the theme's heading.
    struct Block: TemplateValue, Hashable {
        /// A section block's heading (`layout_section`).
        struct Section: TemplateValue, Hashable {
            let id: String
            let title: String

            static let names: Set<String> = ["section_id", "section_title"]

            func child(named name: String) -> Any? {
                switch name {
                case "section_id": id
                case "section_title": title
                default: nil
                }
            }
        }

        /// The prose's HTML, for a prose block.
        let prose: String?
        /// The structured section, for a data or section block.
        let sectionID: PolicySection?
        /// Whether the section's data follows the prose of the heading that claims it.
        let isData: Bool
        /// The heading of a section no heading claims.
        let section: Section?
        /// The section's HTML, for a theme that prints it (`SectionBlocks`).
        var dataHTML: String?

        static let names: Set<String> = Set(
            ["layout_prose", "layout_data", "layout_section", "layout_partial", "data_html"] + PolicySection.allCases.map(flag))

        /// `layout_is_data_collected`: the flag of a section, for themes that dispatch on flags.
        static func flag(_ section: PolicySection) -> String { "layout_is_" + section.id.replacingAll("-", with: "_") }

        /// Each block has `layout_prose`, `layout_data` and `layout_section`; a data or section
        /// block also names the partial to include, `layout_partial` (`section-<id>`, which
        /// `section-data` includes with `{{>*layout_partial}}`: one lookup per block), and every
        /// `layout_is_<id>`, `true` only for its own section. The flags are all there, `false`
        /// when not so: a missing name resolves up the context stack.
        func child(named name: String) -> Any? {
            switch name {
            case "layout_prose": prose.orFalse
            case "layout_data": isData
            case "layout_section": section.map { $0 as Any } ?? false
            case "layout_partial": sectionID.map { "section-" + $0.id }
            case "data_html": dataHTML
            // One name per `PolicySection` (`flag`; a test holds the two lists together).
            case "layout_is_data_collected": sectionID.map { $0 == .dataCollected }
            case "layout_is_purposes": sectionID.map { $0 == .purposes }
            case "layout_is_third_parties": sectionID.map { $0 == .thirdParties }
            case "layout_is_transfers": sectionID.map { $0 == .transfers }
            case "layout_is_retention": sectionID.map { $0 == .retention }
            case "layout_is_cookies": sectionID.map { $0 == .cookies }
            case "layout_is_rights": sectionID.map { $0 == .rights }
            case "layout_is_children": sectionID.map { $0 == .children }
            case "layout_is_more": sectionID.map { $0 == .more }
            case "layout_is_contact": sectionID.map { $0 == .contact }
            default: nil
            }
        }
    }

    /// An entry of the table of contents.
    struct TOCEntry: TemplateValue, Hashable {
        let id: String
        let text: String

        static let names: Set<String> = ["id", "text"]

        func child(named name: String) -> Any? {
            switch name {
            case "id": id
            case "text": text
            default: nil
            }
        }
    }

    /// A version announced and not yet in force (the policy page).
    struct UpcomingNotice: TemplateValue, Hashable {
        let text: String?
        let href: String?
        let diffHref: String?

        static let names: Set<String> = ["text", "href", "diff_href"]

        func child(named name: String) -> Any? {
            switch name {
            case "text": text.orFalse
            case "href": href.orFalse
            case "diff_href": diffHref.orFalse
            default: nil
            }
        }
    }

    /// Links from the policy page to what changed in its version and to earlier versions.
    struct HistoryLinks: TemplateValue, Hashable {
        let changelogHref: String?
        let diffHref: String?

        static let names: Set<String> = ["changelog_href", "diff_href"]

        func child(named name: String) -> Any? {
            switch name {
            case "changelog_href": changelogHref.orFalse
            case "diff_href": diffHref.orFalse
            default: nil
            }
        }
    }

    /// What a published version's or a draft's page says it is, with a link to the current text.
    struct ArchiveNotice: TemplateValue, Hashable {
        let text: String?
        let superseded: Bool
        let currentHref: String?
        let currentLabel: String?
        let changelogHref: String?

        static let names: Set<String> = ["text", "superseded", "current_href", "current_label", "changelog_href"]

        func child(named name: String) -> Any? {
            switch name {
            case "text": text.orFalse
            case "superseded": superseded
            case "current_href": currentHref.orFalse
            case "current_label": currentLabel.orFalse
            case "changelog_href": changelogHref.orFalse
            default: nil
            }
        }
    }

    var frame: CompanyFrame
    let language: LanguageCode
    let summary: String?
    let body: String?
    /// A column empty in every row is left out rather than shown as filler.
    let hasSources: Bool
    let hasBases: Bool
    let hasPeriods: Bool
    let hasCriteria: Bool
    let cookieBases: Bool
    let cookiesNamed: Bool
    let cookieControls: String?
    let children: String?
    let noSale: Bool
    let dataRequired: String?
    let automatedDecisions: String?
    let cookiesHref: String?
    let rightsHref: String?
    /// What each present section's table is labelled by (`<id>_label`): the author's heading
    /// where the prose claims the section, otherwise the theme's.
    let labels: [PolicySection: String]
    let sections: SectionValues
    var blocks: [Block]
    let toc: [TOCEntry]
    /// The policy page's own: nil (absent) on a version's or a draft's page.
    var upcomingNotice: [UpcomingNotice]?
    var historyLinks: HistoryLinks??
    /// A version's or a draft's: nil (absent) on the policy page.
    var archiveNotice: ArchiveNotice?

    static let names: Set<String> = CompanyFrame.names.union(SectionValues.names).union(
        [
            "summary", "body", "has_sources", "has_bases", "has_periods", "has_criteria", "cookie_bases", "cookies_named", "cookie_controls",
            "children", "no_sale", "data_required", "automated_decisions", "cookies_href", "rights_href", "blocks", "toc", "upcoming_notice",
            "history_links", "archive_notice",
        ] + PolicySection.allCases.map(label))

    /// `data_collected_label`: the name of a section's table label.
    static func label(_ section: PolicySection) -> String { section.id.replacingAll("-", with: "_") + "_label" }

    func child(named name: String) -> Any? {
        switch name {
        case "summary": summary.orFalse
        case "body": body.orFalse
        case "has_sources": hasSources
        case "has_bases": hasBases
        case "has_periods": hasPeriods
        case "has_criteria": hasCriteria
        case "cookie_bases": cookieBases
        case "cookies_named": cookiesNamed
        case "cookie_controls": cookieControls.orFalse
        case "children": children.orFalse
        case "no_sale": noSale
        case "data_required": dataRequired.orFalse
        case "automated_decisions": automatedDecisions.orFalse
        case "cookies_href": cookiesHref.orFalse
        case "rights_href": rightsHref.orFalse
        case "blocks": blocks
        case "toc": toc
        case "upcoming_notice": upcomingNotice.map { $0.isEmpty ? false : $0 as Any }
        case "history_links": historyLinks.map { $0.map { $0 as Any } ?? false }
        case "archive_notice": archiveNotice
        case "data_collected_label": labels[.dataCollected]
        case "purposes_label": labels[.purposes]
        case "third_parties_label": labels[.thirdParties]
        case "transfers_label": labels[.transfers]
        case "retention_label": labels[.retention]
        case "cookies_label": labels[.cookies]
        case "rights_label": labels[.rights]
        case "children_label": labels[.children]
        case "more_label": labels[.more]
        case "contact_label": labels[.contact]
        default: sections.child(named: name) ?? frame.child(named: name)
        }
    }
}
