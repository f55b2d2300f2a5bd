public import PolicyModel
public import PolicyRender

/// One page to render. Jobs are independent, so a build renders them in parallel.
enum PageJob: Sendable {
    case policy(CompanyPage)
    case cookies(CompanyPage)
    case rights(CompanyPage)
    case contact(CompanyPage)
    case changelog(CompanyPage)
    case version(Company, ArchivedVersion, LanguageCode)
    case diff(Company, ArchivedVersion, ArchivedVersion, LanguageCode)
    case feed(Company, LanguageCode)
    /// The same texts as data: `policy.json`, `cookies.json`, an archived version's `policy.json`.
    case policyJSON(CompanyPage)
    case cookiesJSON(CompanyPage)
    case versionJSON(Company, ArchivedVersion, LanguageCode)
    /// The working text while the policy page shows another (`SiteRenderer.draftPage`).
    case draft(CompanyPage)

    /// Where the page lives, site-relative: a page folder (`acme/en/cookies/`) or a file
    /// (`acme/en/feed.xml`). The one place that maps a page to its address: the render cache
    /// checks `path` before rendering, the renderer links from `folder`.
    var folder: String {
        switch self {
        case .policy(let page): return SitePaths.policy(page.company.slug, page.language)
        case .cookies(let page): return SitePaths.cookies(page.company.slug, page.language)
        case .rights(let page): return SitePaths.rights(page.company.slug, page.language)
        case .contact(let page): return SitePaths.contact(page.company.slug, page.language)
        case .changelog(let page): return SitePaths.changelog(page.company.slug, page.language)
        case let .version(company, archived, language): return SitePaths.version(company.slug, language, archived.version)
        case let .diff(company, old, new, language): return SitePaths.diff(company.slug, language, from: old.version, to: new.version)
        case let .feed(company, language): return SitePaths.feed(company.slug, language)
        case .policyJSON(let page): return SitePaths.policyJSON(page.company.slug, page.language)
        case .cookiesJSON(let page): return SitePaths.cookiesJSON(page.company.slug, page.language)
        case let .versionJSON(company, archived, language): return SitePaths.versionJSON(company.slug, language, archived.version)
        case .draft(let page): return SitePaths.draft(page.company.slug, page.language)
        }
    }

    /// The file written, relative to the output folder.
    var path: String { SitePaths.file(folder) }

    func render(_ renderer: SiteRenderer) -> RenderedPage? {
        let folder = folder
        switch self {
        case .policy(let page): return renderer.renderPolicy(page, at: folder)
        case .cookies(let page): return renderer.renderCookies(page, at: folder)
        case .rights(let page): return renderer.renderRights(page, at: folder)
        case .contact(let page): return renderer.renderContact(page, at: folder)
        case .changelog(let page): return renderer.renderChangelog(page, at: folder)
        case let .version(company, archived, language): return renderer.renderArchivedVersion(company, archived, language: language, at: folder)
        case let .diff(company, old, new, language): return renderer.renderDiff(company, from: old, to: new, language: language, at: folder)
        case let .feed(company, language): return renderer.renderFeed(company, language: language, at: folder)
        case .policyJSON(let page): return renderer.renderPolicyJSON(page, at: folder)
        case .cookiesJSON(let page): return renderer.renderCookiesJSON(page, at: folder)
        case let .versionJSON(company, archived, language): return renderer.renderVersionJSON(company, archived, language: language, at: folder)
        case .draft(let page): return renderer.renderDraft(page, at: folder)
        }
    }
}
