import PolicyModel
import PolicyTranslations
import Synchronization

/// The template values of a policy text's structured sections (tables and lists) in one
/// language, table rows rendered in, made once per build and read by every page that shows
/// them.
///
/// One text is on several pages: the policy page, its cookies, rights and contact pages, and
/// the page of the version it was published as. Each page made the same values again, and
/// with them the lookups of every table row's HTML. They follow from the text, the page's
/// language (its UI strings and locale) and the company's facts as the page shows them, and
/// from what is the same for the whole build (the site's options, the theme, the
/// jurisdictions); nothing in them depends on where the page is. Their empty values are
/// decided in the models (`SectionModel`), so a page adds its own values around them.
final class SectionValues: Sendable {
    let info: CompanyInfo
    let dataCollected: [SectionModel.DataCategory]
    let purposes: [SectionModel.Purpose]
    let thirdParties: [SectionModel.ThirdParty]
    /// With `rows_html` when the theme has a `third-party-row` partial.
    let recipients: SectionModel.Recipients
    let transfers: [SectionModel.Transfer]
    let retention: [SectionModel.Retention]
    /// With each category's `rows_html` when the theme has a `cookie-row` partial.
    let cookies: [SectionModel.CookieCategory]
    /// Nil when the policy lists no rights.
    let rights: SectionModel.Rights?
    let contact: SectionModel.ContactCard
    /// The first layer of the policy page (`AtAGlance`).
    let glance: SectionModel.Glance

    init(_ page: CompanyPage, renderer: SiteRenderer) {
        let front = page.document.frontMatter
        let locale = renderer.locale(for: page.language, company: page.company)
        let sections = PolicySections(locale: locale, company: page.company, registry: renderer.site.jurisdictions)
        info = page.company.info
        dataCollected = sections.dataCollected(front)
        purposes = sections.purposes(front)
        thirdParties = sections.thirdParties(front)
        recipients = renderer.withRows(recipients: sections.recipients(front), language: page.language)
        transfers = sections.transfers(front)
        retention = sections.retention(front)
        cookies = renderer.withRows(sections.cookies(front, config: renderer.site.config), language: page.language)
        rights = sections.rights(front)
        contact = sections.contact()
        glance = AtAGlance(front: front, info: page.company.info, sections: sections).values(request: rights?.request)
    }

    /// The value the templates read by `name`, or nil for a name that is not a section's
    /// (`rights` is absent when the policy lists none).
    func child(named name: String) -> Any? {
        switch name {
        case "data_collected": dataCollected
        case "purposes": purposes
        case "third_parties": thirdParties
        case "recipients": recipients
        case "transfers": transfers
        case "retention": retention
        case "cookies": cookies
        case "rights": rights
        case "contact": contact
        case "glance": glance
        default: nil
        }
    }

    static let names: Set<String> = [
        "data_collected", "purposes", "third_parties", "recipients", "transfers", "retention", "cookies", "rights", "contact", "glance",
    ]
}

extension SiteRenderer {
    /// The structured sections of the text `page` shows, in its language, with its company's facts.
    func sectionValues(_ page: CompanyPage) -> SectionValues {
        sectionValuesCache.values(for: page) { SectionValues(page, renderer: self) }
    }
}
