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
    public var dpo: ContactPerson?
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
        case governingLaw = "governing_law", privacyEmail = "privacy_email", phone, dpo
        case responseTime = "response_time", supervisoryAuthority = "supervisory_authority"
        case languages, defaultLanguage = "default_language", locales
    }

    public init(legalName: String, displayName: String) {
        self.legalName = legalName
        self.displayName = displayName
        address = []
        locales = [:]
    }

    public init(from decoder: Decoder) throws {
        // Every field is decoded on its own so one bad value does not hide the next one.
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let legalName = decoder.lenient(String.self, CodingKeys.legalName, required: true)
        let displayName = decoder.lenient(String.self, CodingKeys.displayName, required: true)
        slug = decoder.lenient(String.self, CodingKeys.slug)
        website = decoder.lenient(String.self, CodingKeys.website)
        address = decoder.lenient([String].self, CodingKeys.address) ?? []
        country = decoder.lenient(CountryCode.self, CodingKeys.country)
        governingLaw = decoder.lenient(GoverningLaw.self, CodingKeys.governingLaw)
        privacyEmail = decoder.lenient(String.self, CodingKeys.privacyEmail)
        phone = decoder.lenient(String.self, CodingKeys.phone)
        dpo = decoder.lenient(ContactPerson.self, CodingKeys.dpo)
        responseTime = decoder.lenient(PolicyDuration.self, CodingKeys.responseTime)
        supervisoryAuthority = decoder.lenient(SupervisoryAuthority.self, CodingKeys.supervisoryAuthority)
        languages = decoder.lenient([LanguageCode].self, CodingKeys.languages)
        defaultLanguage = decoder.lenient(LanguageCode.self, CodingKeys.defaultLanguage)
        locales = decoder.lenient([String: String].self, CodingKeys.locales) ?? [:]
        guard let legalName, let displayName else { throw AlreadyReported() }
        self.legalName = legalName
        self.displayName = displayName
        if let email = privacyEmail, !isPlausibleEmail(email) {
            try c.superDecoder(forKey: .privacyEmail).report(
                ValueError("bad-email", "privacy_email '\(email)' is not an e-mail address", expected: "expected e.g. privacy@example.com"))
        }
        if let website { try c.superDecoder(forKey: .website).requireWebURL(website, field: "website") }
    }
}

func isPlausibleEmail(_ text: String) -> Bool {
    let parts = text.split(separator: "@", omittingEmptySubsequences: false)
    return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !text.contains(" ")
}

/// The law a policy is governed by and, when stated, whose courts hear disputes.
public struct GoverningLaw: Codable, Sendable, Equatable {
    public var country: CountryCode
    public var courts: CountryCode?

    enum CodingKeys: String, CodingKey, CaseIterable { case country, courts }
}

public struct ContactPerson: Codable, Sendable, Equatable {
    public var name: String?
    public var email: String?
    public var phone: String?

    enum CodingKeys: String, CodingKey, CaseIterable { case name, email, phone }
}

public struct SupervisoryAuthority: Codable, Sendable, Equatable {
    public var name: String
    public var country: CountryCode?
    public var website: String?

    enum CodingKeys: String, CodingKey, CaseIterable { case name, country, website }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        country = try c.decodeIfPresent(CountryCode.self, forKey: .country)
        website = try c.decodeIfPresent(String.self, forKey: .website)
        if let website { try c.superDecoder(forKey: .website).requireWebURL(website, field: "website") }
    }
}

extension Decoder {
    /// Links in data must be web addresses: anything else (`javascript:`, relative paths) is
    /// reported where it is written.
    func requireWebURL(_ text: String, field: String) {
        let lowered = text.lowercased()
        guard !(lowered.hasPrefix("https://") || lowered.hasPrefix("http://")) else { return }
        report(ValueError("bad-url", "\(field) '\(text)' is not an absolute http(s) URL", expected: "expected e.g. https://www.example.com"))
    }
}
