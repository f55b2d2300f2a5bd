import Foundation
import PolicyHistory
import PolicyMarkdown
public import PolicyModel
import PolicyTranslations

/// The history of a company's policy: its changelog, every archived version at a permanent
/// URL, the differences between versions, and an Atom feed of the changes.
extension SiteRenderer {
    /// Pairs of versions that get a diff page: consecutive ones always, every pair while the
    /// history is short enough for the list of links to stay readable.
    public static func diffPairs(_ archive: [ArchivedVersion]) -> [(ArchivedVersion, ArchivedVersion)] {
        let consecutive = Array(zip(archive, archive.dropFirst()))
        guard archive.count <= 6 else { return consecutive }
        return archive.indices.flatMap { i in archive.indices.filter { $0 > i }.map { (archive[i], archive[$0]) } }
    }

    public func renderChangelog(_ page: CompanyPage, at path: String) -> RenderedPage {
        let company = page.company, language = page.language
        let locale = locale(for: language, company: company)
        let t = locale.strings
        let frame = companyFrame(page, path: path, title: t["history.changelog"]) { SitePaths.changelog(company.slug, $0) }
        let archive = company.archive
        let timeline = VersionTimeline(company, today: today)
        // Statuses are named while a version waits for its date; afterwards the order says it.
        let labelled = !timeline.upcoming.isEmpty
        var entries = company.changelog.entries.reversed().map { entry -> ChangelogPageModel.Entry in
            let index = archive.firstIndex { $0.version == entry.version }
            let previous = index.flatMap { $0 > 0 ? archive[$0 - 1] : nil }
            let hasPage = index.map { archive[$0].policies[language] != nil } ?? false
            let life = timeline.version(entry.version)
            let effective = life.map(\.effective).flatMap { $0 == entry.date ? nil : $0 }
            let summary = self.summary(entry, in: language, company: company)
            return ChangelogPageModel.Entry(
                version: entry.version.description.nonEmpty,
                date: locale.format(entry.date).nonEmpty,
                dateISO: entry.date.description.nonEmpty,
                effective: effective.map { locale.format($0) }?.nonEmpty,
                effectiveISO: effective?.description.nonEmpty,
                status: labelled && life?.status != .archived ? life.map { t["history.status_\($0.status.rawValue)"] }?.nonEmpty : nil,
                summary: summary.text.nonEmpty,
                summaryLang: summary.lang.nonEmpty,
                changes: entry.changes.map { ChangelogPageModel.Entry.Change(change: $0.nonEmpty) },
                href: hasPage ? SitePaths.link(from: path, to: SitePaths.version(company.slug, language, entry.version)).nonEmpty : nil,
                diffHref: previous.flatMap { previous in
                    hasPage && previous.policies[language] != nil
                        ? SitePaths.link(from: path, to: SitePaths.diff(company.slug, language, from: previous.version, to: entry.version)).nonEmpty
                        : nil
                })
        }
        if let current = unpublishedEntry(company, language: language) {
            let entry = ChangelogPageModel.Entry(
                version: current.version.description.nonEmpty, date: locale.format(current.date).nonEmpty,
                dateISO: current.date.description.nonEmpty, effective: nil, effectiveISO: nil, status: nil, summary: current.summary.nonEmpty,
                summaryLang: nil, changes: [], href: SitePaths.link(from: path, to: SitePaths.policy(company.slug, language)).nonEmpty, diffHref: nil)
            entries.insert(entry, at: 0)
        }
        let compare = Self.diffPairs(archive).filter { $0.0.policies[language] != nil && $0.1.policies[language] != nil }.map { old, new in
            CompanyFrame.Link(
                label: "\(old.version) → \(new.version)",
                href: SitePaths.link(from: path, to: SitePaths.diff(company.slug, language, from: old.version, to: new.version)).nonEmpty)
        }
        let model = ChangelogPageModel(frame: frame, entries: entries, compare: compare)
        return render(model, template: "changelog", language: language, path: path, source: page.document.path)
    }

    /// A published version at its permanent URL, with the company facts it was published with,
    /// marked as upcoming, current or archived on the build's date (`VersionTimeline`), with
    /// the day it was announced, the day it took effect and the day it was superseded.
    public func renderArchivedVersion(_ company: Company, _ archived: ArchivedVersion, language: LanguageCode, at path: String) -> RenderedPage? {
        guard let document = archived.policies[language] else { return nil }
        let shown = company.asPublished(in: archived)
        let page = CompanyPage(company: shown, language: language, document: document)
        let languages = company.languages.filter { archived.policies[$0] != nil }
        var model = policyModel(page, path: path, pathFor: { SitePaths.version(company.slug, $0, archived.version) }, languages: languages)
        model.frame.jsonURL = SitePaths.link(from: path, to: SitePaths.versionJSON(company.slug, language, archived.version)).nonEmpty
        let locale = locale(for: language, company: company)
        let t = locale.strings
        let life = VersionTimeline(company, today: today).version(archived.version)
        let announced = company.changelog.entry(for: archived.version)?.date ?? document.frontMatter.lastUpdated
        let status = life?.status ?? .upcoming
        let dates = [
            "version": archived.version.description, "date": locale.format(announced),
            "effective": locale.format(life?.effective ?? document.frontMatter.effective),
        ]
        var notice: String
        switch status {
        case .upcoming:
            notice =
                t.format("history.upcoming_note", dates) + " "
                + t.format("history.takes_effect", ["version": archived.version.description, "date": dates["effective"]!])
        case .current:
            notice = t.format("history.current_note", dates)
        case .archived:
            notice = t.format("history.archived_note", dates)
            if let on = life?.supersededOn { notice += " " + t.format("history.superseded_on", ["date": locale.format(on)]) }
        }
        model.archiveNotice = PolicyPageModel.ArchiveNotice(
            text: notice.nonEmpty,
            superseded: status == .archived,
            currentHref: SitePaths.link(from: path, to: SitePaths.policy(company.slug, language)).nonEmpty,
            currentLabel: t["history.read_current"].nonEmpty,
            changelogHref: SitePaths.link(from: path, to: SitePaths.changelog(company.slug, language)).nonEmpty)
        // A version whose text is the current one is the same page twice: search engines are
        // pointed at the current policy.
        if company.policies[language]?.contentHash == document.contentHash {
            model.frame.frame.canonical = site.config.absoluteURL(SitePaths.policy(company.slug, language)).nonEmpty
        }
        model.frame.frame.title = (t.format("history.archived_title", ["version": archived.version.description]) + " · " + document.frontMatter.title).nonEmpty
        return render(withSectionHTML(model), template: "policy", language: language, path: path, source: document.path)
    }

    /// A changelog entry's summary in `language`, and the language it is written in: the
    /// default language's summary stands in for a missing translation, marked as such.
    func summary(_ entry: ChangelogEntry, in language: LanguageCode, company: Company) -> (text: String, lang: String) {
        if let translated = entry.translations[language.rawValue] { return (translated, "") }
        return (entry.summary, language == company.defaultLanguage ? "" : company.defaultLanguage.rawValue)
    }

    /// The current text as a changelog or feed entry while it has not been published: a site
    /// that never ran `publish` still records the version it shows.
    func unpublishedEntry(_ company: Company, language: LanguageCode) -> (version: PolicyVersionNumber, date: PolicyDate, summary: String)? {
        guard let document = company.policies[language] ?? company.source,
            company.changelog.entry(for: document.frontMatter.version) == nil
        else { return nil }
        let locale = locale(for: language, company: company)
        return (
            document.frontMatter.version, document.frontMatter.lastUpdated,
            locale.strings.format("history.current_unpublished", ["date": locale.format(document.frontMatter.effective)])
        )
    }

    /// An Atom feed of the company's published versions in one language, newest first.
    public func renderFeed(_ company: Company, language: LanguageCode, at path: String) -> RenderedPage {
        let locale = locale(for: language, company: company)
        let t = locale.strings
        let feedURL = site.config.absoluteURL(path)
        let timeline = VersionTimeline(company, today: today)
        var entries = company.changelog.entries.reversed().map { entry in
            // A language added after this version has no page for it; the changelog stands in.
            let hasPage = company.archive.first { $0.version == entry.version }?.policies[language] != nil
            let written = self.summary(entry, in: language, company: company)
            var summary = written.text
            if let life = timeline.version(entry.version), life.effective != entry.date || life.status == .upcoming {
                summary += " (" + t.format("history.announced_effective", ["date": locale.format(entry.date), "effective": locale.format(life.effective)])
                summary += life.status == .upcoming ? " · " + t["history.status_upcoming"] + ")" : ")"
            }
            return (
                entry.version, entry.date, summary, written.lang,
                hasPage ? SitePaths.version(company.slug, language, entry.version) : SitePaths.changelog(company.slug, language)
            )
        }
        if let current = unpublishedEntry(company, language: language) {
            entries.insert((current.version, current.date, current.summary, "", SitePaths.policy(company.slug, language)), at: 0)
        }
        let updated = entries.first?.1 ?? company.source!.frontMatter.lastUpdated
        func timestamp(_ date: PolicyDate) -> String { "\(PolicyDate(year: date.year, month: date.month, day: date.day ?? 1))T00:00:00Z" }
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(language)">
              <title>\(escapeXML(company.info.displayName + " · " + t["policy.privacy_policy"] + " · " + t["history.changelog"]))</title>
              <id>\(escapeXML(feedURL))</id>
              <link rel="self" type="application/atom+xml" href="\(escapeXML(feedURL))"/>
              <link rel="alternate" type="text/html" href="\(escapeXML(site.config.absoluteURL(SitePaths.changelog(company.slug, language))))"/>
              <updated>\(timestamp(updated))</updated>
              <author><name>\(escapeXML(company.info.legalName))</name></author>

            """
        for (version, date, summary, lang, page) in entries {
            let url = site.config.absoluteURL(page)
            // The id names the version, so an entry keeps its id when its page moves to versions/.
            let id = site.config.absoluteURL(SitePaths.version(company.slug, language, version))
            xml += """
                  <entry>
                    <title>\(escapeXML(t.format("history.archived_title", ["version": version.description])))</title>
                    <id>\(escapeXML(id))</id>
                    <link rel="alternate" type="text/html" href="\(escapeXML(url))"/>
                    <updated>\(timestamp(date))</updated>
                    <summary\(lang.isEmpty ? "" : " xml:lang=\"\(lang)\"")>\(escapeXML(summary))</summary>
                  </entry>

                """
        }
        xml += "</feed>\n"
        return RenderedPage(path: path, html: xml)
    }
}
