import Mustache
import PolicyModel
import PolicyText
import PolicyTranslations

/// A company's changelog in one language (`changelog.mustache`): every published version,
/// newest first, and the pairs of versions that have a diff page.
struct ChangelogPageModel: TemplateValue {
    /// One version of the changelog.
    struct Entry: TemplateValue {
        struct Change: TemplateValue {
            let change: String?

            static let names: Set<String> = ["change"]

            func child(named name: String) -> Any? { name == "change" ? change.orFalse : nil }
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

        static let names: Set<String> = [
            "version", "date", "date_iso", "effective", "effective_iso", "status", "summary", "summary_lang", "changes", "href", "diff_href",
        ]

        func child(named name: String) -> Any? {
            switch name {
            case "version": version.orFalse
            case "date": date.orFalse
            case "date_iso": dateISO.orFalse
            case "effective": effective.orFalse
            case "effective_iso": effectiveISO.orFalse
            case "status": status.orFalse
            case "summary": summary.orFalse
            case "summary_lang": summaryLang.orFalse
            case "changes": changes
            case "href": href.orFalse
            case "diff_href": diffHref.orFalse
            default: nil
            }
        }
    }

    let frame: CompanyFrame
    let entries: [Entry]
    let compare: [CompanyFrame.Link]

    static let names: Set<String> = CompanyFrame.names.union(["entries", "compare"])

    func child(named name: String) -> Any? {
        switch name {
        case "entries": entries
        case "compare": compare
        default: frame.child(named: name)
        }
    }
}
