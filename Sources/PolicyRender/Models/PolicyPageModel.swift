import Mustache
import PolicyModel
import PolicyText
import PolicyTranslations

/// A policy text (`policy.mustache`): the policy page, the page of a published version and a
/// draft. The prose in blocks with the structured sections where they go (`PolicyLayout`),
/// the sections' values (`SectionValues`), and the notices of the page's kind.
struct PolicyPageModel: TemplateModel {
    /// A block of the page: prose, a section's data after the heading that claims it, or a
    /// section no heading claims, under the theme's heading.
    struct Block: TemplateModel, Hashable {
        /// A section block's heading (`layout_section`).
        struct Section: TemplateModel, Hashable {
            let id: String
            let title: String

            static let fields = TemplateFields<Self>([
                "section_id": .value { $0.id },
                "section_title": .value { $0.title },
            ])
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

        /// `layout_is_data_collected`: the flag of a section, for themes that dispatch on flags.
        static func flag(_ section: PolicySection) -> String { "layout_is_" + section.id.replacingAll("-", with: "_") }

        /// Each block has `layout_prose`, `layout_data` and `layout_section`; a data or section
        /// block also names the partial to include, `layout_partial` (`section-<id>`, which
        /// `section-data` includes with `{{>*layout_partial}}`: one lookup per block), and every
        /// `layout_is_<id>`, `true` only for its own section. The flags are all there, `false`
        /// when not so: a missing name resolves up the context stack.
        static let fields = TemplateFields<Self>(
            [
                "layout_prose": .text { $0.prose },
                "layout_data": .value { $0.isData },
                "layout_section": .model(Section.self) { $0.section.map { $0 as Any } ?? false },
                "layout_partial": .value { $0.sectionID.map { "section-" + $0.id } },
                "data_html": .value { $0.dataHTML },
            ].merging(
                // One name per `PolicySection` (`flag`), `true` only for the block's own.
                PolicySection.allCases.map { section in (flag(section), .value { $0.sectionID.map { $0 == section } }) }
            ) { _, _ in preconditionFailure("a section's flag is one of the block's own names") })
    }

    /// An entry of the table of contents.
    struct TOCEntry: TemplateModel, Hashable {
        let id: String
        let text: String

        static let fields = TemplateFields<Self>([
            "id": .value { $0.id },
            "text": .value { $0.text },
        ])
    }

    /// A version announced and not yet in force (the policy page).
    struct UpcomingNotice: TemplateModel, Hashable {
        let text: String?
        let href: String?
        let diffHref: String?

        static let fields = TemplateFields<Self>([
            "text": .text { $0.text },
            "href": .text { $0.href },
            "diff_href": .text { $0.diffHref },
        ])
    }

    /// Links from the policy page to what changed in its version and to earlier versions.
    struct HistoryLinks: TemplateModel, Hashable {
        let changelogHref: String?
        let diffHref: String?

        static let fields = TemplateFields<Self>([
            "changelog_href": .text { $0.changelogHref },
            "diff_href": .text { $0.diffHref },
        ])
    }

    /// What a published version's or a draft's page says it is, with a link to the current text.
    struct ArchiveNotice: TemplateModel, Hashable {
        let text: String?
        let superseded: Bool
        let currentHref: String?
        let currentLabel: String?
        let changelogHref: String?

        static let fields = TemplateFields<Self>([
            "text": .text { $0.text },
            "superseded": .value { $0.superseded },
            "current_href": .text { $0.currentHref },
            "current_label": .text { $0.currentLabel },
            "changelog_href": .text { $0.changelogHref },
        ])
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

    /// `data_collected_label`: the name of a section's table label.
    static func label(_ section: PolicySection) -> String { section.id.replacingAll("-", with: "_") + "_label" }

    static let fields = TemplateFields<Self>(
        [
            "summary": .text { $0.summary },
            "body": .text { $0.body },
            "has_sources": .value { $0.hasSources },
            "has_bases": .value { $0.hasBases },
            "has_periods": .value { $0.hasPeriods },
            "has_criteria": .value { $0.hasCriteria },
            "cookie_bases": .value { $0.cookieBases },
            "cookies_named": .value { $0.cookiesNamed },
            "cookie_controls": .text { $0.cookieControls },
            "children": .text { $0.children },
            "no_sale": .value { $0.noSale },
            "data_required": .text { $0.dataRequired },
            "automated_decisions": .text { $0.automatedDecisions },
            "cookies_href": .text { $0.cookiesHref },
            "rights_href": .text { $0.rightsHref },
            "blocks": .model(Block.self) { $0.blocks },
            "toc": .model(TOCEntry.self) { $0.toc },
            "upcoming_notice": .model(UpcomingNotice.self) { $0.upcomingNotice.map { $0.isEmpty ? false : $0 as Any } },
            "history_links": .model(HistoryLinks.self) { $0.historyLinks.map { $0.map { $0 as Any } ?? false } },
            "archive_notice": .model(ArchiveNotice.self) { $0.archiveNotice },
        ].merging(
            // One table label per `PolicySection` (`label`): nil when the section is not on the page.
            PolicySection.allCases.map { section in (label(section), .value { $0.labels[section] }) }
        ) { _, _ in preconditionFailure("a section's label is one of the page's own names") },
        next: [
            // Then the sections' values, then the frame's (their names never overlap).
            .frame(SectionValues.self) { $0.sections.child(named: $1) },
            .frame(CompanyFrame.self) { $0.frame.child(named: $1) },
        ])
}
