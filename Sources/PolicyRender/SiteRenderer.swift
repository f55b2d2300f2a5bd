public import Foundation
import PolicyConcurrency
import PolicyHistory
public import PolicyMarkdown
public import PolicyModel
import PolicyText
import PolicyTranslations

/// A file of the built site: its path under the output folder and its bytes.
public struct RenderedPage: Sendable, Equatable {
    public var path: String
    public var contents: Data
    /// The content file the page was made from, for messages about it.
    public var source: String?
    /// The page is unchanged since the last build: keep the file already in the output.
    /// `contents` is empty then.
    public var isUnchanged: Bool = false

    public init(path: String, contents: Data, source: String? = nil) {
        self.path = path
        self.contents = contents
        self.source = source
    }

    /// A page the writer keeps from the previous output instead of writing.
    public static func unchanged(_ path: String) -> RenderedPage {
        var page = RenderedPage(path: path, contents: Data())
        page.isUnchanged = true
        return page
    }

    public init(path: String, html: String, source: String? = nil) {
        self.init(path: path, contents: Data(html.utf8), source: source)
    }
}

/// One page of a company in one language, with what decides its content.
public struct CompanyPage: Sendable {
    public let company: Company
    /// The language the page is published under (its URL and its UI strings).
    public let language: LanguageCode
    /// The policy text shown: the translation, or the default-language text on a fallback page.
    public let document: PolicyDocument
    /// Published texts that take effect later than today, announced on the page, the nearest first.
    public let upcoming: [PolicyDocument]
    /// What the shown text is on the build's day: the version in force, or an upcoming one
    /// while none has taken effect.
    public let status: VersionTimeline.Status
    /// The working text shown as a draft: edited since it was published, or never published,
    /// while the policy page shows another text.
    public let isDraft: Bool
    public var isFallback: Bool { document.language != language }

    public init(
        company: Company, language: LanguageCode, document: PolicyDocument, upcoming: [PolicyDocument] = [], status: VersionTimeline.Status = .current,
        isDraft: Bool = false
    ) {
        self.company = company
        self.language = language
        self.document = document
        self.upcoming = upcoming
        self.status = status
        self.isDraft = isDraft
    }
}

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
    private let trees: [LanguageCode: StringTree]
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
        var trees: [LanguageCode: StringTree] = [:]
        for language in site.languages { trees[language] = StringTree(theme.translations, language: language) }
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

    func strings(_ language: LanguageCode) -> [String: Any] {
        (trees[language] ?? StringTree(theme.translations, language: language)).tree
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
    func frame(path: String, title: String, language: LanguageCode, locale: PageLocale, alternates: [(LanguageCode, String)]) -> [String: Any] {
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
    func companyFrame(_ page: CompanyPage, path: String, title: String, languages: [LanguageCode]? = nil, pathFor: (LanguageCode) -> String) -> [String: Any] {
        let company = page.company
        let locale = locale(for: page.language, company: company)
        let alternates = (languages ?? pageLanguages(of: company)).map { ($0, pathFor($0)) }
        var context = frame(path: path, title: title, language: page.language, locale: locale, alternates: alternates)
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
}

/// Turns empty strings into `false` so templates can test presence with `{{#field}}`
/// (Mustache treats an empty string as true). The key is kept on purpose: a missing key
/// would resolve up the context stack, so a DPO without an e-mail would show the company's.
///
/// Every page's context goes through here, so a dictionary or list is copied only when
/// something in it changes, and values are told apart by their exact type: casting a
/// `[String: String]` to `[String: Any]` would convert (copy) it just to look inside.
func pruned(_ context: [String: Any]) -> [String: Any] {
    prunedDictionary(context, keepingStrings: "t") ?? context
}

/// `dictionary` pruned, or nil when nothing in it changes; `keepingStrings` names a key whose
/// value is left as it is (the UI strings, `t`).
private func prunedDictionary(_ dictionary: [String: Any], keepingStrings kept: String? = nil) -> [String: Any]? {
    var result: [String: Any]?
    for (key, value) in dictionary where key != kept {
        if let changed = prunedValue(value) {
            if result == nil { result = dictionary }
            result![key] = changed
        }
    }
    return result
}

/// `value` as `pruned` leaves it among a page's values, of the same type (a list or
/// dictionary of values; an empty string alone would become `false`).
func prunedKeepingType<Value>(_ value: Value) -> Value {
    prunedValue(value).map { $0 as! Value } ?? value
}

/// `value` pruned, or nil when nothing in it changes.
private func prunedValue(_ value: Any) -> Any? {
    let kind = type(of: value)
    if kind == String.self { return (value as! String).isEmpty ? false : nil }
    if kind == [String: Any].self { return prunedDictionary(value as! [String: Any]) }
    if kind == [String: String].self {
        let dictionary = value as! [String: String]
        return dictionary.values.contains("") ? dictionary.mapValues { $0.isEmpty ? false : $0 as Any } : nil
    }
    if kind == [[String: Any]].self {
        let rows = value as! [[String: Any]]
        let changed = rows.map { prunedDictionary($0) }
        return changed.contains { $0 != nil } ? zip(rows, changed).map { $1 ?? $0 } : nil
    }
    if kind == [[String: String]].self {
        let rows = value as! [[String: String]]
        guard rows.contains(where: { $0.values.contains("") }) else { return nil }
        return rows.map { $0.mapValues { $0.isEmpty ? false : $0 as Any } }
    }
    // Other dictionaries and lists of dictionaries (`[String: Bool]`, `[[String: [String]]]`):
    // converted and looked into, as the casts always took them.
    if let dictionary = value as? [String: Any] { return prunedDictionary(dictionary) ?? dictionary }
    if let rows = value as? [[String: Any]] { return rows.map { prunedDictionary($0) ?? $0 } }
    return nil
}

/// Nested UI strings for templates (`{{t.sections.cookies}}`), built once per language.
///
/// `@unchecked` because `[String: Any]` (what swift-mustache takes) is not `Sendable`; safe
/// because the tree is a `let` built in `init` and only ever read, and holds nothing but
/// strings and dictionaries of strings, which are values.
final class StringTree: @unchecked Sendable {
    let tree: [String: Any]

    init(_ translations: Translations, language: LanguageCode) {
        tree = translations.templateTree(for: language)
    }
}

/// Rendered Markdown bodies keyed by content hash, shared across pages and rebuilds: the
/// fallback pages and every rebuild reuse the HTML of unchanged policies.
public final class BodyCache: Sendable {
    private let entries = ComputedCache<RenderedMarkdown>()
    /// Bodies keep their words without markup (`plainText`), which only `check` reads.
    public let keepsPlainText: Bool

    public init(keepsPlainText: Bool = true) {
        self.keepsPlainText = keepsPlainText
    }

    func body(for document: PolicyDocument, allowRawHTML: Bool) -> RenderedMarkdown {
        entries.value(for: document.contentHash + (allowRawHTML ? "+raw" : "")) {
            Self.render(document, allowRawHTML: allowRawHTML, plainText: keepsPlainText)
        }
    }

    /// A policy's body as pages show it: its headings' ids never take a section's.
    static func render(_ document: PolicyDocument, allowRawHTML: Bool, plainText: Bool) -> RenderedMarkdown {
        MarkdownRenderer(allowRawHTML: allowRawHTML, reservedIDs: PolicyPages.sectionIDs, collectsPlainText: plainText).render(document.body)
    }
}
