import Foundation
import PolicyModel
import PolicyRender

/// One page to render. Jobs are independent, so a build renders them in parallel.
enum PageJob: Sendable {
    case home
    case notFound
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

    func render(_ renderer: SiteRenderer) -> RenderedPage? {
        switch self {
        case .home: return renderer.renderHome()
        case .notFound: return renderer.renderNotFound()
        case .policy(let page): return renderer.renderPolicy(page)
        case .cookies(let page): return renderer.renderCookies(page)
        case .rights(let page): return renderer.renderRights(page)
        case .contact(let page): return renderer.renderContact(page)
        case .changelog(let page): return renderer.renderChangelog(page)
        case let .version(company, archived, language): return renderer.renderArchivedVersion(company, archived, language: language)
        case let .diff(company, old, new, language): return renderer.renderDiff(company, from: old, to: new, language: language)
        case let .feed(company, language): return renderer.renderFeed(company, language: language)
        case .policyJSON(let page): return renderer.renderPolicyJSON(page)
        case .cookiesJSON(let page): return renderer.renderCookiesJSON(page)
        case let .versionJSON(company, archived, language): return renderer.renderVersionJSON(company, archived, language: language)
        }
    }
}

/// Which pages a site has.
enum PagePlan {
    /// Files that draw on the whole site, written after the pages: the sitemap, robots.txt, the
    /// `policies.json` index and the schemas its JSON files name.
    static func siteFiles(for site: Site, renderer: SiteRenderer) -> [RenderedPage] {
        var files = [
            RenderedPage(path: "sitemap.xml", html: Sitemap.render(sitemapEntries(for: site, renderer: renderer), config: site.config)),
            RenderedPage(path: "robots.txt", html: "User-agent: *\nAllow: /\nSitemap: \(site.config.absoluteURL("sitemap.xml"))\n"),
            renderer.renderIndexJSON(),
        ]
        let ids = site.jurisdictions.ids
        for (name, bytes) in MachineSchemas.documents(jurisdictions: ids) + ContentSchemas.documents(jurisdictions: ids) {
            files.append(RenderedPage(path: SitePaths.schema(name), contents: Data(bytes)))
        }
        return files
    }

    static func jobs(for site: Site, renderer: SiteRenderer) -> [PageJob] {
        var jobs: [PageJob] = [.home, .notFound]
        for company in site.companies {
            for page in renderer.pages(of: company) {
                jobs += [.policy(page), .contact(page), .changelog(page), .feed(company, page.language), .policyJSON(page)]
                if SiteRenderer.hasCookiesPage(company, page.language) { jobs += [.cookies(page), .cookiesJSON(page)] }
                if SiteRenderer.hasRightsPage(company, page.language) { jobs.append(.rights(page)) }
            }
            for language in company.languages {
                jobs += company.archive.filter { $0.policies[language] != nil }.flatMap {
                    [.version(company, $0, language), .versionJSON(company, $0, language)]
                }
                jobs += SiteRenderer.diffPairs(company.archive)
                    .filter { $0.0.policies[language] != nil && $0.1.policies[language] != nil }
                    .map { .diff(company, $0.0, $0.1, language) }
            }
        }
        return jobs
    }

    static func sitemapEntries(for site: Site, renderer: SiteRenderer) -> [Sitemap.Entry] {
        var entries = [Sitemap.Entry(path: "", lastModified: nil, alternates: [])]
        let always: (Company, LanguageCode) -> Bool = { _, _ in true }
        // Cookies and rights pages exist only where the policy has such data.
        let kinds: [(path: (String, LanguageCode) -> String, exists: (Company, LanguageCode) -> Bool)] = [
            (SitePaths.policy, always), (SitePaths.cookies, SiteRenderer.hasCookiesPage), (SitePaths.rights, SiteRenderer.hasRightsPage),
            (SitePaths.contact, always), (SitePaths.changelog, always),
        ]
        for company in site.companies {
            let pages = renderer.pages(of: company)
            for (pathFor, exists) in kinds {
                let pages = pages.filter { exists(company, $0.language) }
                let alternates = pages.map { ($0.language, pathFor(company.slug, $0.language)) }
                for page in pages {
                    entries.append(
                        Sitemap.Entry(path: pathFor(company.slug, page.language), lastModified: page.document.frontMatter.lastUpdated, alternates: alternates))
                }
            }
            for archived in company.archive {
                let alternates = company.languages.filter { archived.policies[$0] != nil }.map { ($0, SitePaths.version(company.slug, $0, archived.version)) }
                for (language, path) in alternates {
                    entries.append(Sitemap.Entry(path: path, lastModified: archived.policies[language]?.frontMatter.lastUpdated, alternates: alternates))
                }
            }
            // What changed between versions is content people search for, too.
            for (old, new) in SiteRenderer.diffPairs(company.archive) {
                let alternates = company.languages.filter { old.policies[$0] != nil && new.policies[$0] != nil }
                    .map { ($0, SitePaths.diff(company.slug, $0, from: old.version, to: new.version)) }
                for (language, path) in alternates {
                    entries.append(Sitemap.Entry(path: path, lastModified: new.policies[language]?.frontMatter.lastUpdated, alternates: alternates))
                }
            }
        }
        return entries
    }
}
