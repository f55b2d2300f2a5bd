import PolicyModel
import PolicyTranslations

extension PolicySections {
    /// The controller's contact card: identity, addresses, other entities, DPOs, authorities
    /// and governing law.
    func contact() -> SectionModel.ContactCard {
        let info = company.info
        return SectionModel.ContactCard(
            legalName: info.legalName.nonEmpty,
            address: addressLines(info.address),
            hasAddress: !info.address.isEmpty || info.country != nil,
            country: info.country.map { countryLine($0, after: info.address) }?.nonEmpty,
            email: info.privacyEmail?.nonEmpty,
            phone: info.phone?.nonEmpty,
            phoneLink: info.phone.map(phoneLink)?.nonEmpty,
            website: info.website.flatMap(safeURL)?.nonEmpty,
            responseTime: info.responseTime.map { t.format("contact.response_time_value", ["duration": locale.format($0)]) }?.nonEmpty,
            hasChannel: info.privacyEmail != nil || info.phone != nil || info.website != nil,
            entities: info.entities.map(entity),
            dpos: info.dpos.map(dpo),
            dpoNotAppointed: info.dpoNotAppointed.map { t.format("contact.dpo_not_appointed", ["reason": $0]) }?.nonEmpty,
            registrations: info.registrations.map { registration in
                SectionModel.Registration(
                    text: t.format(
                        "contact.registration", ["authority": t["jurisdiction.\(registration.jurisdiction.id).authority"], "reference": registration.reference]
                    ).nonEmpty)
            },
            authorities: authorities(),
            authority: info.supervisoryAuthority.map { authority in
                SectionModel.Authority(
                    name: authority.name.nonEmpty, country: .some(authority.country.map(locale.countryName)?.nonEmpty),
                    website: authority.website.flatMap(safeURL)?.nonEmpty)
            },
            governingLaw: info.governingLaw.map { t.format("contact.governing_law_value", ["country": locale.countryName($0.country)]).nonEmpty },
            courts: info.governingLaw.map { law in law.courts.map { t.format("contact.courts_value", ["country": locale.countryName($0)]) }?.nonEmpty })
    }

    /// The authorities of the declared regimes, with their websites; the company's own
    /// `supervisory_authority` is shown separately when it names one.
    private func authorities() -> [SectionModel.Authority] {
        company.info.jurisdictions.map { id in
            SectionModel.Authority(
                name: t["jurisdiction.\(id.id).authority"].nonEmpty, country: nil,
                website: registry[id.id]?.authorityWebsite.flatMap(safeURL)?.nonEmpty)
        }
    }

    private func entity(_ entity: LegalEntity) -> SectionModel.Entity {
        SectionModel.Entity(
            role: t["entity_role.\(entity.role.rawValue)"].nonEmpty,
            legalName: entity.legalName.nonEmpty,
            contactName: entity.contactName?.nonEmpty,
            serves: regions(entity.regions).nonEmpty,
            address: addressLines(entity.address),
            country: entity.country.map { countryLine($0, after: entity.address) }?.nonEmpty,
            email: entity.email?.nonEmpty,
            phone: entity.phone?.nonEmpty,
            phoneLink: entity.phone.map(phoneLink)?.nonEmpty,
            website: entity.website.flatMap(safeURL)?.nonEmpty)
    }

    private func dpo(_ person: ContactPerson) -> SectionModel.DPO {
        SectionModel.DPO(
            name: person.name?.nonEmpty,
            email: person.email?.nonEmpty,
            phone: person.phone?.nonEmpty,
            phoneLink: person.phone.map(phoneLink)?.nonEmpty,
            address: addressLines(person.address),
            country: person.country.map { countryLine($0, after: person.address) }?.nonEmpty,
            serves: regions(person.regions).nonEmpty)
    }

    private func addressLines(_ lines: [String]) -> [SectionModel.AddressLine] { lines.map { SectionModel.AddressLine(line: $0.nonEmpty) } }

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
