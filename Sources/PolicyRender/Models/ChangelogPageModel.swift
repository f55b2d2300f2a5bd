import Mustache
import PolicyModel
import PolicyText
import PolicyTranslations

/// A company's changelog in one language (`changelog.mustache`): every published version,
/// newest first, and the pairs of versions that have a diff page.
struct ChangelogPageModel: TemplateModel {
    /// One version of the changelog.
    struct Entry: TemplateModel {
        struct Change: TemplateModel {
            let change: String?

            static let fields = TemplateFields<Self>([
                "change": .text { $0.change }
            ])
        }

        let version: String?
        let date: String?
        let dateISO: String?
        /// The day it took effect, when not the day it was announced.
        let effective: String?
        let effectiveISO: String?
        /// Named only while some version waits for its date.
        let status: String?
        let summary: String?
        /// The summary's language when it is not the page's (a missing translation).
        let summaryLang: String?
        let changes: [Change]
        /// Its page, when it has one in this language.
        let href: String?
        let diffHref: String?

        static let fields = TemplateFields<Self>([
            "version": .text { $0.version },
            "date": .text { $0.date },
            "date_iso": .text { $0.dateISO },
            "effective": .text { $0.effective },
            "effective_iso": .text { $0.effectiveISO },
            "status": .text { $0.status },
            "summary": .text { $0.summary },
            "summary_lang": .text { $0.summaryLang },
            "changes": .model(Change.self) { $0.changes },
            "href": .text { $0.href },
            "diff_href": .text { $0.diffHref },
        ])
    }

    let frame: CompanyFrame
    let entries: [Entry]
    let compare: [CompanyFrame.Link]

    static let fields = TemplateFields<Self>(
        [
            "entries": .model(Entry.self) { $0.entries },
            "compare": .model(CompanyFrame.Link.self) { $0.compare },
        ], next: [.frame(CompanyFrame.self) { $0.frame.child(named: $1) }])
}
