import Mustache
import PolicyModel
import PolicyText
import PolicyTranslations

/// The template values of a policy's structured sections (tables and lists), made by
/// `PolicySections` from the typed front matter: every value plain text, flags or lists of
/// them, which the templates escape. `Hashable`, so a section or table row rendered once is
/// found again by its values (`SectionBlocks`, `TableRows`).
enum SectionModel {
    /// A row of the data-collected table.
    struct DataCategory: TemplateModel, Hashable {
        let category: String?
        let items: [Item]
        let source: String?

        static let fields = TemplateFields<Self>([
            "category": .text { $0.category },
            "items": .model(Item.self) { $0.items },
            "source": .text { $0.source },
        ])
    }

    /// An item of a data category.
    struct Item: TemplateModel, Hashable {
        let item: String?

        static let fields = TemplateFields<Self>([
            "item": .text { $0.item }
        ])
    }

    /// A row of the purposes table.
    struct Purpose: TemplateModel, Hashable {
        let purpose: String?
        let legalBasis: String?
        let basisStated: Bool
        let interest: String?

        static let fields = TemplateFields<Self>([
            "purpose": .text { $0.purpose },
            "legal_basis": .text { $0.legalBasis },
            "basis_stated": .value { $0.basisStated },
            "interest": .text { $0.interest },
        ])
    }

    /// A cookie category: its row of the categories table and its own table of cookies.
    struct CookieCategory: TemplateModel, Hashable {
        let id: String?
        let label: String?
        let purpose: String?
        let legalBasis: String?
        let hasCookies: Bool
        let count: String?
        let cookies: [Cookie]
        /// The cookies through the theme's `cookie-row` partial (`TableRows`); nil (absent) without one.
        var rowsHTML: String?

        static let fields = TemplateFields<Self>([
            "id": .text { $0.id },
            "label": .text { $0.label },
            "purpose": .text { $0.purpose },
            "legal_basis": .text { $0.legalBasis },
            "has_cookies": .value { $0.hasCookies },
            "count": .text { $0.count },
            "cookies": .model(Cookie.self) { $0.cookies },
            "rows_html": .value { $0.rowsHTML },
        ])
    }

    /// A row of a cookie table.
    struct Cookie: TemplateModel, Hashable {
        let name: String?
        let provider: String?
        let purpose: String?
        let duration: String?
        let path: String?

        static let fields = TemplateFields<Self>([
            "name": .text { $0.name },
            "provider": .text { $0.provider },
            "purpose": .text { $0.purpose },
            "duration": .text { $0.duration },
            "path": .text { $0.path },
        ])
    }

    /// A row of the retention table.
    struct Retention: TemplateModel, Hashable {
        let data: String?
        let period: String?
        let criteria: String?

        static let fields = TemplateFields<Self>([
            "data": .text { $0.data },
            "period": .text { $0.period },
            "criteria": .text { $0.criteria },
        ])
    }

    /// A row of the recipients table.
    struct ThirdParty: TemplateModel, Hashable {
        let name: String?
        let purpose: String?
        let role: String?
        let processingLocation: String?
        let corporateLocation: String?
        let privacyPolicy: String?

        static let fields = TemplateFields<Self>([
            "name": .text { $0.name },
            "purpose": .text { $0.purpose },
            "role": .text { $0.role },
            "processing_location": .text { $0.processingLocation },
            "corporate_location": .text { $0.corporateLocation },
            "privacy_policy": .text { $0.privacyPolicy },
        ])
    }

    /// The recipients table: its rows and which columns it has.
    struct Recipients: TemplateModel, Hashable {
        let rows: [ThirdParty]
        let hasRole: Bool
        let hasProcessing: Bool
        let hasCorporate: Bool
        let hasLocation: Bool
        let long: Bool
        let count: String?
        /// The rows through the theme's `third-party-row` partial (`TableRows`); nil (absent) without one.
        var rowsHTML: String?

        static let fields = TemplateFields<Self>([
            "rows": .model(ThirdParty.self) { $0.rows },
            "has_role": .value { $0.hasRole },
            "has_processing": .value { $0.hasProcessing },
            "has_corporate": .value { $0.hasCorporate },
            "has_location": .value { $0.hasLocation },
            "long": .value { $0.long },
            "count": .text { $0.count },
            "rows_html": .value { $0.rowsHTML },
        ])
    }

    /// The columns of the recipients table, which a `third-party-row` row sees besides its own values.
    struct Columns: TemplateModel, Hashable {
        let hasRole: Bool
        let hasProcessing: Bool
        let hasCorporate: Bool
        let hasLocation: Bool

        static let fields = TemplateFields<Self>([
            "has_role": .value { $0.hasRole },
            "has_processing": .value { $0.hasProcessing },
            "has_corporate": .value { $0.hasCorporate },
            "has_location": .value { $0.hasLocation },
        ])
    }

    /// A row of the transfers table.
    struct Transfer: TemplateModel, Hashable {
        let destination: String?
        let safeguards: String?

        static let fields = TemplateFields<Self>([
            "destination": .text { $0.destination },
            "safeguards": .text { $0.safeguards },
        ])
    }

    /// The rights section: the rights the policy lists, the regional blocks and how to make a request.
    struct Rights: TemplateModel, Hashable {
        let items: [Right]
        let hasItems: Bool
        let how: String?
        let contact: String?
        let contactEmail: String?
        /// The call to action; nil (`false`) when there is no channel.
        let request: Request?
        let responseTime: String?
        let regional: [RegionalRights]

        static let fields = TemplateFields<Self>([
            "items": .model(Right.self) { $0.items },
            "has_items": .value { $0.hasItems },
            "how": .text { $0.how },
            "contact": .text { $0.contact },
            "contact_email": .text { $0.contactEmail },
            "request": .model(Request.self) { $0.request.map { $0 as Any } ?? false },
            "response_time": .text { $0.responseTime },
            "regional": .model(RegionalRights.self) { $0.regional },
        ])
    }

    /// A right and what it means.
    struct Right: TemplateModel, Hashable {
        let id: String?
        let name: String?
        let description: String?

        static let fields = TemplateFields<Self>([
            "id": .text { $0.id },
            "name": .text { $0.name },
            "description": .text { $0.description },
        ])
    }

    /// The call to action for a rights request.
    struct Request: TemplateModel, Hashable {
        let mailto: String?
        let email: String?
        let phone: String?
        let phoneLink: String?
        let responseTime: String?

        static let fields = TemplateFields<Self>([
            "mailto": .text { $0.mailto },
            "email": .text { $0.email },
            "phone": .text { $0.phone },
            "phone_link": .text { $0.phoneLink },
            "response_time": .text { $0.responseTime },
        ])
    }

    /// One "If you are in …" block.
    struct RegionalRights: TemplateModel, Hashable {
        let id: String?
        let heading: String?
        let intro: String?
        let items: [Right]
        let how: String?
        let contact: String?
        let responseTime: String?
        let authority: String?
        let authorityWebsite: String?
        let authorityBefore: String?
        let authorityAfter: String?

        static let fields = TemplateFields<Self>([
            "id": .text { $0.id },
            "heading": .text { $0.heading },
            "intro": .text { $0.intro },
            "items": .model(Right.self) { $0.items },
            "how": .text { $0.how },
            "contact": .text { $0.contact },
            "response_time": .text { $0.responseTime },
            "authority": .text { $0.authority },
            "authority_website": .text { $0.authorityWebsite },
            "authority_before": .text { $0.authorityBefore },
            "authority_after": .text { $0.authorityAfter },
        ])
    }

    /// The controller's contact card: identity, addresses, other entities, DPOs, authorities and
    /// governing law.
    struct ContactCard: TemplateModel, Hashable {
        let legalName: String?
        let address: [AddressLine]
        let hasAddress: Bool
        let country: String?
        let email: String?
        let phone: String?
        let phoneLink: String?
        let website: String?
        let responseTime: String?
        let hasChannel: Bool
        let entities: [Entity]
        let dpos: [DPO]
        let dpoNotAppointed: String?
        let registrations: [Registration]
        let authorities: [Authority]
        /// The company's own supervisory authority, when it names one (absent otherwise).
        let authority: Authority?
        /// With `courts`, only when the company states its governing law (absent otherwise).
        let governingLaw: String??
        let courts: String??

        static let fields = TemplateFields<Self>([
            "legal_name": .text { $0.legalName },
            "address": .model(AddressLine.self) { $0.address },
            "has_address": .value { $0.hasAddress },
            "country": .text { $0.country },
            "email": .text { $0.email },
            "phone": .text { $0.phone },
            "phone_link": .text { $0.phoneLink },
            "website": .text { $0.website },
            "response_time": .text { $0.responseTime },
            "has_channel": .value { $0.hasChannel },
            "entities": .model(Entity.self) { $0.entities },
            "dpos": .model(DPO.self) { $0.dpos },
            "dpo_not_appointed": .text { $0.dpoNotAppointed },
            "registrations": .model(Registration.self) { $0.registrations },
            "authorities": .model(Authority.self) { $0.authorities },
            "authority": .model(Authority.self) { $0.authority },
            "governing_law": .value { $0.governingLaw.map(\.orFalse) },
            "courts": .value { $0.courts.map(\.orFalse) },
        ])
    }

    /// A line of an address.
    struct AddressLine: TemplateModel, Hashable {
        let line: String?

        static let fields = TemplateFields<Self>([
            "line": .text { $0.line }
        ])
    }

    /// A registration with an authority.
    struct Registration: TemplateModel, Hashable {
        let text: String?

        static let fields = TemplateFields<Self>([
            "text": .text { $0.text }
        ])
    }

    /// A supervisory authority.
    struct Authority: TemplateModel, Hashable {
        let name: String?
        /// Only for the company's own authority.
        let country: String??
        let website: String?

        static let fields = TemplateFields<Self>([
            "name": .text { $0.name },
            "country": .value { $0.country.map(\.orFalse) },
            "website": .text { $0.website },
        ])
    }

    /// Another legal entity of the company (a representative, a subsidiary).
    struct Entity: TemplateModel, Hashable {
        let role: String?
        let legalName: String?
        let contactName: String?
        let serves: String?
        let address: [AddressLine]
        let country: String?
        let email: String?
        let phone: String?
        let phoneLink: String?
        let website: String?

        static let fields = TemplateFields<Self>([
            "role": .text { $0.role },
            "legal_name": .text { $0.legalName },
            "contact_name": .text { $0.contactName },
            "serves": .text { $0.serves },
            "address": .model(AddressLine.self) { $0.address },
            "country": .text { $0.country },
            "email": .text { $0.email },
            "phone": .text { $0.phone },
            "phone_link": .text { $0.phoneLink },
            "website": .text { $0.website },
        ])
    }

    /// A data protection officer.
    struct DPO: TemplateModel, Hashable {
        let name: String?
        let email: String?
        let phone: String?
        let phoneLink: String?
        let address: [AddressLine]
        let country: String?
        let serves: String?

        static let fields = TemplateFields<Self>([
            "name": .text { $0.name },
            "email": .text { $0.email },
            "phone": .text { $0.phone },
            "phone_link": .text { $0.phoneLink },
            "address": .model(AddressLine.self) { $0.address },
            "country": .text { $0.country },
            "serves": .text { $0.serves },
        ])
    }

    /// The first layer of the policy page (`AtAGlance`).
    struct Glance: TemplateModel, Hashable {
        let hasLines: Bool
        let lines: [GlanceLine]

        static let fields = TemplateFields<Self>([
            "has_lines": .value { $0.hasLines },
            "lines": .model(GlanceLine.self) { $0.lines },
        ])
    }

    /// A line of the first layer: the facts of one section.
    /// Every name on every line, `false` when not so: a missing one would resolve up the context
    /// stack to the page's own value of that name.
    struct GlanceLine: TemplateModel, Hashable {
        let id: String?
        let key: String?
        let label: String?
        let items: [String]
        let more: String?
        let request: String?

        static let fields = TemplateFields<Self>([
            "id": .text { $0.id },
            "key": .text { $0.key },
            "label": .text { $0.label },
            "items": .value { $0.items },
            "more": .text { $0.more },
            "request": .text { $0.request },
        ])
    }
}
