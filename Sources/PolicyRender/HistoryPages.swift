import Foundation
import PolicyHistory
import PolicyMarkdown
import PolicyModel

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

    public func renderChangelog(_ page: CompanyPage) -> RenderedPage {
        let company = page.company, language = page.language
        let path = SitePaths.changelog(company.slug, language)
        let locale = locale(for: language, company: company)
        let t = locale.strings
        var context = companyFrame(page, path: path, title: t["history.changelog"]) { SitePaths.changelog(company.slug, $0) }
        let archive = company.archive
        context["entries"] = company.changelog.entries.reversed().map { entry -> [String: Any] in
            let index = archive.firstIndex { $0.version == entry.version }
            let previous = index.flatMap { $0 > 0 ? archive[$0 - 1] : nil }
            let hasPage = index.map { archive[$0].policies[language] != nil } ?? false
            return [
                "version": entry.version.description,
                "date": locale.format(entry.date),
                "date_iso": entry.date.description,
                "summary": entry.summary(in: language),
                "changes": entry.changes.map { ["change": $0] },
                "href": hasPage ? SitePaths.link(from: path, to: SitePaths.version(company.slug, language, entry.version)) : "",
                "diff_href": previous.flatMap { previous in
                    hasPage && previous.policies[language] != nil
                        ? SitePaths.link(from: path, to: SitePaths.diff(company.slug, language, from: previous.version, to: entry.version)) : nil
                } ?? "",
            ]
        }
        context["compare"] = Self.diffPairs(archive).filter { $0.0.policies[language] != nil && $0.1.policies[language] != nil }.map { old, new in
            ["label": "\(old.version) → \(new.version)", "href": SitePaths.link(from: path, to: SitePaths.diff(company.slug, language, from: old.version, to: new.version))]
        }
        return render(context, template: "changelog", path: path, source: page.document.path)
    }

    /// An archived version at its permanent URL, marked as superseded once a later one exists.
    public func renderArchivedVersion(_ company: Company, _ archived: ArchivedVersion, language: LanguageCode) -> RenderedPage? {
        guard let document = archived.policies[language] else { return nil }
        let path = SitePaths.version(company.slug, language, archived.version)
        let page = CompanyPage(company: company, language: language, document: document)
        let languages = company.languages.filter { archived.policies[$0] != nil }
        var context = policyContext(page, path: path, pathFor: { SitePaths.version(company.slug, $0, archived.version) }, languages: languages)
        let locale = locale(for: language, company: company)
        let t = locale.strings
        let entry = company.changelog.entry(for: archived.version)
        let later = company.changelog.entries.first { $0.version > archived.version }
        var notice = t.format("history.archived_note", ["version": archived.version.description, "date": entry.map { locale.format($0.date) } ?? ""])
        if let later { notice += " " + t.format("history.superseded_on", ["date": locale.format(later.date)]) }
        context["archive_notice"] = [
            "text": notice,
            "superseded": later != nil,
            "current_href": SitePaths.link(from: path, to: SitePaths.policy(company.slug, language)),
            "current_label": t["history.read_current"],
            "changelog_href": SitePaths.link(from: path, to: SitePaths.changelog(company.slug, language)),
        ] as [String: Any]
        context["title"] = t.format("history.archived_title", ["version": archived.version.description]) + " · " + document.frontMatter.title
        return render(context, template: "policy", path: path, source: document.path)
    }

    public func renderDiff(_ company: Company, from old: ArchivedVersion, to new: ArchivedVersion, language: LanguageCode) -> RenderedPage? {
        guard let before = old.policies[language], let after = new.policies[language] else { return nil }
        let path = SitePaths.diff(company.slug, language, from: old.version, to: new.version)
        let page = CompanyPage(company: company, language: language, document: after)
        let locale = locale(for: language, company: company)
        let t = locale.strings
        let languages = company.languages.filter { old.policies[$0] != nil && new.policies[$0] != nil }
        let title = t.format("history.diff_title", ["from": old.version.description, "to": new.version.description])
        var context = companyFrame(page, path: path, title: title, languages: languages) { SitePaths.diff(company.slug, $0, from: old.version, to: new.version) }
        let diff = PolicyDiff(from: before, to: after, cache: sectionCache)
        context["structured"] = groupedChanges(diff.structured, t: t)
        context["changed_sections"] = diff.sections.filter(\.hasChanges).map { section -> [String: Any] in
            [
                "title": section.title.isEmpty ? t["policy.summary"] : section.title,
                "pieces": section.pieces.map { ["text": $0.text, "added": $0.kind == .added, "removed": $0.kind == .removed] as [String: Any] },
            ]
        }
        context["unchanged_sections"] = diff.sections.filter { !$0.hasChanges && !$0.title.isEmpty }.map { ["title": $0.title] }
        context["no_changes"] = diff.isEmpty
        context["from_href"] = SitePaths.link(from: path, to: SitePaths.version(company.slug, language, old.version))
        context["to_href"] = SitePaths.link(from: path, to: SitePaths.version(company.slug, language, new.version))
        context["from_version"] = old.version.description
        context["to_version"] = new.version.description
        context["changelog_href"] = SitePaths.link(from: path, to: SitePaths.changelog(company.slug, language))
        return render(context, template: "diff", path: path, source: after.path)
    }

    private func groupedChanges(_ changes: [StructuredChange], t: UIStrings) -> [[String: Any]] {
        let areas: [(StructuredChange.Area, String)] = [
            (.cookies, "sections.cookies"), (.retention, "sections.retention"), (.rights, "sections.rights"),
            (.thirdParties, "sections.third_parties"), (.transfers, "sections.transfers"), (.purposes, "sections.purposes"),
            (.dataCollected, "sections.data_collected"), (.facts, "sections.more"),
        ]
        return areas.compactMap { area, key in
            let inArea = changes.filter { $0.area == area }
            guard !inArea.isEmpty else { return nil }
            return [
                "area": t[key],
                "changes": inArea.map { change -> [String: Any] in
                    [
                        "kind": t["history.\(change.kind.rawValue)"], "kind_id": change.kind.rawValue,
                        "subject": area == .rights ? t["right.\(change.subject)"] : change.subject,
                        "before": change.before ?? "", "after": change.after ?? "",
                    ]
                },
            ]
        }
    }

    /// An Atom feed of the company's published versions in one language, newest first.
    public func renderFeed(_ company: Company, language: LanguageCode) -> RenderedPage {
        let path = SitePaths.feed(company.slug, language)
        let locale = locale(for: language, company: company)
        let t = locale.strings
        let feedURL = site.config.absoluteURL(path)
        let entries = company.changelog.entries.reversed()
        let updated = entries.first?.date ?? company.policies[language]?.frontMatter.lastUpdated ?? company.source!.frontMatter.lastUpdated
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
        for entry in entries {
            // A language added after this version has no page for it; the changelog stands in.
            let hasPage = company.archive.first { $0.version == entry.version }?.policies[language] != nil
            let url = site.config.absoluteURL(hasPage ? SitePaths.version(company.slug, language, entry.version) : SitePaths.changelog(company.slug, language))
            xml += """
                  <entry>
                    <title>\(escapeXML(t.format("history.archived_title", ["version": entry.version.description])))</title>
                    <id>\(escapeXML(url))</id>
                    <link rel="alternate" type="text/html" href="\(escapeXML(url))"/>
                    <updated>\(timestamp(entry.date))</updated>
                    <summary>\(escapeXML(entry.summary(in: language)))</summary>
                  </entry>

                """
        }
        xml += "</feed>\n"
        return RenderedPage(path: path, html: xml)
    }
}

/// Escapes text for XML content and attribute values (feeds, sitemaps); the same five
/// characters as HTML (`&#39;` is valid XML too).
public func escapeXML(_ text: String) -> String { escapeAttribute(text) }
