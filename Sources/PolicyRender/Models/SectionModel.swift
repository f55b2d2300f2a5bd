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
    struct DataCategory: TemplateValue, Hashable {
        let category: String?
        let items: [Item]
        let source: String?

        static let names: Set<String> = ["category", "items", "source"]

        func child(named name: String) -> Any? {
            switch name {
            case "category": category.orFalse
            case "items": items
            case "source": source.orFalse
            default: nil
            }
        }
    }

    /// An item of a data category.
    struct Item: TemplateValue, Hashable {
        let item: String?

        static let names: Set<String> = ["item"]

        func child(named name: String) -> Any? {
            switch name {
            case "item": item.orFalse
            default: nil
            }
        }
    }

    /// A row of the purposes table.
    struct Purpose: TemplateValue, Hashable {
        let purpose: String?
        let legalBasis: String?
        let basisStated: Bool
        let interest: String?

        static let names: Set<String> = ["purpose", "legal_basis", "basis_stated", "interest"]

        func child(named name: String) -> Any? {
            switch name {
            case "purpose": purpose.orFalse
            case "legal_basis": legalBasis.orFalse
            case "basis_stated": basisStated
            case "interest": interest.orFalse
            default: nil
            }
        }
    }

    /// A cookie category: its row of the categories table and its own table of cookies.
    struct CookieCategory: TemplateValue, Hashable {
        let id: String?
        let label: String?
        let purpose: String?
        let legalBasis: String?
        let hasCookies: Bool
        let count: String?
        let cookies: [Cookie]
        /// The cookies through the theme's `cookie-row` partial (`TableRows`); nil (absent) without one.
        var rowsHTML: String?

        static let names: Set<String> = ["id", "label", "purpose", "legal_basis", "has_cookies", "count", "cookies", "rows_html"]

        func child(named name: String) -> Any? {
            switch name {
            case "id": id.orFalse
            case "label": label.orFalse
            case "purpose": purpose.orFalse
            case "legal_basis": legalBasis.orFalse
            case "has_cookies": hasCookies
            case "count": count.orFalse
            case "cookies": cookies
            case "rows_html": rowsHTML
            default: nil
            }
        }
    }

    /// A row of a cookie table.
    struct Cookie: TemplateValue, Hashable {
        let name: String?
        let provider: String?
        let purpose: String?
        let duration: String?
        let path: String?

        static let names: Set<String> = ["name", "provider", "purpose", "duration", "path"]

        func child(named name: String) -> Any? {
            switch name {
            case "name": self.name.orFalse
            case "provider": provider.orFalse
            case "purpose": purpose.orFalse
            case "duration": duration.orFalse
            case "path": path.orFalse
            default: nil
            }
        }
    }

    /// A row of the retention table.
    struct Retention: TemplateValue, Hashable {
        let data: String?
        let period: String?
        let criteria: String?

        static let names: Set<String> = ["data", "period", "criteria"]

        func child(named name: String) -> Any? {
            switch name {
            case "data": data.orFalse
            case "period": period.orFalse
            case "criteria": criteria.orFalse
            default: nil
            }
        }
    }

    /// A row of the recipients table.
    struct ThirdParty: TemplateValue, Hashable {
        let name: String?
        let purpose: String?
        let role: String?
        let processingLocation: String?
        let corporateLocation: String?
        let privacyPolicy: String?

        static let names: Set<String> = ["name", "purpose", "role", "processing_location", "corporate_location", "privacy_policy"]

        func child(named name: String) -> Any? {
            switch name {
            case "name": self.name.orFalse
            case "purpose": purpose.orFalse
            case "role": role.orFalse
            case "processing_location": processingLocation.orFalse
            case "corporate_location": corporateLocation.orFalse
            case "privacy_policy": privacyPolicy.orFalse
            default: nil
            }
        }
    }

    /// The recipients table: its rows and which columns it has.
    struct Recipients: TemplateValue, Hashable {
        let rows: [ThirdParty]
        let hasRole: Bool
        let hasProcessing: Bool
        let hasCorporate: Bool
        let hasLocation: Bool
        let long: Bool
        let count: String?
        /// The rows through the theme's `third-party-row` partial (`TableRows`); nil (absent) without one.
        var rowsHTML: String?

        static let names: Set<String> = ["rows", "has_role", "has_processing", "has_corporate", "has_location", "long", "count", "rows_html"]

        func child(named name: String) -> Any? {
            switch name {
            case "rows": rows
            case "has_role": hasRole
            case "has_processing": hasProcessing
            case "has_corporate": hasCorporate
            case "has_location": hasLocation
            case "long": long
            case "count": count.orFalse
            case "rows_html": rowsHTML
            default: nil
            }
        }
    }

    /// The columns of the recipients table, which a `third-party-row` row sees besides its own values.
    struct Columns: TemplateValue, Hashable {
        let hasRole: Bool
        let hasProcessing: Bool
        let hasCorporate: Bool
        let hasLocation: Bool

        static let names: Set<String> = ["has_role", "has_processing", "has_corporate", "has_location"]

        func child(named name: String) -> Any? {
            switch name {
            case "has_role": hasRole
            case "has_processing": hasProcessing
            case "has_corporate": hasCorporate
            case "has_location": hasLocation
            default: nil
            }
        }
    }

    /// A row of the transfers table.
    struct Transfer: TemplateValue, Hashable {
        let destination: String?
        let safeguards: String?

        static let names: Set<String> = ["destination", "safeguards"]

        func child(named name: String) -> Any? {
            switch name {
            case "destination": destination.orFalse
            case "safeguards": safeguards.orFalse
            default: nil
            }
        }
    }

    /// The rights section: the rights the policy lists, the regional blocks and how to make a request.
    struct Rights: TemplateValue, Hashable {
        let items: [Right]
        let hasItems: Bool
        let how: String?
        let contact: String?
        let contactEmail: String?
        /// The call to action; nil (`false`) when there is no channel.
        let request: Request?
        let responseTime: String?
        let regional: [RegionalRights]

        static let names: Set<String> = ["items", "has_items", "how", "contact", "contact_email", "request", "response_time", "regional"]

        func child(named name: String) -> Any? {
            switch name {
            case "items": items
            case "has_items": hasItems
            case "how": how.orFalse
            case "contact": contact.orFalse
            case "contact_email": contactEmail.orFalse
            case "request": request.map { $0 as Any } ?? false
            case "response_time": responseTime.orFalse
            case "regional": regional
            default: nil
            }
        }
    }

    /// A right and what it means.
    struct Right: TemplateValue, Hashable {
        let id: String?
        let name: String?
        let description: String?

        static let names: Set<String> = ["id", "name", "description"]

        func child(named name: String) -> Any? {
            switch name {
            case "id": id.orFalse
            case "name": self.name.orFalse
            case "description": description.orFalse
            default: nil
            }
        }
    }

    /// The call to action for a rights request.
    struct Request: TemplateValue, Hashable {
        let mailto: String?
        let email: String?
        let phone: String?
        let phoneLink: String?
        let responseTime: String?

        static let names: Set<String> = ["mailto", "email", "phone", "phone_link", "response_time"]

        func child(named name: String) -> Any? {
            switch name {
            case "mailto": mailto.orFalse
            case "email": email.orFalse
            case "phone": phone.orFalse
            case "phone_link": phoneLink.orFalse
            case "response_time": responseTime.orFalse
            default: nil
            }
        }
    }

    /// One "If you are in …" block.
    struct RegionalRights: TemplateValue, Hashable {
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

        static let names: Set<String> = [
            "id", "heading", "intro", "items", "how", "contact", "response_time", "authority", "authority_website", "authority_before",
            "authority_after",
        ]

        func child(named name: String) -> Any? {
            switch name {
            case "id": id.orFalse
            case "heading": heading.orFalse
            case "intro": intro.orFalse
            case "items": items
            case "how": how.orFalse
            case "contact": contact.orFalse
            case "response_time": responseTime.orFalse
            case "authority": authority.orFalse
            case "authority_website": authorityWebsite.orFalse
            case "authority_before": authorityBefore.orFalse
            case "authority_after": authorityAfter.orFalse
            default: nil
            }
        }
    }

    /// The controller's contact card: identity, addresses, other entities, DPOs, authorities and
    /// governing law.
    struct ContactCard: TemplateValue, Hashable {
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

        static let names: Set<String> = [
            "legal_name", "address", "has_address", "country", "email", "phone", "phone_link", "website", "response_time", "has_channel", "entities",
            "dpos", "dpo_not_appointed", "registrations", "authorities", "authority", "governing_law", "courts",
        ]

        func child(named name: String) -> Any? {
            switch name {
            case "legal_name": legalName.orFalse
            case "address": address
            case "has_address": hasAddress
            case "country": country.orFalse
            case "email": email.orFalse
            case "phone": phone.orFalse
            case "phone_link": phoneLink.orFalse
            case "website": website.orFalse
            case "response_time": responseTime.orFalse
            case "has_channel": hasChannel
            case "entities": entities
            case "dpos": dpos
            case "dpo_not_appointed": dpoNotAppointed.orFalse
            case "registrations": registrations
            case "authorities": authorities
            case "authority": authority
            case "governing_law": governingLaw.map(\.orFalse)
            case "courts": courts.map(\.orFalse)
            default: nil
            }
        }
    }

    /// A line of an address.
    struct AddressLine: TemplateValue, Hashable {
        let line: String?

        static let names: Set<String> = ["line"]

        func child(named name: String) -> Any? {
            switch name {
            case "line": line.orFalse
            default: nil
            }
        }
    }

    /// A registration with an authority.
    struct Registration: TemplateValue, Hashable {
        let text: String?

        static let names: Set<String> = ["text"]

        func child(named name: String) -> Any? {
            switch name {
            case "text": text.orFalse
            default: nil
            }
        }
    }

    /// A supervisory authority.
    struct Authority: TemplateValue, Hashable {
        let name: String?
        /// Only for the company's own authority.
        let country: String??
        let website: String?

        static let names: Set<String> = ["name", "country", "website"]

        func child(named name: String) -> Any? {
            switch name {
            case "name": self.name.orFalse
            case "country": country.map(\.orFalse)
            case "website": website.orFalse
            default: nil
            }
        }
    }

    /// Another legal entity of the company (a representative, a subsidiary).
    struct Entity: TemplateValue, Hashable {
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

        static let names: Set<String> = [
            "role", "legal_name", "contact_name", "serves", "address", "country", "email", "phone", "phone_link", "website",
        ]

        func child(named name: String) -> Any? {
            switch name {
            case "role": role.orFalse
            case "legal_name": legalName.orFalse
            case "contact_name": contactName.orFalse
            case "serves": serves.orFalse
            case "address": address
            case "country": country.orFalse
            case "email": email.orFalse
            case "phone": phone.orFalse
            case "phone_link": phoneLink.orFalse
            case "website": website.orFalse
            default: nil
            }
        }
    }

    /// A data protection officer.
    struct DPO: TemplateValue, Hashable {
        let name: String?
        let email: String?
        let phone: String?
        let phoneLink: String?
        let address: [AddressLine]
        let country: String?
        let serves: String?

        static let names: Set<String> = ["name", "email", "phone", "phone_link", "address", "country", "serves"]

        func child(named name: String) -> Any? {
            switch name {
            case "name": self.name.orFalse
            case "email": email.orFalse
            case "phone": phone.orFalse
            case "phone_link": phoneLink.orFalse
            case "address": address
            case "country": country.orFalse
            case "serves": serves.orFalse
            default: nil
            }
        }
    }

    /// The first layer of the policy page (`AtAGlance`).
    struct Glance: TemplateValue, Hashable {
        let hasLines: Bool
        let lines: [GlanceLine]

        static let names: Set<String> = ["has_lines", "lines"]

        func child(named name: String) -> Any? {
            switch name {
            case "has_lines": hasLines
            case "lines": lines
            default: nil
            }
        }
    }

    /// A line of the first layer: the facts of one section.
    /// Every name on every line, `false` when not so: a missing one would resolve up the context
    /// stack to the page's own value of that name.
    struct GlanceLine: TemplateValue, Hashable {
        let id: String?
        let key: String?
        let label: String?
        let items: [String]
        let more: String?
        let request: String?

        static let names: Set<String> = ["id", "key", "label", "items", "more", "request"]

        func child(named name: String) -> Any? {
            switch name {
            case "id": id.orFalse
            case "key": key.orFalse
            case "label": label.orFalse
            case "items": items
            case "more": more.orFalse
            case "request": request.orFalse
            default: nil
            }
        }
    }
}
