public import PolicyModel
import PolicyTranslations

extension SiteRenderer {
    /// Where the home page in `language` is: the site's root for the default language, a folder
    /// named by its code (`fr/`, `ar/`) for the others.
    public func homePath(_ language: LanguageCode) -> String {
        language == site.config.defaultLanguage ? "" : "\(language.rawValue)/"
    }

    /// The site's home pages: one per site language, each listing every company in it.
    public var homeLanguages: [LanguageCode] {
        [site.config.defaultLanguage] + site.languages.filter { $0 != site.config.defaultLanguage }
    }

    /// What each language's home page says about one company, by language code.
    public func homeEntries(_ company: Company) -> [String: HomeEntry] {
        Dictionary(uniqueKeysWithValues: homeLanguages.map { ($0.rawValue, homeEntry(company, language: $0)) })
    }

    /// What the home page in `language` says about one company: its pages in that language
    /// when it has them, otherwise in the site's default language, or in its own.
    public func homeEntry(_ company: Company, language: LanguageCode? = nil) -> HomeEntry {
        let language = language ?? site.config.defaultLanguage
        let from = homePath(language)
        let locale = locale(for: language)
        let t = locale.strings
        let shown: LanguageCode
        if pageLanguages(of: company).contains(language) {
            shown = language
        } else if company.policies[site.config.defaultLanguage] != nil {
            shown = site.config.defaultLanguage
        } else {
            shown = (company.policies[language] ?? company.source)?.language ?? company.defaultLanguage
        }
        let main = company.policies[shown] ?? company.source
        let links = [
            Self.hasCookiesPage(company, shown) ? ("home.cookies", SitePaths.cookies) : nil,
            Self.hasRightsPage(company, shown) ? ("home.rights", SitePaths.rights) : nil,
            ("home.contact", SitePaths.contact),
        ].compactMap { $0 }.map { key, pathFor in
            HomeEntry.Link(label: t[key], href: SitePaths.link(from: from, to: pathFor(company.slug, shown)))
        }
        return HomeEntry(
            name: company.info.displayName, legalName: company.info.legalName, summary: main?.frontMatter.summary ?? "",
            lastUpdated: main.map { locale.format($0.frontMatter.lastUpdated) } ?? "",
            href: SitePaths.link(from: from, to: SitePaths.policy(company.slug, shown)), language: (main?.language ?? shown).rawValue, links: links,
            languages: company.languages.map { other in
                HomeEntry.Link(
                    code: other.rawValue, name: PageLocale.nativeName(of: other), href: SitePaths.link(from: from, to: SitePaths.policy(company.slug, other)))
            })
    }

    /// `policies.json`: the site's policies, current and archived, for crawlers and auditors.
    public func renderIndexJSON(_ entries: [PoliciesIndex.Entry]) -> RenderedPage {
        let index = PoliciesIndex(
            schema: site.config.absoluteURL(SitePaths.schema("policies.schema.json")), site: site.config.baseURL, generator: "PolicySite",
            policies: entries)
        return json(index, path: SitePaths.index, source: nil)
    }

    /// One company's lines in `policies.json`: each page language's current text, then its
    /// archived versions.
    public func indexEntries(_ company: Company) -> [PoliciesIndex.Entry] {
        var entries: [PoliciesIndex.Entry] = []
        for page in pages(of: company) {
            let front = page.document.frontMatter
            entries.append(
                PoliciesIndex.Entry(
                    company: company.slug, name: company.info.displayName, language: page.language, version: front.version,
                    lastUpdated: front.lastUpdated, effective: front.effective, status: page.status.rawValue,
                    url: site.config.absoluteURL(SitePaths.policy(company.slug, page.language)),
                    json: site.config.absoluteURL(SitePaths.policyJSON(company.slug, page.language)),
                    cookies: SiteRenderer.hasCookiesPage(company, page.language)
                        ? site.config.absoluteURL(SitePaths.cookiesJSON(company.slug, page.language)) : nil))
            for archived in company.archive where archived.version != front.version {
                guard let text = archived.policies[page.language] else { continue }
                entries.append(
                    PoliciesIndex.Entry(
                        company: company.slug, name: (archived.company ?? company.info).displayName, language: page.language,
                        version: archived.version, lastUpdated: text.frontMatter.lastUpdated, effective: text.frontMatter.effective,
                        status: versionStatus(company, archived.version).rawValue,
                        url: site.config.absoluteURL(SitePaths.version(company.slug, page.language, archived.version)),
                        json: site.config.absoluteURL(SitePaths.versionJSON(company.slug, page.language, archived.version)), cookies: nil))
            }
        }
        return entries
    }
}
