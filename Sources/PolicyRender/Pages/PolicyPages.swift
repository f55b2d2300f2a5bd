import Foundation
import PolicyMarkdown
public import PolicyModel
import PolicyText
import PolicyTranslations

/// The pages of a company in one language (policy, cookies, rights, contact), the home page
/// and the 404 page.
public enum PolicyPages {
    /// Ids of the structured sections on the policy page and of the page's own landmarks
    /// (`main`, `contents`, `summary`, `at-a-glance`); body headings never take them.
    public static let sectionIDs: Set<String> = Set(["main", "contents", "summary", "at-a-glance"] + PolicySection.allCases.map(\.id))
}

extension SiteRenderer {
    public func renderPolicy(_ page: CompanyPage, at path: String) -> RenderedPage {
        var model = policyModel(page, path: path, linksSectionPages: true) { SitePaths.policy(page.company.slug, $0) }
        model.upcomingNotice = upcomingNotices(page, path: path)
        model.historyLinks = .some(historyLinks(page, path: path))
        return render(withSectionHTML(model), template: "policy", language: page.language, path: path, source: page.document.path)
    }

    /// Everything the policy template shows for `page.document`, at `path`; archived versions
    /// and drafts reuse it with their own path, language alternates and notice.
    ///
    /// `linksSectionPages`: whether the cookies and rights sections link to the company's cookies
    /// and rights pages, which show the text the policy page shows, and exist only while it has
    /// such a section. An archived version or a draft shows its own sections in full and links to
    /// neither: that page would present another text's rights as its own, or be gone.
    func policyModel(
        _ page: CompanyPage, path: String, linksSectionPages: Bool = false, pathFor: (LanguageCode) -> String, languages: [LanguageCode]? = nil
    ) -> PolicyPageModel {
        let company = page.company, front = page.document.frontMatter
        let locale = locale(for: page.language, company: company)
        let t = locale.strings
        var frame = companyFrame(page, path: path, title: front.title, languages: languages, pathFor: pathFor)
        // The section partials' own headings sit under the sections' level-2 headings here.
        frame.subheadingLevel = "3"
        let body = body(page.document)
        let present = Self.structuredSections(front)
        // A table names itself by its section's heading: the author's own heading where the prose
        // claims the section (`## … {#retention}`), otherwise the theme's.
        let claimed = Set(body.headings.filter { $0.level == 2 && $0.isExplicit }.map(\.id))
        var labels: [PolicySection: String] = [:]
        for (id, _) in present {
            if let section = PolicySection(rawValue: id) { labels[section] = claimed.contains(id) ? id : id + "-heading" }
        }
        // The author wrote body links relative to the policy page; pages elsewhere (archived
        // versions) reach the same targets through a prefix.
        let policyDepth = SitePaths.policy(company.slug, page.language).split(separator: "/").count
        let linkPrefix = String(repeating: "../", count: max(0, path.split(separator: "/").count - policyDepth))
        let layout = PolicyLayout(body: body, sections: present.map { ($0.id, t[$0.titleKey]) }, linkPrefix: linkPrefix)
        return PolicyPageModel(
            frame: frame,
            language: page.language,
            summary: front.summary?.nonEmpty,
            body: body.html.nonEmpty,
            // A column empty in every row is left out rather than shown as filler.
            hasSources: front.dataCollected.contains { $0.source != nil },
            hasBases: front.purposes.contains { $0.legalBasis != nil || $0.legitimateInterest != nil },
            hasPeriods: front.retention.contains { $0.period != nil },
            hasCriteria: front.retention.contains { $0.criteria != nil },
            cookieBases: front.cookies.contains { $0.legalBasis != nil },
            cookiesNamed: front.cookies.contains { !$0.cookies.isEmpty },
            cookieControls: front.cookieControls?.nonEmpty,
            children: front.childrenMinAge.map { t.format("policy.children_min_age", ["age": locale.format($0)]) }?.nonEmpty,
            noSale: front.sellsPersonalData == false,
            dataRequired: front.dataRequired?.nonEmpty,
            automatedDecisions: front.automatedDecisions?.nonEmpty,
            cookiesHref: linksSectionPages && Self.hasCookiesPage(company, page.language)
                ? SitePaths.link(from: path, to: SitePaths.cookies(company.slug, page.language)).nonEmpty : nil,
            rightsHref: linksSectionPages && Self.hasRightsPage(company, page.language)
                ? SitePaths.link(from: path, to: SitePaths.rights(company.slug, page.language)).nonEmpty : nil,
            labels: labels,
            sections: sectionValues(page),
            blocks: layout.templateValues,
            toc: layout.toc.map { PolicyPageModel.TOCEntry(id: $0.id, text: $0.text) })
    }

    /// The page with each data and section block's `data_html`, for a theme that prints it
    /// (`SectionBlocks`); made last, from every value the page shows, as the sections read them.
    func withSectionHTML(_ model: PolicyPageModel) -> PolicyPageModel {
        guard theme.rendersSectionHTML else { return model }
        var page = model
        page.blocks = model.blocks.map { block in
            guard let section = block.sectionID else { return block }
            var block = block
            block.dataHTML = sectionBlocks.html(block, id: section.id, page: model, theme: theme)
            return block
        }
        return page
    }

    public static var structuredSectionIDs: [String] { PolicySection.allCases.map(\.id) }

    static func structuredSections(_ front: PolicyFrontMatter) -> [(id: String, titleKey: String)] {
        PolicySection.allCases.filter { $0.isPresent(in: front) }.map { ($0.id, $0.titleKey) }
    }

    public func renderCookies(_ page: CompanyPage, at path: String) -> RenderedPage {
        let company = page.company, front = page.document.frontMatter
        let locale = locale(for: page.language, company: company)
        // Only the translations that have a cookies page are offered (a text may drop its cookie
        // controls alone): the others would be broken links.
        let languages = pageLanguages(of: company).filter { Self.hasCookiesPage(company, $0) }
        let frame = companyFrame(page, path: path, title: locale.strings["sections.cookies"], languages: languages) {
            SitePaths.cookies(company.slug, $0)
        }
        let model = CookiesPageModel(
            frame: frame,
            cookieControls: front.cookieControls?.nonEmpty,
            policyTitle: front.title.nonEmpty,
            // A column empty in every row is left out, and said once under the table.
            cookieBases: front.cookies.contains { $0.legalBasis != nil },
            cookiesNamed: front.cookies.contains { !$0.cookies.isEmpty },
            cookies: sectionValues(page).cookies)
        return render(model, template: "cookies", language: page.language, path: path, source: page.document.path)
    }

    public func renderRights(_ page: CompanyPage, at path: String) -> RenderedPage {
        let company = page.company
        let locale = locale(for: page.language, company: company)
        let languages = pageLanguages(of: company).filter { Self.hasRightsPage(company, $0) }
        let frame = companyFrame(page, path: path, title: locale.strings["sections.rights"], languages: languages) {
            SitePaths.rights(company.slug, $0)
        }
        let sections = sectionValues(page)
        let model = RightsPageModel(
            frame: frame, contactHref: SitePaths.link(from: path, to: SitePaths.contact(company.slug, page.language)).nonEmpty,
            rights: sections.rights, contact: sections.contact)
        return render(model, template: "rights", language: page.language, path: path, source: page.document.path)
    }

    public func renderContact(_ page: CompanyPage, at path: String) -> RenderedPage {
        let company = page.company
        let locale = locale(for: page.language, company: company)
        let frame = companyFrame(page, path: path, title: locale.strings["contact.title"]) { SitePaths.contact(company.slug, $0) }
        let model = ContactPageModel(frame: frame, contact: sectionValues(page).contact)
        return render(model, template: "contact", language: page.language, path: path, source: page.document.path)
    }

    /// The home pages, one per site language (`homePath`): every company, from its entries
    /// (`homeEntries`, one per company, keyed by language code), with links to its pages.
    /// A streaming build keeps only these small entries once a company's own pages are written.
    public func renderHomes(_ entries: [[String: HomeEntry]]) -> [RenderedPage] {
        homeLanguages.map { language in renderHome(entries.compactMap { $0[language.rawValue] }, language: language) }
    }

    /// The home page in `language`, from entries made for it (`homeEntry(_:language:)`).
    public func renderHome(_ entries: [HomeEntry], language: LanguageCode? = nil) -> RenderedPage {
        let language = language ?? site.config.defaultLanguage
        let locale = locale(for: language)
        let path = homePath(language)
        let alternates = homeLanguages.map { ($0, homePath($0)) }
        let frame = pageFrame(path: path, title: locale.strings["home.title"], language: language, locale: locale, alternates: alternates)
        let model = HomePageModel(
            frame: frame,
            // The site's description is written in its default language, a company's summary in its
            // text's: marked as such on a home page in another language.
            descriptionLang: site.config.defaultLanguage.rawValue,
            descriptionDir: PageLocale.direction(of: site.config.defaultLanguage),
            companies: entries.map(HomePageModel.Company.init))
        return render(model, template: "home", language: language, path: path)
    }

    public func renderNotFound() -> RenderedPage {
        let language = site.config.defaultLanguage
        let locale = locale(for: language)
        // The 404 page is served for any missing URL, so its links are absolute from the base URL.
        var frame = pageFrame(path: "", title: locale.strings["not_found.title"], language: language, locale: locale, alternates: [])
        frame.home = site.config.baseURL.nonEmpty
        frame.assets = site.config.absoluteURL("assets/").nonEmpty
        frame.canonical = nil
        return RenderedPage(path: "404.html", html: theme.render(NotFoundPageModel(frame: frame), template: "not-found", language: language))
    }
}
