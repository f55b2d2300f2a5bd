import Mustache
import PolicyModel
import PolicyText
import PolicyTranslations

/// What every company page shares on top of the `PageFrame`: the company's name, the text's
/// dates and version, the navigation between its pages and the notices a reader must see
/// (`company-header.mustache`).
struct CompanyFrame: TemplateModel {
    /// `{{company.display_name}}`.
    struct Name: TemplateModel, Hashable {
        let displayName: String?
        let legalName: String?
        let slug: String?

        static let fields = TemplateFields<Self>([
            "display_name": .text { $0.displayName },
            "legal_name": .text { $0.legalName },
            "slug": .text { $0.slug },
        ])
    }

    /// A link with its text: an entry of the page navigation, the link to the source text.
    struct Link: TemplateModel, Hashable {
        let label: String?
        let href: String?
        /// Whether it is the page itself (nil: the link does not say).
        var current: Bool?

        static let fields = TemplateFields<Self>([
            "label": .text { $0.label },
            "href": .text { $0.href },
            "current": .value { $0.current },
        ])
    }

    var frame: PageFrame
    let company: Name
    /// The heading level of the section partials' own headings: 2 under a page title, 3 on
    /// the policy page, under the sections' headings.
    var subheadingLevel: String
    let contentLang: String
    let contentDir: String
    let lastUpdated: String?
    let lastUpdatedISO: String?
    let effective: String?
    let version: String?
    let printVersion: String?
    let nav: [Link]
    let policyHref: String?
    let feed: String?
    let feedURL: String?
    var jsonURL: String?
    /// Only on a page shown in another language than its text's (nil: no note; `.some(nil)`:
    /// a note whose UI string is empty, `false` to the template).
    let fallbackNote: String??
    /// With `staleSource`, only for a translation older than its source text.
    let staleNote: String??
    let staleSource: Link?

    static let fields = TemplateFields<Self>(
        [
            "company": .model(Name.self) { $0.company },
            "subheading_level": .value { $0.subheadingLevel },
            "content_lang": .value { $0.contentLang },
            "content_dir": .value { $0.contentDir },
            "last_updated": .text { $0.lastUpdated },
            "last_updated_iso": .text { $0.lastUpdatedISO },
            "effective": .text { $0.effective },
            "version": .text { $0.version },
            "print_version": .text { $0.printVersion },
            "nav": .model(Link.self) { $0.nav },
            "policy_href": .text { $0.policyHref },
            "feed": .text { $0.feed },
            "feed_url": .text { $0.feedURL },
            "json_url": .text { $0.jsonURL },
            "fallback_note": .value { $0.fallbackNote.map(\.orFalse) },
            "stale_note": .value { $0.staleNote.map(\.orFalse) },
            "stale_source": .model(Link.self) { $0.staleSource },
        ], next: [.frame(PageFrame.self) { $0.frame.child(named: $1) }])
}

extension SiteRenderer {
    /// The frame of a company page, with its navigation and the notices a reader must see.
    func companyFrame(
        _ page: CompanyPage, path: String, title: String, languages: [LanguageCode]? = nil, pathFor: (LanguageCode) -> String
    ) -> CompanyFrame {
        let company = page.company
        let locale = locale(for: page.language, company: company)
        let alternates = (languages ?? pageLanguages(of: company)).map { ($0, pathFor($0)) }
        let t = locale.strings
        let front = page.document.frontMatter
        let nav = [
            ("policy.privacy_policy", SitePaths.policy(company.slug, page.language)),
            Self.hasCookiesPage(company, page.language) ? ("sections.cookies", SitePaths.cookies(company.slug, page.language)) : nil,
            Self.hasRightsPage(company, page.language) ? ("sections.rights", SitePaths.rights(company.slug, page.language)) : nil,
            ("sections.contact", SitePaths.contact(company.slug, page.language)),
            ("history.changelog", SitePaths.changelog(company.slug, page.language)),
        ].compactMap { $0 }.map { key, target in
            CompanyFrame.Link(label: t[key].nonEmpty, href: SitePaths.link(from: path, to: target).nonEmpty, current: target == path)
        }
        let fallbackNote: String?? =
            page.isFallback
            ? .some(
                t.format(
                    "policy.fallback_note",
                    ["language": locale.languageName(page.language), "source": locale.languageName(page.document.language)]
                ).nonEmpty) : nil
        // A translation is stale against the source text of its own version: the archived one
        // when the page shows an archived text (a version in force while another waits).
        let archived = company.archive.first { $0.policies[page.document.language]?.path == page.document.path }
        let source = archived.map { $0.policies[company.defaultLanguage] } ?? company.source
        var staleNote: String?? = nil
        var staleSource: CompanyFrame.Link?
        if let source, page.document.language != company.defaultLanguage, front.version < source.frontMatter.version {
            staleNote = .some(t.format("policy.stale_translation", ["language": locale.languageName(company.defaultLanguage)]).nonEmpty)
            staleSource = CompanyFrame.Link(
                label: t.format("policy.read_source", ["language": locale.languageName(company.defaultLanguage)]).nonEmpty,
                href: SitePaths.link(from: path, to: pathFor(company.defaultLanguage)).nonEmpty)
        }
        return CompanyFrame(
            frame: pageFrame(path: path, title: title, language: page.language, locale: locale, alternates: alternates),
            company: CompanyFrame.Name(
                displayName: company.info.displayName.nonEmpty, legalName: company.info.legalName.nonEmpty, slug: company.slug.nonEmpty),
            // The cookies, rights and contact pages show a section under the page's title (level 1),
            // so the headings inside it are level 2; the policy page sets 3.
            subheadingLevel: "2",
            contentLang: page.document.language.rawValue,
            contentDir: PageLocale.direction(of: page.document.language),
            lastUpdated: locale.format(front.lastUpdated).nonEmpty,
            lastUpdatedISO: front.lastUpdated.description.nonEmpty,
            effective: locale.format(front.effective).nonEmpty,
            version: front.version.description.nonEmpty,
            // Printed on every paper page, with the URL: which text, of which date, this is.
            printVersion: (locale.strings["policy.version"] + " " + front.version.description + " · " + locale.strings["policy.last_updated"]
                + locale.strings["typography.colon"] + locale.format(front.lastUpdated)).nonEmpty,
            nav: nav,
            policyHref: SitePaths.link(from: path, to: SitePaths.policy(company.slug, page.language)).nonEmpty,
            feed: SitePaths.link(from: path, to: SitePaths.feed(company.slug, page.language)).nonEmpty,
            feedURL: site.config.absoluteURL(SitePaths.feed(company.slug, page.language)).nonEmpty,
            // The same policy as data (policy.json), for machines that read policies.
            jsonURL: SitePaths.link(from: path, to: SitePaths.policyJSON(company.slug, page.language)).nonEmpty,
            fallbackNote: fallbackNote,
            staleNote: staleNote,
            staleSource: staleSource)
    }
}
