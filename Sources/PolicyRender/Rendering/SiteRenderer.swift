public import Foundation
import PolicyConcurrency
import PolicyHistory
public import PolicyMarkdown
public import PolicyModel
import PolicyText
import PolicyTranslations

/// Renders pages with a theme. Holds everything that is the same for every page of a build
/// (compiled templates, UI strings per language), so each page is one template render.
public struct SiteRenderer: Sendable {
    public let site: Site
    public let theme: Theme
    let bodies: BodyCache
    /// Archived texts split and encoded for comparison, shared by a build's diff pages.
    let diffCache = DiffCache()
    /// Table rows rendered through the theme's row partials, shared by a build's pages.
    let tableRows = TableRows()
    /// Policy sections rendered apart, shared by the pages that show them alike.
    let sectionBlocks = SectionBlocks()
    /// Section values per text and language, shared by the pages that show the same text.
    let sectionValuesCache = SectionValuesCache()
    private let trees: [LanguageCode: UIStringTree]
    /// The day the build runs: decides which published version is in force.
    public let today: PolicyDate
    /// Whether working texts the policy pages do not show get a draft page (`draftPage`).
    public let showsDrafts: Bool

    public init(site: Site, theme: Theme, bodies: BodyCache = BodyCache(), today: PolicyDate = PolicyDate(Date()), drafts: Bool = false) {
        self.site = site
        self.theme = theme
        self.bodies = bodies
        self.today = today
        self.showsDrafts = drafts
        var trees: [LanguageCode: UIStringTree] = [:]
        for language in site.languages { trees[language] = UIStringTree(theme.translations, language: language) }
        self.trees = trees
    }

    /// A cookies page exists only when the policy says something about cookies, and a rights
    /// page only when it lists rights: an empty page linked from everywhere helps nobody.
    public static func hasCookiesPage(_ company: Company, _ language: LanguageCode) -> Bool {
        guard let front = (company.policies[language] ?? company.source)?.frontMatter else { return false }
        return !front.cookies.isEmpty || front.cookieControls != nil
    }

    public static func hasRightsPage(_ company: Company, _ language: LanguageCode) -> Bool {
        guard let front = (company.policies[language] ?? company.source)?.frontMatter else { return false }
        return front.rights != nil || !front.regionalRights.isEmpty
    }

    /// Languages a company's pages are published in: its own, or every site language when
    /// missing translations fall back to the default-language text.
    public func pageLanguages(of company: Company) -> [LanguageCode] {
        guard site.config.options.missingTranslation == .fallback else { return company.languages }
        return company.languages + site.languages.filter { !company.languages.contains($0) }
    }

    public func pages(of company: Company) -> [CompanyPage] {
        pageLanguages(of: company).compactMap { language in
            guard let document = company.policies[language] ?? company.source else { return nil }
            return scheduledPage(company, language: language, current: document)
        }
    }

    public func locale(for language: LanguageCode, company: Company? = nil) -> PageLocale {
        let identifier = company?.info.locales[language.rawValue] ?? site.config.locales[language.rawValue]
        return PageLocale(language: language, localeIdentifier: identifier, strings: theme.translations.strings(for: language))
    }

    /// The UI strings of `language` as templates read them (`t`).
    func strings(_ language: LanguageCode) -> UIStringTree {
        trees[language] ?? UIStringTree(theme.translations, language: language)
    }

    /// The words of a policy's prose, for checks that read it.
    public func bodyText(_ document: PolicyDocument) -> String {
        // A build's cache leaves the words out; a page that needs them renders the text again.
        body(document).plainText ?? BodyCache.render(document, allowRawHTML: site.config.options.allowRawHTML, plainText: true).plainText ?? ""
    }

    /// The rendered body of a policy, as the site shows it (cached per content hash).
    public func body(of document: PolicyDocument) -> RenderedMarkdown { body(document) }

    /// The Markdown body as HTML, rendered once per distinct text.
    func body(_ document: PolicyDocument) -> RenderedMarkdown {
        bodies.body(for: document, allowRawHTML: site.config.options.allowRawHTML)
    }

    // MARK: Common page frame

    /// Values every page template shares: language, direction, links, switcher, navigation.
    func frameDictionary(path: String, title: String, language: LanguageCode, locale: PageLocale, alternates: [(LanguageCode, String)]) -> [String: Any] {
        var context: [String: Any] = [
            "lang": language.rawValue,
            "dir": locale.direction,
            "title": title,
            "site_title": site.config.title,
            "site_description": site.config.description ?? "",
            "canonical": site.config.absoluteURL(path),
            // The home page in the page's language (every site language has one).
            "home": SitePaths.link(from: path, to: site.languages.contains(language) ? homePath(language) : ""),
            "assets": SitePaths.link(from: path, to: "assets/").replacingAll("index.html", with: ""),
            "t": strings(language),
            "stylesheet": theme.stylesheet,
        ]
        if alternates.count > 1 {
            context["has_languages"] = true
            context["languages"] = alternates.map { other, otherPath in
                [
                    "code": other.rawValue,
                    "name": PageLocale.nativeName(of: other),
                    "href": SitePaths.link(from: path, to: otherPath),
                    "url": site.config.absoluteURL(otherPath),
                    "current": other == language,
                    "dir": PageLocale.direction(of: other),
                ] as [String: Any]
            }
        }
        if alternates.count > 1, let first = alternates.first {
            context["x_default"] = site.config.absoluteURL(first.1)
        }
        return context
    }

    /// The frame of a company page, with its navigation and the notices a reader must see.
    func companyFrameDictionary(_ page: CompanyPage, path: String, title: String, languages: [LanguageCode]? = nil, pathFor: (LanguageCode) -> String)
        -> [String: Any]
    {
        let company = page.company
        let locale = locale(for: page.language, company: company)
        let alternates = (languages ?? pageLanguages(of: company)).map { ($0, pathFor($0)) }
        var context = frameDictionary(path: path, title: title, language: page.language, locale: locale, alternates: alternates)
        let t = locale.strings
        let front = page.document.frontMatter
        context["company"] = ["display_name": company.info.displayName, "legal_name": company.info.legalName, "slug": company.slug]
        // The cookies, rights and contact pages show a section under the page's title (level 1),
        // so the headings inside it are level 2; the policy page sets 3.
        context["subheading_level"] = "2"
        context["content_lang"] = page.document.language.rawValue
        context["content_dir"] = PageLocale.direction(of: page.document.language)
        context["last_updated"] = locale.format(front.lastUpdated)
        context["last_updated_iso"] = front.lastUpdated.description
        context["effective"] = locale.format(front.effective)
        context["version"] = front.version.description
        // Printed on every paper page, with the URL: which text, of which date, this is.
        context["print_version"] =
            locale.strings["policy.version"] + " " + front.version.description + " · " + locale.strings["policy.last_updated"]
            + locale.strings["typography.colon"] + locale.format(front.lastUpdated)
        context["nav"] = [
            ("policy.privacy_policy", SitePaths.policy(company.slug, page.language)),
            Self.hasCookiesPage(company, page.language) ? ("sections.cookies", SitePaths.cookies(company.slug, page.language)) : nil,
            Self.hasRightsPage(company, page.language) ? ("sections.rights", SitePaths.rights(company.slug, page.language)) : nil,
            ("sections.contact", SitePaths.contact(company.slug, page.language)),
            ("history.changelog", SitePaths.changelog(company.slug, page.language)),
        ].compactMap { $0 }.map { key, target in
            ["label": t[key], "href": SitePaths.link(from: path, to: target), "current": target == path] as [String: Any]
        }
        context["policy_href"] = SitePaths.link(from: path, to: SitePaths.policy(company.slug, page.language))
        context["feed"] = SitePaths.link(from: path, to: SitePaths.feed(company.slug, page.language))
        context["feed_url"] = site.config.absoluteURL(SitePaths.feed(company.slug, page.language))
        // The same policy as data (policy.json), for machines that read policies.
        context["json_url"] = SitePaths.link(from: path, to: SitePaths.policyJSON(company.slug, page.language))
        if page.isFallback {
            context["fallback_note"] = t.format(
                "policy.fallback_note",
                [
                    "language": locale.languageName(page.language), "source": locale.languageName(page.document.language),
                ])
        }
        // A translation is stale against the source text of its own version: the archived one
        // when the page shows an archived text (a version in force while another waits).
        let archived = company.archive.first { $0.policies[page.document.language]?.path == page.document.path }
        let source = archived.map { $0.policies[company.defaultLanguage] } ?? company.source
        if let source, page.document.language != company.defaultLanguage, front.version < source.frontMatter.version {
            context["stale_note"] = t.format("policy.stale_translation", ["language": locale.languageName(company.defaultLanguage)])
            context["stale_source"] = [
                "label": t.format("policy.read_source", ["language": locale.languageName(company.defaultLanguage)]),
                "href": SitePaths.link(from: path, to: pathFor(company.defaultLanguage)),
            ]
        }
        return context
    }

    public func render(_ context: [String: Any], template: String, path: String, source: String? = nil) -> RenderedPage {
        render(prepared: pruned(context), template: template, path: path, source: source)
    }

    /// `render` for a context whose values are already pruned (the policy pages).
    func render(prepared context: [String: Any], template: String, path: String, source: String? = nil) -> RenderedPage {
        RenderedPage(path: SitePaths.file(path), html: theme.render(context, template: template), source: source)
    }

    /// The page `model` through `template`, at `path`, in `language`.
    func render(_ model: some TemplateValue, template: String, language: LanguageCode, path: String, source: String? = nil) -> RenderedPage {
        RenderedPage(path: SitePaths.file(path), html: theme.render(model, template: template, language: language), source: source)
    }
}
