public import PolicyModel

/// Which version applies today. A version can be published weeks before its `effective` date;
/// until then the site keeps showing the version in force and announces the new one. The build
/// on or after the date switches, so the text is right without anyone editing it again.
extension SiteRenderer {
    /// The page of `company` in `language` as it applies on `today`.
    func scheduledPage(_ company: Company, language: LanguageCode, current: PolicyDocument) -> CompanyPage {
        guard today < current.frontMatter.effective else { return CompanyPage(company: company, language: language, document: current) }
        let inForce = company.archive.last { archived in
            guard archived.version < current.frontMatter.version, let text = archived.policies[language] ?? archived.policies[current.language] else {
                return false
            }
            return !(today < text.frontMatter.effective)
        }
        guard let inForce, let text = inForce.policies[language] ?? inForce.policies[current.language] else {
            // Nothing applied before (a first version announced ahead): show it, marked.
            return CompanyPage(company: company, language: language, document: current, upcoming: current)
        }
        let shown = company.asPublished(in: inForce)
        return CompanyPage(company: shown, language: language, document: text, upcoming: current)
    }

    /// The notice on a page whose company has a version announced but not yet in force.
    func upcomingNotice(_ page: CompanyPage, path: String) -> [String: Any]? {
        guard let upcoming = page.upcoming else { return nil }
        let locale = locale(for: page.language, company: page.company)
        let t = locale.strings
        let version = upcoming.frontMatter.version
        let slug = page.company.slug
        let archived = page.company.archive.first { $0.version == version && $0.policies[page.language] != nil }
        let showsItself = page.document.frontMatter.version == version
        var notice: [String: Any] = [
            "text": t.format(
                showsItself ? "history.takes_effect" : "history.upcoming",
                ["version": version.description, "date": locale.format(upcoming.frontMatter.effective)]),
            "href": archived != nil && !showsItself ? SitePaths.link(from: path, to: SitePaths.version(slug, page.language, version)) : "",
            "diff_href": "",
        ]
        if !showsItself, let archived, let shown = page.company.archive.first(where: { $0.version == page.document.frontMatter.version }),
            SiteRenderer.diffPairs(page.company.archive).contains(where: { $0.0.version == shown.version && $0.1.version == archived.version })
        {
            notice["diff_href"] = SitePaths.link(from: path, to: SitePaths.diff(slug, page.language, from: shown.version, to: version))
        }
        return notice
    }

    /// Links from a current page to what changed in the version it shows and to earlier versions.
    func historyLinks(_ page: CompanyPage, path: String) -> [String: Any]? {
        let archive = page.company.archive.filter { $0.policies[page.language] != nil }
        guard !archive.isEmpty else { return nil }
        let slug = page.company.slug
        var links: [String: Any] = ["changelog_href": SitePaths.link(from: path, to: SitePaths.changelog(slug, page.language)), "diff_href": ""]
        if let index = archive.firstIndex(where: { $0.version == page.document.frontMatter.version }), index > 0 {
            links["diff_href"] = SitePaths.link(
                from: path, to: SitePaths.diff(slug, page.language, from: archive[index - 1].version, to: archive[index].version))
        }
        return links
    }

    /// True when some text of the company takes effect after `today`: its pages change with the date.
    public static func hasScheduledVersion(_ company: Company, today: PolicyDate) -> Bool {
        company.policies.values.contains { today < $0.frontMatter.effective }
            || company.archive.contains { $0.policies.values.contains { today < $0.frontMatter.effective } }
    }
}
