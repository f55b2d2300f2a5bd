import Mustache
import PolicyModel
import PolicyText
import PolicyTranslations

/// The home page of one language (`home.mustache`): every company, with links to its pages.
struct HomePageModel: TemplateModel {
    /// One company's card, from its `HomeEntry`.
    struct Company: TemplateModel {
        /// A link to one of the company's pages (`label`).
        struct PageLink: TemplateModel {
            let label: String?
            let href: String?

            static let fields = TemplateFields<Self>([
                "label": .text { $0.label },
                "href": .text { $0.href },
            ])
        }

        /// A link to the company's policy in one of its languages (`name`).
        struct LanguageLink: TemplateModel {
            let code: String?
            let name: String?
            let href: String?

            static let fields = TemplateFields<Self>([
                "code": .text { $0.code },
                "name": .text { $0.name },
                "href": .text { $0.href },
            ])
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

        static let fields = TemplateFields<Self>([
            "name": .text { $0.name },
            "legal_name": .text { $0.legalName },
            "summary": .text { $0.summary },
            "last_updated": .text { $0.lastUpdated },
            "href": .text { $0.href },
            "summary_lang": .text { $0.summaryLang },
            "summary_dir": .value { $0.summaryDir },
            "links": .model(PageLink.self) { $0.links },
            "languages": .model(LanguageLink.self) { $0.languages },
        ])
    }

    let frame: PageFrame
    /// The site's description is written in the site's default language, a company's summary
    /// in its text's: marked as such on a home page in another language.
    let descriptionLang: String
    let descriptionDir: String
    let companies: [Company]

    static let fields = TemplateFields<Self>(
        [
            "description_lang": .value { $0.descriptionLang },
            "description_dir": .value { $0.descriptionDir },
            "companies": .model(Company.self) { $0.companies },
        ], next: [.frame(PageFrame.self) { $0.frame.child(named: $1) }])
}
