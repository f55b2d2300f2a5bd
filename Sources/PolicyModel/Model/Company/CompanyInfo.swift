import PolicyDiagnostics
import PolicyYAML

/// `content/<slug>/company.yml`: language-neutral facts about the controller.
/// Anything in words that differs by language belongs in the policy files instead.
public struct CompanyInfo: Codable, Sendable, Equatable {
    public var legalName: String
    public var displayName: String
    /// URL path segment; defaults to the folder name.
    public var slug: String?
    public var website: String?
    /// Street address lines, as they are written on letters.
    public var address: [String]
    public var country: CountryCode?
    public var governingLaw: GoverningLaw?
    public var privacyEmail: String?
    public var phone: String?
    /// Data protection officers: one, or several for different regions (`dpo:` takes a mapping or a list).
    public var dpos: [ContactPerson]
    /// Why no DPO is appointed, when the policy says so; exclusive with `dpo`.
    public var dpoNotAppointed: String?
    /// Regional controllers, representatives, group companies and officers beside the main controller.
    public var entities: [LegalEntity]
    /// Privacy regimes the company follows; they bring rights wording, authorities and lint items.
    public var jurisdictions: [JurisdictionID]
    /// Registrations with authorities (e.g. the CNDP receipt number in Morocco).
    public var registrations: [Registration]
    /// How quickly the privacy contact answers questions.
    public var responseTime: PolicyDuration?
    public var supervisoryAuthority: SupervisoryAuthority?
    /// Languages the policy is published in; defaults to the language folders present.
    public var languages: [LanguageCode]?
    public var defaultLanguage: LanguageCode?
    /// Per-language Foundation locale overrides, e.g. `ar: ar-MA`.
    public var locales: [String: String]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case legalName = "legal_name", displayName = "display_name", slug, website, address, country
        case governingLaw = "governing_law", privacyEmail = "privacy_email", phone, dpo, dpoNotAppointed = "dpo_not_appointed"
        case entities, jurisdictions, registrations
        case responseTime = "response_time", supervisoryAuthority = "supervisory_authority"
        case languages, defaultLanguage = "default_language", locales
    }

    public init(legalName: String, displayName: String) {
        self.legalName = legalName
        self.displayName = displayName
        address = []
        locales = [:]
        dpos = []
        entities = []
        jurisdictions = []
        registrations = []
    }

    public init(from decoder: any Decoder) throws {
        // Every field is decoded on its own so one bad value does not hide the next one.
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let legalName = try decoder.lenient(String.self, CodingKeys.legalName, required: true)
        let displayName = try decoder.lenient(String.self, CodingKeys.displayName, required: true)
        slug = try decoder.lenient(String.self, CodingKeys.slug)
        website = try decoder.lenient(String.self, CodingKeys.website)
        address = try decoder.lenient([String].self, CodingKeys.address) ?? []
        country = try decoder.lenient(CountryCode.self, CodingKeys.country)
        governingLaw = try decoder.lenient(GoverningLaw.self, CodingKeys.governingLaw)
        privacyEmail = try decoder.lenient(String.self, CodingKeys.privacyEmail)
        phone = try decoder.lenient(String.self, CodingKeys.phone)
        dpos = try decoder.lenientOneOrMany(ContactPerson.self, CodingKeys.dpo)
        dpoNotAppointed = try decoder.lenient(String.self, CodingKeys.dpoNotAppointed)
        entities = try decoder.lenientList(LegalEntity.self, CodingKeys.entities)
        jurisdictions = try decoder.lenientList(JurisdictionID.self, CodingKeys.jurisdictions)
        registrations = try decoder.lenientList(Registration.self, CodingKeys.registrations)
        responseTime = try decoder.lenient(PolicyDuration.self, CodingKeys.responseTime)
        supervisoryAuthority = try decoder.lenient(SupervisoryAuthority.self, CodingKeys.supervisoryAuthority)
        languages = try decoder.lenient([LanguageCode].self, CodingKeys.languages)
        defaultLanguage = try decoder.lenient(LanguageCode.self, CodingKeys.defaultLanguage)
        locales = try decoder.lenient([String: String].self, CodingKeys.locales) ?? [:]
        if let legalName { try decoder.requireLine(legalName, c, .legalName) }
        if let displayName { try decoder.requireLine(displayName, c, .displayName) }
        guard let legalName, let displayName else { throw AlreadyReported() }
        self.legalName = legalName
        self.displayName = displayName
        if let email = privacyEmail, !isPlausibleEmail(email) {
            try c.superDecoder(forKey: .privacyEmail).report(
                ValueError(.badEmail, "privacy_email '\(email)' is not an e-mail address", expected: "expected e.g. privacy@example.com"))
        }
        if let website { try c.superDecoder(forKey: .website).requireWebURL(website, field: "website") }
        if !dpos.isEmpty, dpoNotAppointed != nil {
            try c.superDecoder(forKey: .dpoNotAppointed).report(
                ValueError(
                    .conflictingFields, "dpo_not_appointed is set but a DPO is listed under dpo",
                    expected: "expected either dpo (the officers) or dpo_not_appointed (why there is none), not both"))
        }
        var seen = Set<String>()
        for jurisdiction in jurisdictions where !seen.insert(jurisdiction.id).inserted {
            try ((try? c.superDecoder(forKey: .jurisdictions)) ?? decoder).report(
                ValueError(.duplicateJurisdiction, "jurisdiction '\(jurisdiction)' is listed twice", expected: "expected each regime once"))
        }
        let declared = Set(jurisdictions.map(\.id))
        let regions = entities.flatMap(\.regions) + dpos.flatMap(\.regions)
        for case .jurisdiction(let id) in regions where !declared.contains(id) {
            try ((try? c.superDecoder(forKey: .jurisdictions)) ?? decoder).report(
                ValueError(
                    .undeclaredJurisdiction, "an entity or DPO serves '\(id)', which this company does not declare",
                    expected: "expected '\(id)' under jurisdictions, or a country code in regions"))
        }
        for registration in registrations where !declared.contains(registration.jurisdiction.id) {
            try ((try? c.superDecoder(forKey: .registrations)) ?? decoder).report(
                ValueError(
                    .undeclaredJurisdiction, "a registration names '\(registration.jurisdiction)', which this company does not declare",
                    expected: "expected '\(registration.jurisdiction)' under jurisdictions"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(legalName, forKey: .legalName)
        try c.encode(displayName, forKey: .displayName)
        try c.encodeIfPresent(slug, forKey: .slug)
        try c.encodeIfPresent(website, forKey: .website)
        if !address.isEmpty { try c.encode(address, forKey: .address) }
        try c.encodeIfPresent(country, forKey: .country)
        try c.encodeIfPresent(governingLaw, forKey: .governingLaw)
        try c.encodeIfPresent(privacyEmail, forKey: .privacyEmail)
        try c.encodeIfPresent(phone, forKey: .phone)
        if !dpos.isEmpty { try c.encode(dpos, forKey: .dpo) }
        try c.encodeIfPresent(dpoNotAppointed, forKey: .dpoNotAppointed)
        if !entities.isEmpty { try c.encode(entities, forKey: .entities) }
        if !jurisdictions.isEmpty { try c.encode(jurisdictions, forKey: .jurisdictions) }
        if !registrations.isEmpty { try c.encode(registrations, forKey: .registrations) }
        try c.encodeIfPresent(responseTime, forKey: .responseTime)
        try c.encodeIfPresent(supervisoryAuthority, forKey: .supervisoryAuthority)
        try c.encodeIfPresent(languages, forKey: .languages)
        try c.encodeIfPresent(defaultLanguage, forKey: .defaultLanguage)
        if !locales.isEmpty { try c.encode(locales, forKey: .locales) }
    }

    /// The first DPO, for places that show one.
    public var dpo: ContactPerson? { dpos.first }
}

func isPlausibleEmail(_ text: String) -> Bool {
    let parts = text.split(separator: "@", omittingEmptySubsequences: false)
    return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !text.contains(" ")
}

extension Decoder {
    /// Links in data must be web addresses: anything else (`javascript:`, relative paths) is
    /// reported where it is written.
    func requireWebURL(_ text: String, field: String) throws {
        let lowered = text.lowercased()
        guard !(lowered.hasPrefix("https://") || lowered.hasPrefix("http://")) else { return }
        try report(ValueError(.badURL, "\(field) '\(text)' is not an absolute http(s) URL", expected: "expected e.g. https://www.example.com"))
    }
}
