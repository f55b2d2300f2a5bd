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
/// jurisdictions); nothing in them depends on where the page is. They are kept pruned (as
/// `pruned` leaves a page's values), so a page prunes only its own values around them.
final class SectionValues: @unchecked Sendable {
    // `@unchecked` because `[String: Any]` (what swift-mustache takes) is not `Sendable`; safe
    // because every value is a `let` made in `init`, never changed, and holds only strings,
    // flags and collections of them.
    let info: CompanyInfo
    let dataCollected: [[String: Any]]
    let purposes: [[String: Any]]
    let thirdParties: [[String: Any]]
    /// With `rows_html` when the theme has a `third-party-row` partial.
    let recipients: [String: Any]
    let transfers: [[String: Any]]
    let retention: [[String: Any]]
    /// With each category's `rows_html` when the theme has a `cookie-row` partial.
    let cookies: [[String: Any]]
    let rights: [String: Any]?
    let contact: [String: Any]
    /// The first layer of the policy page (`AtAGlance`).
    let glance: [String: Any]

    init(_ page: CompanyPage, renderer: SiteRenderer) {
        let front = page.document.frontMatter
        let locale = renderer.locale(for: page.language, company: page.company)
        let sections = PolicySections(locale: locale, company: page.company, registry: renderer.site.jurisdictions)
        info = page.company.info
        dataCollected = prunedKeepingType(sections.dataCollected(front))
        purposes = prunedKeepingType(sections.purposes(front))
        thirdParties = prunedKeepingType(sections.thirdParties(front))
        recipients = prunedKeepingType(renderer.withRows(recipients: sections.recipients(front), language: page.language))
        transfers = prunedKeepingType(sections.transfers(front))
        retention = prunedKeepingType(sections.retention(front))
        cookies = prunedKeepingType(renderer.withRows(sections.cookies(front, config: renderer.site.config), language: page.language))
        let rights = sections.rights(front)
        self.rights = rights.map(prunedKeepingType)
        contact = prunedKeepingType(sections.contact())
        glance = prunedKeepingType(AtAGlance(front: front, info: page.company.info, sections: sections).values(request: rights?["request"] as? [String: Any]))
    }

    /// Every value under the name the templates read it by; `rights` is absent (nil) when the
    /// policy lists none.
    var named: [(name: String, value: Any?)] {
        [
            ("data_collected", dataCollected), ("purposes", purposes), ("third_parties", thirdParties), ("recipients", recipients),
            ("transfers", transfers), ("retention", retention), ("cookies", cookies), ("rights", rights), ("contact", contact),
            ("glance", glance),
        ]
    }
}

extension SiteRenderer {
    /// The structured sections of the text `page` shows, in its language, with its company's facts.
    func sectionValues(_ page: CompanyPage) -> SectionValues {
        sectionValuesCache.values(for: page) { SectionValues(page, renderer: self) }
    }
}
