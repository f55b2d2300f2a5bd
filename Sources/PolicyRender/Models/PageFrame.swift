import Mustache
import PolicyModel
import PolicyText
import PolicyTranslations

/// What every page template shares (`layout.mustache`): language, direction, title, links,
/// the language switcher.
struct PageFrame: TemplateModel {
    /// A link to the same page in another language, for the switcher and `hreflang` links.
    struct LanguageLink: TemplateModel {
        let code: String
        let name: String
        let href: String?
        let url: String
        let current: Bool
        let dir: String

        static let fields = TemplateFields<Self>([
            "code": .value { $0.code },
            "name": .value { $0.name },
            "href": .text { $0.href },
            "url": .value { $0.url },
            "current": .value { $0.current },
            "dir": .value { $0.dir },
        ])
    }

    let lang: String
    let dir: String
    var title: String?
    let siteTitle: String?
    let siteDescription: String?
    var canonical: String?
    var home: String?
    var assets: String?
    let t: UIStringTree
    let stylesheet: String
    /// The other languages of the page; nil (no switcher, no `hreflang`) for a page in one language.
    let languages: [LanguageLink]?
    let xDefault: String?

    static let fields = TemplateFields<Self>([
        "lang": .value { $0.lang },
        "dir": .value { $0.dir },
        "title": .text { $0.title },
        "site_title": .text { $0.siteTitle },
        "site_description": .text { $0.siteDescription },
        "canonical": .text { $0.canonical },
        "home": .text { $0.home },
        "assets": .text { $0.assets },
        "t": .value { $0.t },
        "stylesheet": .value { $0.stylesheet },
        "has_languages": .value { $0.languages.map { _ in true } },
        "languages": .model(LanguageLink.self) { $0.languages },
        "x_default": .value { $0.xDefault },
    ])
}

extension SiteRenderer {
    /// The frame of a page at `path` in `language`, with links to `alternates` (the same page in
    /// other languages) when there is more than one.
    func pageFrame(path: String, title: String, language: LanguageCode, locale: PageLocale, alternates: [(LanguageCode, String)]) -> PageFrame {
        let languages =
            alternates.count > 1
            ? alternates.map { other, otherPath in
                PageFrame.LanguageLink(
                    code: other.rawValue, name: PageLocale.nativeName(of: other), href: SitePaths.link(from: path, to: otherPath).nonEmpty,
                    url: site.config.absoluteURL(otherPath), current: other == language, dir: PageLocale.direction(of: other))
            } : nil
        return PageFrame(
            lang: language.rawValue,
            dir: locale.direction,
            title: title.nonEmpty,
            siteTitle: site.config.title.nonEmpty,
            siteDescription: site.config.description?.nonEmpty,
            canonical: site.config.absoluteURL(path).nonEmpty,
            // The home page in the page's language (every site language has one).
            home: SitePaths.link(from: path, to: site.languages.contains(language) ? homePath(language) : "").nonEmpty,
            assets: SitePaths.link(from: path, to: "assets/").replacingAll("index.html", with: "").nonEmpty,
            t: strings(language),
            stylesheet: theme.stylesheet,
            languages: languages,
            xDefault: alternates.count > 1 ? alternates.first.map { site.config.absoluteURL($0.1) } : nil)
    }
}
