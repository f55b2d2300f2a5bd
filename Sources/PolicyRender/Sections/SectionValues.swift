import Mustache
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
final class SectionValues: TemplateModel, Sendable {
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

    convenience init(_ page: CompanyPage, renderer: SiteRenderer) {
        let front = page.document.frontMatter
        let locale = renderer.locale(for: page.language, company: page.company)
        let sections = PolicySections(locale: locale, company: page.company, registry: renderer.site.jurisdictions)
        let rights = sections.rights(front)
        self.init(
            info: page.company.info,
            dataCollected: sections.dataCollected(front),
            purposes: sections.purposes(front),
            thirdParties: sections.thirdParties(front),
            recipients: renderer.withRows(recipients: sections.recipients(front), language: page.language),
            transfers: sections.transfers(front),
            retention: sections.retention(front),
            cookies: renderer.withRows(sections.cookies(front, config: renderer.site.config), language: page.language),
            rights: rights,
            contact: sections.contact(),
            glance: AtAGlance(front: front, info: page.company.info, sections: sections).values(request: rights?.request))
    }

    init(
        info: CompanyInfo, dataCollected: [SectionModel.DataCategory], purposes: [SectionModel.Purpose], thirdParties: [SectionModel.ThirdParty],
        recipients: SectionModel.Recipients, transfers: [SectionModel.Transfer], retention: [SectionModel.Retention],
        cookies: [SectionModel.CookieCategory], rights: SectionModel.Rights?, contact: SectionModel.ContactCard, glance: SectionModel.Glance
    ) {
        self.info = info
        self.dataCollected = dataCollected
        self.purposes = purposes
        self.thirdParties = thirdParties
        self.recipients = recipients
        self.transfers = transfers
        self.retention = retention
        self.cookies = cookies
        self.rights = rights
        self.contact = contact
        self.glance = glance
    }

    /// The values the templates read by name (`rights` is absent when the policy lists none).
    static let fields = TemplateFields<SectionValues>([
        "data_collected": .model(SectionModel.DataCategory.self) { $0.dataCollected },
        "purposes": .model(SectionModel.Purpose.self) { $0.purposes },
        "third_parties": .model(SectionModel.ThirdParty.self) { $0.thirdParties },
        "recipients": .model(SectionModel.Recipients.self) { $0.recipients },
        "transfers": .model(SectionModel.Transfer.self) { $0.transfers },
        "retention": .model(SectionModel.Retention.self) { $0.retention },
        "cookies": .model(SectionModel.CookieCategory.self) { $0.cookies },
        "rights": .model(SectionModel.Rights.self) { $0.rights },
        "contact": .model(SectionModel.ContactCard.self) { $0.contact },
        "glance": .model(SectionModel.Glance.self) { $0.glance },
    ])
}

extension SiteRenderer {
    /// The structured sections of the text `page` shows, in its language, with its company's facts.
    func sectionValues(_ page: CompanyPage) -> SectionValues {
        sectionValuesCache.values(for: page) { SectionValues(page, renderer: self) }
    }
}
