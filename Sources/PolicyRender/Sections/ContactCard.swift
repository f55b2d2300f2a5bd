import PolicyModel
import PolicyTranslations

extension PolicySections {
    /// The controller's contact card: identity, addresses, other entities, DPOs, authorities
    /// and governing law.
    func contact() -> [String: Any] {
        let info = company.info
        var card: [String: Any] = [
            "legal_name": info.legalName,
            "address": info.address.map { ["line": $0] },
            "has_address": !info.address.isEmpty || info.country != nil,
            "country": info.country.map { countryLine($0, after: info.address) } ?? "",
            "email": info.privacyEmail ?? "",
            "phone": info.phone ?? "",
            "phone_link": info.phone.map(phoneLink) ?? "",
            "website": info.website.flatMap(safeURL) ?? "",
            "response_time": info.responseTime.map { t.format("contact.response_time_value", ["duration": locale.format($0)]) } ?? "",
            "has_channel": info.privacyEmail != nil || info.phone != nil || info.website != nil,
            "entities": info.entities.map(entity),
            "dpos": info.dpos.map(dpo),
            "dpo_not_appointed": info.dpoNotAppointed.map { t.format("contact.dpo_not_appointed", ["reason": $0]) } ?? "",
            "registrations": info.registrations.map { registration in
                [
                    "text": t.format(
                        "contact.registration", ["authority": t["jurisdiction.\(registration.jurisdiction.id).authority"], "reference": registration.reference])
                ]
            },
            "authorities": authorities(),
        ]
        if let authority = info.supervisoryAuthority {
            card["authority"] = [
                "name": authority.name, "country": authority.country.map(locale.countryName) ?? "",
                "website": authority.website.flatMap(safeURL) ?? "",
            ]
        }
        if let law = info.governingLaw {
            card["governing_law"] = t.format("contact.governing_law_value", ["country": locale.countryName(law.country)])
            card["courts"] = law.courts.map { t.format("contact.courts_value", ["country": locale.countryName($0)]) } ?? ""
        }
        return card
    }

    /// The authorities of the declared regimes, with their websites; the company's own
    /// `supervisory_authority` is shown separately when it names one.
    private func authorities() -> [[String: Any]] {
        company.info.jurisdictions.map { id in
            ["name": t["jurisdiction.\(id.id).authority"], "website": registry[id.id]?.authorityWebsite.flatMap(safeURL) ?? ""]
        }
    }

    private func entity(_ entity: LegalEntity) -> [String: Any] {
        [
            "role": t["entity_role.\(entity.role.rawValue)"],
            "legal_name": entity.legalName,
            "contact_name": entity.contactName ?? "",
            "serves": regions(entity.regions),
            "address": entity.address.map { ["line": $0] },
            "country": entity.country.map { countryLine($0, after: entity.address) } ?? "",
            "email": entity.email ?? "",
            "phone": entity.phone ?? "",
            "phone_link": entity.phone.map(phoneLink) ?? "",
            "website": entity.website.flatMap(safeURL) ?? "",
        ]
    }

    private func dpo(_ person: ContactPerson) -> [String: Any] {
        [
            "name": person.name ?? "",
            "email": person.email ?? "",
            "phone": person.phone ?? "",
            "phone_link": person.phone.map(phoneLink) ?? "",
            "address": person.address.map { ["line": $0] },
            "country": person.country.map { countryLine($0, after: person.address) } ?? "",
            "serves": regions(person.regions),
        ]
    }

    /// "For the European Economic Area, Switzerland", or "" when it serves everyone.
    private func regions(_ codes: [RegionCode]) -> String {
        guard !codes.isEmpty else { return "" }
        let names = codes.map { code -> String in
            switch code {
            case .jurisdiction(let id): return t["jurisdiction.\(id).region"]
            case .country(let country): return locale.countryName(country)
            }
        }
        return t.format("contact.serves", ["regions": names.joined(separator: t.listSeparator)])
    }

    /// The country under an address, unless the address's last line already names it (in
    /// this language, in English, or as its code): "Fès, Morocco" then "Morocco" reads twice.
    func countryLine(_ country: CountryCode, after address: [String]) -> String {
        let name = locale.countryName(country)
        guard let last = address.last?.lowercased() else { return name }
        let english = PageLocale.englishCountryName(country)
        let spellings = [name.lowercased(), english.lowercased(), country.rawValue.lowercased()]
        let words = Set(last.split(whereSeparator: { !$0.isLetter }).map(String.init))
        return spellings.contains { last.hasSuffix($0) && (words.contains($0) || $0.contains(" ") || last == $0) } ? "" : name
    }

    private func phoneLink(_ phone: String) -> String { phone.filter { $0.isNumber || $0 == "+" } }
}
