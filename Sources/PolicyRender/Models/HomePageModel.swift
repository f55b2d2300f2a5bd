import Mustache
import PolicyModel
import PolicyText
import PolicyTranslations

/// The home page of one language (`home.mustache`): every company, with links to its pages.
struct HomePageModel: TemplateValue {
    /// One company's card, from its `HomeEntry`.
    struct Company: TemplateValue {
        /// A link to one of the company's pages (`label`).
        struct PageLink: TemplateValue {
            let label: String?
            let href: String?

            static let names: Set<String> = ["label", "href"]

            func child(named name: String) -> Any? {
                switch name {
                case "label": label.orFalse
                case "href": href.orFalse
                default: nil
                }
            }
        }

        /// A link to the company's policy in one of its languages (`name`).
        struct LanguageLink: TemplateValue {
            let code: String?
            let name: String?
            let href: String?

            static let names: Set<String> = ["code", "name", "href"]

            func child(named name: String) -> Any? {
                switch name {
                case "code": code.orFalse
                case "name": self.name.orFalse
                case "href": href.orFalse
                default: nil
                }
            }
        }

        let name: String?
        let legalName: String?
        let summary: String?
        let lastUpdated: String?
        let href: String?
        let summaryLang: String?
        let summaryDir: String
        let links: [PageLink]
        let languages: [LanguageLink]

        init(_ entry: HomeEntry) {
            name = entry.name.nonEmpty
            legalName = entry.legalName.nonEmpty
            summary = entry.summary.nonEmpty
            lastUpdated = entry.lastUpdated.nonEmpty
            href = entry.href.nonEmpty
            summaryLang = entry.language.nonEmpty
            summaryDir = LanguageCode(entry.language).map(PageLocale.direction) ?? "ltr"
            links = entry.links.map { PageLink(label: $0.label.nonEmpty, href: $0.href.nonEmpty) }
            languages = entry.languages.map { LanguageLink(code: $0.code.nonEmpty, name: $0.label.nonEmpty, href: $0.href.nonEmpty) }
        }

        static let names: Set<String> = [
            "name", "legal_name", "summary", "last_updated", "href", "summary_lang", "summary_dir", "links", "languages",
        ]

        func child(named name: String) -> Any? {
            switch name {
            case "name": self.name.orFalse
            case "legal_name": legalName.orFalse
            case "summary": summary.orFalse
            case "last_updated": lastUpdated.orFalse
            case "href": href.orFalse
            case "summary_lang": summaryLang.orFalse
            case "summary_dir": summaryDir
            case "links": links
            case "languages": languages
            default: nil
            }
        }
    }

    let frame: PageFrame
    /// The site's description is written in the site's default language, a company's summary
    /// in its text's: marked as such on a home page in another language.
    let descriptionLang: String
    let descriptionDir: String
    let companies: [Company]

    static let names: Set<String> = PageFrame.names.union(["description_lang", "description_dir", "companies"])

    func child(named name: String) -> Any? {
        switch name {
        case "description_lang": descriptionLang
        case "description_dir": descriptionDir
        case "companies": companies
        default: frame.child(named: name)
        }
    }
}
