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

    /// The page `model` through `template`, at `path`, in `language`.
    func render(_ model: some TemplateValue, template: String, language: LanguageCode, path: String, source: String? = nil) -> RenderedPage {
        RenderedPage(path: SitePaths.file(path), html: theme.render(model, template: template, language: language), source: source)
    }
}
