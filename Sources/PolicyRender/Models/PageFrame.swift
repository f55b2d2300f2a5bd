import Mustache
import PolicyModel
import PolicyText
import PolicyTranslations

/// What every page template shares (`layout.mustache`): language, direction, title, links,
/// the language switcher.
struct PageFrame: TemplateValue {
    /// A link to the same page in another language, for the switcher and `hreflang` links.
    struct LanguageLink: TemplateValue {
        let code: String
        let name: String
        let href: String?
        let url: String
        let current: Bool
        let dir: String

        static let names: Set<String> = ["code", "name", "href", "url", "current", "dir"]

        func child(named name: String) -> Any? {
            switch name {
            case "code": code
            case "name": self.name
            case "href": href.orFalse
            case "url": url
            case "current": current
            case "dir": dir
            default: nil
            }
        }
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

    static let names: Set<String> = [
        "lang", "dir", "title", "site_title", "site_description", "canonical", "home", "assets", "t", "stylesheet", "has_languages",
        "languages", "x_default",
    ]

    func child(named name: String) -> Any? {
        switch name {
        case "lang": lang
        case "dir": dir
        case "title": title.orFalse
        case "site_title": siteTitle.orFalse
        case "site_description": siteDescription.orFalse
        case "canonical": canonical.orFalse
        case "home": home.orFalse
        case "assets": assets.orFalse
        case "t": t
        case "stylesheet": stylesheet
        case "has_languages": languages.map { _ in true }
        case "languages": languages
        case "x_default": xDefault
        default: nil
        }
    }
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
