import Foundation
import PolicyMarkdown
public import PolicyModel
import PolicyTranslations

extension PolicyDuration {
    /// The longest this lasts, in seconds; nil when it has no fixed end.
    public var maxSeconds: Int? {
        func seconds(_ unit: Unit) -> Int {
            switch unit {
            case .second: 1
            case .minute: 60
            case .hour: 3_600
            case .day: 86_400
            case .week: 604_800
            case .month: 31 * 86_400
            case .year: 366 * 86_400
            }
        }
        switch kind {
        case .session, .event: return nil
        case let .span(_, upper, unit, _): return upper * seconds(unit)
        case .compound(let parts): return parts.reduce(0) { $0 + $1.count * seconds($1.unit) }
        }
    }
}

/// Paths of the machine-readable files, beside the pages they describe.
extension SitePaths {
    public static func policyJSON(_ slug: String, _ language: LanguageCode) -> String { policy(slug, language) + "policy.json" }
    public static func cookiesJSON(_ slug: String, _ language: LanguageCode) -> String { policy(slug, language) + "cookies.json" }
    public static func versionJSON(_ slug: String, _ language: LanguageCode, _ version: PolicyVersionNumber) -> String {
        SitePaths.version(slug, language, version) + "policy.json"
    }
    public static let index = "policies.json"
    /// The schemas the JSON files name in `$schema`, published with the site.
    public static func schema(_ name: String) -> String { "schemas/" + name }
}

extension SiteRenderer {
    static let jsonEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    func json(_ value: some Encodable, path: String, source: String?) -> RenderedPage {
        let data = PrettyJSON.encode(value) ?? (try? SiteRenderer.jsonEncoder.encode(value)) ?? Data("{}".utf8)
        return RenderedPage(path: path, contents: data + Data("\n".utf8), source: source)
    }

    /// `policy.json` of the text a company page shows, or of one archived version.
    public func renderPolicyJSON(_ page: CompanyPage, at path: String) -> RenderedPage {
        let document = page.document
        return json(
            policyJSON(
                page.company, document, language: page.language, pagePath: SitePaths.policy(page.company.slug, page.language), status: page.status.rawValue),
            path: path, source: document.path)
    }

    public func renderVersionJSON(_ company: Company, _ archived: ArchivedVersion, language: LanguageCode, at path: String) -> RenderedPage? {
        guard let document = archived.policies[language] else { return nil }
        let shown = company.asPublished(in: archived)
        let page = SitePaths.version(company.slug, language, archived.version)
        return json(
            policyJSON(shown, document, language: language, pagePath: page, status: versionStatus(company, archived.version).rawValue),
            path: path, source: document.path)
    }

    func policyJSON(_ company: Company, _ document: PolicyDocument, language: LanguageCode, pagePath: String, status: String) -> PolicyJSON {
        let front = document.frontMatter
        let url = site.config.absoluteURL(pagePath)
        let outline = body(document).outline.filter { $0.level > 0 }
        var sections = outline.map { PolicyJSON.Section(id: $0.id, title: $0.title, level: $0.level, url: url + "#" + $0.id) }
        // Sections the theme adds from the data where the prose has no heading of that id.
        let strings = locale(for: language, company: company).strings
        for (id, titleKey) in SiteRenderer.structuredSections(front) where !outline.contains(where: { $0.id == id }) {
            sections.append(PolicyJSON.Section(id: id, title: strings[titleKey], level: 2, url: url + "#" + id))
        }
        let timeline = VersionTimeline(company, today: today)
        let versions = company.changelog.entries.compactMap { entry -> PolicyJSON.VersionLink? in
            guard let text = company.archive.first(where: { $0.version == entry.version })?.policies[language] else { return nil }
            let life = timeline.version(entry.version)
            return PolicyJSON.VersionLink(
                version: entry.version, date: entry.date, effective: life?.effective ?? text.frontMatter.effective,
                status: (life?.status ?? .upcoming).rawValue, summary: entry.summary(in: language),
                url: site.config.absoluteURL(SitePaths.version(company.slug, language, entry.version)),
                json: site.config.absoluteURL(SitePaths.versionJSON(company.slug, language, entry.version)))
        }
        return PolicyJSON(
            schema: site.config.absoluteURL(SitePaths.schema("policy.schema.json")), company: company.slug, controller: company.info,
            language: document.language, version: front.version, effective: front.effective, lastUpdated: front.lastUpdated, status: status,
            url: url, sections: sections, policy: front, versions: versions)
    }

    /// `cookies.json` for a consent banner, in the page's language.
    public func renderCookiesJSON(_ page: CompanyPage, at path: String) -> RenderedPage {
        let front = page.document.frontMatter
        let locale = locale(for: page.language, company: page.company)
        let categories = front.cookies.map { category in
            CookiesJSON.Category(
                id: category.category.id,
                label: PolicySectionsLabel.label(of: category.category, strings: locale.strings, config: site.config, language: page.language),
                purpose: category.purpose, consentRequired: category.category.id != "essential", legalBasis: category.legalBasis,
                cookies: category.cookies.map { cookie in
                    CookiesJSON.Item(
                        name: cookie.name, provider: cookie.provider, purpose: cookie.purpose, duration: cookie.duration,
                        durationText: cookie.duration.map { locale.format($0) }, maxAgeSeconds: cookie.duration?.maxSeconds,
                        session: cookie.duration?.kind == .session, path: cookie.path)
                })
        }
        let value = CookiesJSON(
            schema: site.config.absoluteURL(SitePaths.schema("cookies.schema.json")), company: page.company.slug, language: page.language,
            version: front.version, policyURL: site.config.absoluteURL(SitePaths.cookies(page.company.slug, page.language)),
            controls: front.cookieControls, categories: categories)
        return json(value, path: path, source: page.document.path)
    }
}
