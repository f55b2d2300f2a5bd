import Foundation
import PolicyMarkdown
public import PolicyModel
import PolicyText
import PolicyTranslations

/// The pages of a company in one language (policy, cookies, rights, contact), the home page
/// and the 404 page.
public enum PolicyPages {
    /// Ids of the structured sections on the policy page; body headings never take them.
    public static let sectionIDs: Set<String> = [
        "main", "contents", "summary", "at-a-glance", "data-collected", "purposes", "third-parties", "transfers",
        "retention", "cookies", "rights", "children", "contact", "more",
    ]
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
        var context = companyFrame(page, path: path, title: front.title, languages: languages, pathFor: pathFor)
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
    public static var structuredSectionIDs: [String] {
        ["data-collected", "purposes", "third-parties", "transfers", "retention", "cookies", "rights", "children", "more", "contact"]
    }

    static func structuredSections(_ front: PolicyFrontMatter) -> [(id: String, titleKey: String)] {
        let all: [(id: String, titleKey: String, present: Bool)] = [
            ("data-collected", "sections.data_collected", !front.dataCollected.isEmpty),
            ("purposes", "sections.purposes", !front.purposes.isEmpty),
            ("third-parties", "sections.third_parties", !front.thirdParties.isEmpty),
            ("transfers", "sections.transfers", !front.transfers.isEmpty),
            ("retention", "sections.retention", !front.retention.isEmpty),
            ("cookies", "sections.cookies", !front.cookies.isEmpty),
            ("rights", "sections.rights", front.rights != nil || !front.regionalRights.isEmpty),
            ("children", "sections.children", front.childrenMinAge != nil),
            ("more", "sections.more", front.dataRequired != nil || front.automatedDecisions != nil || front.sellsPersonalData == false),
            ("contact", "sections.contact", true),
        ]
        return all.filter(\.present).map { ($0.id, $0.titleKey) }
    }

    public func renderCookies(_ page: CompanyPage, at path: String) -> RenderedPage {
        let company = page.company, front = page.document.frontMatter
        let locale = locale(for: page.language, company: company)
        var context = companyFrame(page, path: path, title: locale.strings["sections.cookies"]) { SitePaths.cookies(company.slug, $0) }
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
        var context = companyFrame(page, path: path, title: locale.strings["sections.rights"]) { SitePaths.rights(company.slug, $0) }
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
        let context = companyFrame(page, path: path, title: locale.strings["contact.title"]) { SitePaths.contact(company.slug, $0) }
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
        var context = frame(path: path, title: locale.strings["home.title"], language: language, locale: locale, alternates: alternates)
        // The site's description is written in its default language, a company's summary in its
        // text's: marked as such on a home page in another language.
        context["description_lang"] = site.config.defaultLanguage.rawValue
        context["description_dir"] = PageLocale.direction(of: site.config.defaultLanguage)
        context["companies"] = entries.map { entry -> [String: Any] in
            [
                "name": entry.name, "legal_name": entry.legalName, "summary": entry.summary, "last_updated": entry.lastUpdated, "href": entry.href,
                "summary_lang": entry.language, "summary_dir": LanguageCode(entry.language).map(PageLocale.direction) ?? "ltr",
                "links": entry.links.map { ["label": $0.label, "href": $0.href] },
                "languages": entry.languages.map { ["code": $0.code, "name": $0.label, "href": $0.href] },
            ]
        }
        return render(context, template: "home", path: path)
    }

    public func renderNotFound() -> RenderedPage {
        let language = site.config.defaultLanguage
        let locale = locale(for: language)
        // The 404 page is served for any missing URL, so its links are absolute from the base URL.
        var context = frame(path: "", title: locale.strings["not_found.title"], language: language, locale: locale, alternates: [])
        context["home"] = site.config.baseURL
        context["assets"] = site.config.absoluteURL("assets/")
        context["canonical"] = ""
        return RenderedPage(path: "404.html", html: theme.render(pruned(context), template: "not-found"))
    }
}

/// Decides where the theme's structured sections (tables, lists) go in the prose; the theme's
/// `policy.mustache` writes the markup. A body heading that claims a section id
/// (`## Cookies {#cookies}`) gets that section's content at the end of its own text; sections
/// no heading claims follow the body under the theme's headings, before a claimed contact
/// section when there is one (contact reads best last).
struct PolicyLayout {
    enum Block: Equatable {
        /// Rendered Markdown, from one level-2 heading to the next.
        case prose(String)
        /// A section's data after the prose of the heading that claims it.
        case data(id: String)
        /// A section no heading claims, under the theme's heading `title`.
        case section(id: String, title: String)
    }

    let blocks: [Block]
    let toc: [(id: String, text: String)]

    init(body: RenderedMarkdown, sections: [(id: String, title: String)], linkPrefix: String = "") {
        let sectionIDs = Set(sections.map(\.id))
        let claimed = Set(body.headings.filter { $0.level == 2 && $0.isExplicit && sectionIDs.contains($0.id) }.map(\.id))

        // Split the body at its level-2 headings, at the offsets the Markdown renderer noted.
        // Each chunk keeps its heading: looking it up by id again made a body of n headings cost n².
        var chunks: [(heading: Heading?, text: Substring)] = []
        let utf8 = body.html.utf8
        var start = body.html.startIndex
        var current: Heading? = nil
        for (heading, offset) in zip(body.headings, body.headingOffsets) where heading.level == 2 {
            let position = utf8.index(utf8.startIndex, offsetBy: offset)
            chunks.append((current, body.html[start..<position]))
            start = position
            current = heading
        }
        chunks.append((current, body.html[start...]))

        let unclaimed = sections.filter { !claimed.contains($0.id) }
        let unclaimedBlocks = unclaimed.map { Block.section(id: $0.id, title: $0.title) }
        let unclaimedTOC = unclaimed.map { (id: $0.id, text: $0.title) }
        var blocks: [Block] = []
        var toc: [(id: String, text: String)] = []
        let contactClaimed = claimed.contains("contact")
        for chunk in chunks {
            if contactClaimed, chunk.heading?.id == "contact" {
                blocks += unclaimedBlocks
                toc += unclaimedTOC
            }
            if !chunk.text.isEmpty {
                blocks.append(.prose(linkPrefix.isEmpty ? String(chunk.text) : rebaseRelativeLinks(chunk.text, prefix: linkPrefix)))
            }
            if let heading = chunk.heading {
                toc.append((heading.id, heading.text))
                if claimed.contains(heading.id) { blocks.append(.data(id: heading.id)) }
            }
        }
        if !contactClaimed {
            blocks += unclaimedBlocks
            toc += unclaimedTOC
        }
        self.blocks = blocks
        self.toc = toc
    }

    /// The blocks as template values: each has `layout_prose`, `layout_data` and
    /// `layout_section`; a data or section block also names the partial to include,
    /// `layout_partial` (`section-<id>`, which `section-data` includes with `{{>*layout_partial}}`:
    /// one lookup per block), and, for themes that dispatch on flags, every `layout_is_<id>`,
    /// `true` only for its own section. The flags are all present, `false` when not so: a
    /// missing name resolves up the context stack.
    var templateValues: [[String: Any]] {
        blocks.map { block in
            switch block {
            case .prose(let html):
                var value = Self.proseValues
                value["layout_prose"] = html
                return value
            case .data(let id):
                return Self.dataBlockValues[id] ?? Self.blockValues(id, data: true)
            case let .section(id, title):
                var value = Self.sectionBlockValues[id] ?? Self.blockValues(id, data: false)
                value["layout_section"] = ["section_id": id, "section_title": title]
                return value
            }
        }
    }

    // A block's values but the prose and title, made once per section id and copied: a page
    // has a few dozen blocks, and each built its dozen flags anew. `nonisolated(unsafe)`
    // because `[String: Any]` is not `Sendable`; safe because they are constants of strings
    // and flags (values), only ever read and copied.

    nonisolated(unsafe) static let proseValues: [String: Any] = ["layout_prose": false, "layout_data": false, "layout_section": false]
    nonisolated(unsafe) static let dataBlockValues = Dictionary(
        uniqueKeysWithValues: SiteRenderer.structuredSectionIDs.map { ($0, blockValues($0, data: true)) })
    nonisolated(unsafe) static let sectionBlockValues = Dictionary(
        uniqueKeysWithValues: SiteRenderer.structuredSectionIDs.map { ($0, blockValues($0, data: false)) })

    /// The values of a data block (`data`) or of a section block for section `id`.
    static func blockValues(_ id: String, data: Bool) -> [String: Any] {
        var value = proseValues
        value["layout_data"] = data
        value.merge(noFlags) { _, flag in flag }
        value[flag(id)] = true
        value["layout_partial"] = "section-" + id
        return value
    }

    /// Every structured section's flag, `false`.
    static let noFlags: [String: Bool] = Dictionary(uniqueKeysWithValues: SiteRenderer.structuredSectionIDs.map { (flag($0), false) })

    static func flag(_ id: String) -> String { "layout_is_" + id.replacingAll("-", with: "_") }
}

/// Prefixes relative `href`/`src` values (not `#fragment`, `/absolute`, `scheme:` or `//host`)
/// so links keep their target when the HTML moves to a deeper folder. Runs on every block of
/// every archived version's page, so it finds the values to prefix first, on bytes, and copies
/// the text only when there is one (most policies link in-page or to absolute addresses).
func rebaseRelativeLinks(_ html: Substring, prefix: String) -> String {
    // On the text's own bytes where it holds them in one piece, copied only when it does not;
    // nil from `rebase` when there is nothing to prefix.
    let rebased =
        html.utf8.withContiguousStorageIfAvailable { rebase($0, prefix: prefix) }
        ?? Array(html.utf8).withUnsafeBufferPointer { rebase($0, prefix: prefix) }
    return rebased ?? String(html)
}

private func rebase(_ bytes: UnsafeBufferPointer<UInt8>, prefix: String) -> String? {
    let quote = UInt8(ascii: "\""), equals = UInt8(ascii: "=")
    let href = Array(" href".utf8), src = Array(" src".utf8)
    func named(_ name: [UInt8], before index: Int) -> Bool {
        index >= name.count && bytes[(index - name.count)..<index].elementsEqual(name)
    }
    var starts: [Int] = []
    var index = 0
    while index + 1 < bytes.count {
        // At `="`: is the attribute before it href or src, and the value relative?
        guard bytes[index] == equals, bytes[index + 1] == quote else {
            index += 1
            continue
        }
        let start = index + 2
        defer { index = start }
        guard named(href, before: index) || named(src, before: index) else { continue }
        var end = start
        while end < bytes.count, bytes[end] != quote { end += 1 }
        let value = bytes[start..<end]
        if !value.isEmpty && value.first != UInt8(ascii: "#") && value.first != UInt8(ascii: "/") && !value.contains(UInt8(ascii: ":")) {
            starts.append(start)
        }
    }
    guard !starts.isEmpty else { return nil }
    let prefixBytes = Array(prefix.utf8)
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count + starts.count * prefixBytes.count)
    var copied = 0
    for start in starts {
        output += bytes[copied..<start]
        output += prefixBytes
        copied = start
    }
    output += bytes[copied...]
    return String(decoding: output, as: UTF8.self)
}
