public import PolicyModel
import PolicyTranslations

/// Which version applies today. A version can be published weeks before its `effective` date;
/// until then the site keeps showing the version in force and announces the new one. The build
/// on or after the date switches, so the text is right without anyone editing it again.
extension SiteRenderer {
    /// The page of `company` in `language` as it applies on `today` (`VersionTimeline`): the
    /// version in force, announcing every version published and not yet in force; before any
    /// has taken effect, the nearest announced one, marked. The working text is shown when it
    /// is the version in force (or was never published and applies already).
    func scheduledPage(_ company: Company, language: LanguageCode, current working: PolicyDocument) -> CompanyPage {
        let timeline = VersionTimeline(company, today: today)
        func published(_ version: PolicyVersionNumber) -> (archived: ArchivedVersion, text: PolicyDocument)? {
            guard let archived = company.archive.first(where: { $0.version == version }),
                let text = archived.policies[language] ?? archived.policies[working.language]
            else { return nil }
            return (archived, text)
        }
        let upcoming = timeline.upcoming.compactMap { published($0.version)?.text }
        let workingStatus = timeline.version(working.frontMatter.version)?.status
        if !(today < working.frontMatter.effective), workingStatus == nil || workingStatus == .current {
            return CompanyPage(company: company, language: language, document: working, upcoming: upcoming)
        }
        if let inForce = timeline.current, let shown = published(inForce.version) {
            return CompanyPage(company: company.asPublished(in: shown.archived), language: language, document: shown.text, upcoming: upcoming)
        }
        if let nearest = timeline.upcoming.first, let shown = published(nearest.version) {
            return CompanyPage(
                company: company.asPublished(in: shown.archived), language: language, document: shown.text, upcoming: upcoming, status: .upcoming)
        }
        // Nothing published applies or is announced (a text never published, effective later): show it, marked.
        return CompanyPage(company: company, language: language, document: working, upcoming: [working], status: .upcoming)
    }

    /// The working text as a draft page (`--drafts`, `serve`, `check`): shown nowhere else while
    /// it differs from what the policy page shows, as when a text announced ahead is edited
    /// during its notice window. Nil when the policy page shows it already.
    public func draftPage(_ company: Company, language: LanguageCode) -> CompanyPage? {
        guard let working = company.policies[language] else { return nil }
        let shown = scheduledPage(company, language: language, current: working)
        guard shown.document.contentHash != working.contentHash else { return nil }
        let published = company.archive.first { $0.version == working.frontMatter.version }?.policies[language]
        guard published?.contentHash != working.contentHash else { return nil }
        return CompanyPage(company: company, language: language, document: working, isDraft: true)
    }

    /// A draft at `path`, marked as such on the page and pointing search engines at the policy page.
    public func renderDraft(_ page: CompanyPage, at path: String) -> RenderedPage {
        let company = page.company
        let t = locale(for: page.language, company: company).strings
        var model = policyModel(page, path: path, pathFor: { SitePaths.draft(company.slug, $0) }, languages: [page.language])
        model.archiveNotice = PolicyPageModel.ArchiveNotice(
            text: t["history.draft_note"].nonEmpty, superseded: true,
            currentHref: SitePaths.link(from: path, to: SitePaths.policy(company.slug, page.language)).nonEmpty,
            currentLabel: t["history.read_current"].nonEmpty,
            changelogHref: SitePaths.link(from: path, to: SitePaths.changelog(company.slug, page.language)).nonEmpty)
        model.frame.frame.canonical = site.config.absoluteURL(SitePaths.policy(company.slug, page.language)).nonEmpty
        model.frame.frame.title = (t["history.draft"] + " · " + page.document.frontMatter.title).nonEmpty
        return render(withSectionHTML(model), template: "policy", language: page.language, path: path, source: page.document.path)
    }

    /// The notices on a page whose company has versions announced but not yet in force, the
    /// nearest first.
    func upcomingNotices(_ page: CompanyPage, path: String) -> [PolicyPageModel.UpcomingNotice] {
        let locale = locale(for: page.language, company: page.company)
        let t = locale.strings
        let slug = page.company.slug
        return page.upcoming.map { upcoming in
            let version = upcoming.frontMatter.version
            let archived = page.company.archive.first { $0.version == version && $0.policies[page.language] != nil }
            let showsItself = page.document.frontMatter.version == version
            var diffHref: String?
            if !showsItself, let archived, let shown = page.company.archive.first(where: { $0.version == page.document.frontMatter.version }),
                SiteRenderer.diffPairs(page.company.archive).contains(where: { $0.0.version == shown.version && $0.1.version == archived.version })
            {
                diffHref = SitePaths.link(from: path, to: SitePaths.diff(slug, page.language, from: shown.version, to: version)).nonEmpty
            }
            return PolicyPageModel.UpcomingNotice(
                text: t.format(
                    showsItself ? "history.takes_effect" : "history.upcoming",
                    ["version": version.description, "date": locale.format(upcoming.frontMatter.effective)]
                ).nonEmpty,
                href: archived != nil && !showsItself ? SitePaths.link(from: path, to: SitePaths.version(slug, page.language, version)).nonEmpty : nil,
                diffHref: diffHref)
        }
    }

    /// A published version's status on the build's day; upcoming when it is not published by
    /// then (a `check` sees every version, whatever its date).
    func versionStatus(_ company: Company, _ version: PolicyVersionNumber) -> VersionTimeline.Status {
        VersionTimeline(company, today: today).version(version)?.status ?? .upcoming
    }

    /// Links from a current page to what changed in the version it shows and to earlier versions.
    func historyLinks(_ page: CompanyPage, path: String) -> PolicyPageModel.HistoryLinks? {
        let archive = page.company.archive.filter { $0.policies[page.language] != nil }
        guard !archive.isEmpty else { return nil }
        let slug = page.company.slug
        var diffHref: String?
        if let index = archive.firstIndex(where: { $0.version == page.document.frontMatter.version }), index > 0 {
            diffHref =
                SitePaths.link(from: path, to: SitePaths.diff(slug, page.language, from: archive[index - 1].version, to: archive[index].version))
                .nonEmpty
        }
        return PolicyPageModel.HistoryLinks(
            changelogHref: SitePaths.link(from: path, to: SitePaths.changelog(slug, page.language)).nonEmpty, diffHref: diffHref)
    }

    /// True when some text of the company takes effect after `today`: its pages change with the date.
    public static func hasScheduledVersion(_ company: Company, today: PolicyDate) -> Bool {
        !company.publishedLater.isEmpty || company.policies.values.contains { today < $0.frontMatter.effective }
            || company.archive.contains { $0.policies.values.contains { today < $0.frontMatter.effective } }
    }
}
