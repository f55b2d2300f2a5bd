import Foundation
public import PolicyModel
public import PolicyRender

/// Which pages a site has.
enum PagePlan {
    static func siteFiles(for site: Site, renderer: SiteRenderer) -> [RenderedPage] {
        siteFiles(index: site.companies.map { CompanyIndexEntry($0, renderer: renderer) }, renderer: renderer)
    }

    /// Files that draw on the whole site, written after the companies' pages: the home and 404
    /// pages, the sitemap, robots.txt, the `policies.json` index and the schemas its JSON files
    /// name. They need each company's index entry only, never its texts.
    static func siteFiles(index: [CompanyIndexEntry], renderer: SiteRenderer) -> [RenderedPage] {
        let site = renderer.site
        let homeAlternates = renderer.homeLanguages.map { ($0, renderer.homePath($0)) }
        let homes = homeAlternates.map { Sitemap.Entry(path: $0.1, lastModified: nil, alternates: homeAlternates.count > 1 ? homeAlternates : []) }
        var files = renderer.renderHomes(index.map(\.homes))
        files += [
            renderer.renderNotFound(),
            RenderedPage(path: "sitemap.xml", html: Sitemap.document([Sitemap.fragment(homes, config: site.config)] + index.map(\.sitemap))),
            RenderedPage(path: "robots.txt", html: "User-agent: *\nAllow: /\nSitemap: \(site.config.absoluteURL("sitemap.xml"))\n"),
            renderer.renderIndexJSON(index.flatMap(\.policies)),
            RenderedPage(path: OutputTarget.markerName, html: OutputTarget.markerText),
        ]
        let ids = site.jurisdictions.ids
        for (name, bytes) in MachineSchemas.siteDocuments(jurisdictions: ids) {
            files.append(RenderedPage(path: SitePaths.schema(name), contents: Data(bytes)))
        }
        return files
    }

    /// The pages of the site's companies (the site-wide files are `siteFiles`).
    static func jobs(for site: Site, renderer: SiteRenderer) -> [PageJob] {
        var jobs: [PageJob] = []
        for company in site.companies {
            for page in renderer.pages(of: company) {
                jobs += [.policy(page), .contact(page), .changelog(page), .feed(company, page.language), .policyJSON(page)]
                if SiteRenderer.hasCookiesPage(company, page.language) { jobs += [.cookies(page), .cookiesJSON(page)] }
                if SiteRenderer.hasRightsPage(company, page.language) { jobs.append(.rights(page)) }
            }
            for language in company.languages {
                if renderer.showsDrafts, let draft = renderer.draftPage(company, language: language) { jobs.append(.draft(draft)) }
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

    /// One company's sitemap entries: its pages in every language, archived versions, diffs.
    static func sitemapEntries(for company: Company, renderer: SiteRenderer) -> [Sitemap.Entry] {
        var entries: [Sitemap.Entry] = []
        let always: (Company, LanguageCode) -> Bool = { _, _ in true }
        // Cookies and rights pages exist only where the policy has such data.
        let kinds: [(path: (String, LanguageCode) -> String, exists: (Company, LanguageCode) -> Bool)] = [
            (SitePaths.policy, always), (SitePaths.cookies, SiteRenderer.hasCookiesPage), (SitePaths.rights, SiteRenderer.hasRightsPage),
            (SitePaths.contact, always), (SitePaths.changelog, always),
        ]
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
        return entries
    }
}
