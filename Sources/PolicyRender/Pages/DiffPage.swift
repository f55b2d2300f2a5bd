import Foundation
import PolicyHistory
import PolicyMarkdown
public import PolicyModel
import PolicyText
import PolicyTranslations

/// The diff page between two versions: field changes in the page's language, then the prose
/// section by section.
extension SiteRenderer {
    public func renderDiff(_ company: Company, from old: ArchivedVersion, to new: ArchivedVersion, language: LanguageCode, at path: String) -> RenderedPage? {
        guard let before = old.policies[language], let after = new.policies[language] else { return nil }
        let shown = company.asPublished(in: new)
        let page = CompanyPage(company: shown, language: language, document: after)
        let locale = locale(for: language, company: company)
        let t = locale.strings
        let languages = company.languages.filter { old.policies[$0] != nil && new.policies[$0] != nil }
        let title = t.format("history.diff_title", ["from": old.version.description, "to": new.version.description])
        let frame = companyFrame(page, path: path, title: title, languages: languages) {
            SitePaths.diff(company.slug, $0, from: old.version, to: new.version)
        }
        let diff = PolicyDiff(from: before, to: after, oldCompany: old.company, newCompany: new.company, prose: prose, fields: diffCache.fields)
        let labels = DiffLabels(locale: locale, config: site.config)
        let changed = diff.sections.filter(\.hasChanges)
        let model = DiffPageModel(
            frame: frame,
            structured: labels.groups(diff.fields),
            changedSections: zip(changed, DiffLabels.headingLevels(changed.map(\.level))).map { labels.section($0, heading: $1) },
            unchangedSections: DiffLabels.unchanged(diff).map { DiffPageModel.Title(title: $0.title.nonEmpty) },
            noChanges: diff.isEmpty,
            fromHref: SitePaths.link(from: path, to: SitePaths.version(company.slug, language, old.version)).nonEmpty,
            toHref: SitePaths.link(from: path, to: SitePaths.version(company.slug, language, new.version)).nonEmpty,
            fromVersion: old.version.description.nonEmpty,
            toVersion: new.version.description.nonEmpty,
            fromEffective: locale.format(before.frontMatter.effective).nonEmpty,
            toEffective: locale.format(after.frontMatter.effective).nonEmpty,
            changelogHref: SitePaths.link(from: path, to: SitePaths.changelog(company.slug, language)).nonEmpty)
        return render(model, template: "diff", language: language, path: path, source: after.path)
    }

    /// A text's sections and sentences as the page renders them, cached per text.
    func prose(_ document: PolicyDocument) -> [ProseSection] {
        diffCache.prose(of: document) { body($0).outline }
    }
}
