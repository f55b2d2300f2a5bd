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
        var context = policyContext(page, path: path) { SitePaths.policy(page.company.slug, $0) }
        let notices = upcomingNotices(page, path: path).map(pruned)
        context["upcoming_notice"] = notices.isEmpty ? false : notices
        context["history_links"] = historyLinks(page, path: path).map(pruned) ?? false
        return render(prepared: withSectionHTML(context), template: "policy", path: path, source: page.document.path)
    }

    /// Everything the policy template shows for `page.document`, at `path`, already pruned;
    /// archived versions reuse it with their own path and language alternates.
    func policyContext(_ page: CompanyPage, path: String, pathFor: (LanguageCode) -> String, languages: [LanguageCode]? = nil) -> [String: Any] {
        let company = page.company, front = page.document.frontMatter
        let locale = locale(for: page.language, company: company)
        let t = locale.strings
        let sections = sectionValues(page)
        var context = companyFrameDictionary(page, path: path, title: front.title, languages: languages, pathFor: pathFor)
        let body = body(page.document)
        context["summary"] = front.summary ?? ""
        context["body"] = body.html
        // The section partials' own headings sit under the sections' level-2 headings here.
        context["subheading_level"] = "3"
        // A column empty in every row is left out rather than shown as filler.
        context["has_sources"] = front.dataCollected.contains { $0.source != nil }
        context["has_bases"] = front.purposes.contains { $0.legalBasis != nil || $0.legitimateInterest != nil }
        context["has_periods"] = front.retention.contains { $0.period != nil }
        context["has_criteria"] = front.retention.contains { $0.criteria != nil }
        context["cookie_bases"] = front.cookies.contains { $0.legalBasis != nil }
        context["cookies_named"] = front.cookies.contains { !$0.cookies.isEmpty }
        context["cookie_controls"] = front.cookieControls ?? ""
        context["children"] = front.childrenMinAge.map { t.format("policy.children_min_age", ["age": locale.format($0)]) } ?? ""
        context["no_sale"] = front.sellsPersonalData == false
        context["data_required"] = front.dataRequired ?? ""
        context["automated_decisions"] = front.automatedDecisions ?? ""
        context["cookies_href"] = SitePaths.link(from: path, to: SitePaths.cookies(company.slug, page.language))
        context["rights_href"] = SitePaths.link(from: path, to: SitePaths.rights(company.slug, page.language))

        let present = Self.structuredSections(front)
        // A table names itself by its section's heading: the author's own heading where the prose
        // claims the section (`## … {#retention}`), otherwise the theme's.
        let claimed = Set(body.headings.filter { $0.level == 2 && $0.isExplicit }.map(\.id))
        for (id, _) in present {
            context[id.replacingAll("-", with: "_") + "_label"] = claimed.contains(id) ? id : id + "-heading"
        }
        // Pruned once: the page template and the section partials it includes read the same
        // values. The section values come pruned already.
        var prepared = pruned(context)
        for (name, value) in sections.named { prepared[name] = value }
        // The author wrote body links relative to the policy page; pages elsewhere (archived
        // versions) reach the same targets through a prefix.
        let policyDepth = SitePaths.policy(company.slug, page.language).split(separator: "/").count
        let linkPrefix = String(repeating: "../", count: max(0, path.split(separator: "/").count - policyDepth))
        let layout = PolicyLayout(body: body, sections: present.map { ($0.id, t[$0.titleKey]) }, linkPrefix: linkPrefix)
        prepared["blocks"] = layout.templateValues
        prepared["toc"] = layout.toc.map { ["id": $0.id, "text": $0.text] }
        return prepared
    }

    /// The page's values with each data and section block's `data_html`, for a theme that prints
    /// it (`SectionBlocks`); made last, from every value the page shows, as the sections read them.
    func withSectionHTML(_ context: [String: Any]) -> [String: Any] {
        guard theme.rendersSectionHTML, let blocks = context["blocks"] as? [[String: Any]] else { return context }
        var page = context
        page["blocks"] = blocks.map { block -> [String: Any] in
            guard let partial = block["layout_partial"] as? String else { return block }
            var block = block
            block["data_html"] = sectionBlocks.html(block, id: String(partial.dropFirst("section-".count)), page: context, theme: theme)
            return block
        }
        return page
    }

    /// The sections the theme renders from the front matter (tables and lists), in page order;
    /// each is `<section id>` on the page, under the author's heading when the prose has one.
    public static var structuredSectionIDs: [String] { PolicySection.allCases.map(\.id) }

    static func structuredSections(_ front: PolicyFrontMatter) -> [(id: String, titleKey: String)] {
        PolicySection.allCases.filter { $0.isPresent(in: front) }.map { ($0.id, $0.titleKey) }
    }

    public func renderCookies(_ page: CompanyPage, at path: String) -> RenderedPage {
        let company = page.company, front = page.document.frontMatter
        let locale = locale(for: page.language, company: company)
        var context = companyFrameDictionary(page, path: path, title: locale.strings["sections.cookies"]) { SitePaths.cookies(company.slug, $0) }
        context["cookie_controls"] = front.cookieControls ?? ""
        context["policy_title"] = front.title
        // The page's own title names the table: a "Cookies" heading under the "Cookies" title said it twice.
        context["cookies_label"] = "page-title"
        // A column empty in every row is left out, and said once under the table.
        context["cookie_bases"] = front.cookies.contains { $0.legalBasis != nil }
        context["cookies_named"] = front.cookies.contains { !$0.cookies.isEmpty }
        var prepared = pruned(context)
        prepared["cookies"] = sectionValues(page).cookies
        return render(prepared: prepared, template: "cookies", path: path, source: page.document.path)
    }

    public func renderRights(_ page: CompanyPage, at path: String) -> RenderedPage {
        let company = page.company
        let locale = locale(for: page.language, company: company)
        var context = companyFrameDictionary(page, path: path, title: locale.strings["sections.rights"]) { SitePaths.rights(company.slug, $0) }
        context["contact_href"] = SitePaths.link(from: path, to: SitePaths.contact(company.slug, page.language))
        let sections = sectionValues(page)
        var prepared = pruned(context)
        prepared["rights"] = sections.rights
        prepared["contact"] = sections.contact
        return render(prepared: prepared, template: "rights", path: path, source: page.document.path)
    }

    public func renderContact(_ page: CompanyPage, at path: String) -> RenderedPage {
        let company = page.company
        let locale = locale(for: page.language, company: company)
        let context = companyFrameDictionary(page, path: path, title: locale.strings["contact.title"]) { SitePaths.contact(company.slug, $0) }
        var prepared = pruned(context)
        prepared["contact"] = sectionValues(page).contact
        return render(prepared: prepared, template: "contact", path: path, source: page.document.path)
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
