// What each content file's YAML looks like, next to nothing but the model: every object's
// properties come from the `CodingKeys` its decoder reads (see `JSONSchema.object`). The value
// types' patterns mirror their parsers; the schema tests check both accept the same files.

extension StrictEnum {
    public static var jsonSchema: JSONSchema { .enumeration(allCases.map(\.rawValue)) }
}

extension PolicyDate: SchemaDescribed {
    public static var jsonSchema: JSONSchema {
        .string("An ISO 8601 date, YYYY-MM-DD (or YYYY-MM for a month).", pattern: #"^\d{4}-\d{2}(-\d{2})?$"#, examples: ["2025-01-31"])
    }
}

extension PolicyVersionNumber: SchemaDescribed {
    public static var jsonSchema: JSONSchema {
        // An unquoted `1.0` is a number to YAML tools; the decoder reads its text, so both are accepted.
        var schema = JSONSchema.string(
            "MAJOR.MINOR or MAJOR.MINOR.PATCH; quote it (\"1.10\") so tools do not read a number.", pattern: #"^\d+\.\d+(\.\d+)?$"#, examples: ["1.0"])
        schema.types = ["string", "number"]
        return schema
    }
}

extension LanguageCode: SchemaDescribed {
    public static var jsonSchema: JSONSchema {
        .string(
            "A two-letter ISO 639-1 language code, optionally with a region.", pattern: "^[A-Za-z]{2}(-[A-Za-z]{2})?$", examples: ["en", "fr", "ar", "pt-br"])
    }
}

extension CountryCode: SchemaDescribed {
    public static var jsonSchema: JSONSchema {
        .string("An ISO 3166-1 alpha-2 country code.", pattern: "^[A-Za-z]{2}$", examples: ["FR", "MA", "TN", "IN", "US"])
    }
}

extension JurisdictionID: SchemaDescribed {
    /// The ids come from the theme's `jurisdictions.yml`, written once in the document's definitions.
    public static var jsonSchema: JSONSchema { .ref("jurisdiction") }

    public static func definition(ids: [String]) -> JSONSchema {
        ids.isEmpty
            ? .string("A privacy regime defined in the theme's jurisdictions.yml.", pattern: "^[a-z0-9]+(-[a-z0-9]+)*$")
            : .enumeration(ids, "A privacy regime defined in the theme's jurisdictions.yml.")
    }
}

extension RegionCode: SchemaDescribed {
    public static var jsonSchema: JSONSchema {
        .anyOf([JurisdictionID.jsonSchema, .string(nil, pattern: "^[A-Z]{2}$")], "A declared jurisdiction id (gdpr) or a country code in capitals (CH).")
    }
}

extension CookieCategoryID: SchemaDescribed {
    public static var jsonSchema: JSONSchema {
        .string(
            "essential, analytics, preferences, marketing, or a category declared under custom_cookie_categories in site.yml.",
            pattern: "^[a-z][a-z0-9_-]*$", examples: CookieCategoryID.builtIn)
    }
}

extension PolicyDuration: SchemaDescribed {
    public static var jsonSchema: JSONSchema {
        let text = JSONSchema.string(
            "A number and a unit, a range, 'up to …' or 'session'.",
            pattern:
                #"^([sS][eE][sS][sS][iI][oO][nN]|([uU][pP] [tT][oO] )?\d+(-\d+)? ([sS][eE][cC][oO][nN][dD]|[mM][iI][nN][uU][tT][eE]|[hH][oO][uU][rR]|[dD][aA][yY]|[wW][eE][eE][kK]|[mM][oO][nN][tT][hH]|[yY][eE][aA][rR]|[mM][iI][nN])[sS]?)$"#,
            examples: ["14 months", "up to 2 years", "24-48 hours", "session"])
        let event = JSONSchema.object(MappingKey.self, "Until an event, e.g. {until: \"you sign out\"}.", required: [.until]) { key in
            key == .until ? .string("The event that ends it, in the policy's language.") : .integer(minimum: 1)
        }
        var units = JSONSchema.object(MappingKey.self, "Units added up, e.g. {hours: 1, minutes: 30}.") { key in
            key == .until ? .string() : .integer(minimum: 1)
        }
        units.properties["until"] = nil
        units.minProperties = 1
        var onlyUntil = event
        onlyUntil.maxProperties = 1
        return .oneOf([text, onlyUntil, units], "How long: '14 months', 'up to 2 years', 'session', {days: 1, hours: 12} or {until: \"…\"}.")
    }
}

// MARK: - site.yml

extension SiteConfig: SchemaDescribed {
    public static var jsonSchema: JSONSchema {
        .object(CodingKeys.self, "content/site.yml: settings for the whole site.", required: [.title, .baseURL, .defaultLanguage]) { key in
            switch key {
            case .title: .string("The site's name, shown in every page title.")
            case .baseURL: .string("The absolute URL the site is published at.", pattern: "^https?://", examples: ["https://privacy.example.com/"])
            case .defaultLanguage: LanguageCode.jsonSchema.described("The language of the home page and of policies that do not say otherwise.")
            case .theme: .string("The folder under themes/ to render with.", examples: [ThemeLayout.defaultTheme])
            case .description: .string("One sentence for search engines and link previews.")
            case .locales: .map(.string(nil, examples: ["ar-EG"]), keys: LanguageCode.jsonSchema, "The Foundation locale to format each language with.")
            case .options: SiteOptions.jsonSchema
            case .customCookieCategories: .array(CustomCookieCategory.jsonSchema, "Cookie categories beyond essential, analytics, preferences and marketing.")
            }
        }
    }
}

extension SiteOptions: SchemaDescribed {
    public static var jsonSchema: JSONSchema {
        .object(CodingKeys.self, "Rendering options.") { key in
            switch key {
            case .allowRawHTML: .boolean("Render raw HTML written in policy bodies instead of escaping it (off by default).")
            case .missingTranslation: .enumeration(MissingTranslation.allCases.map(\.rawValue), "What a page does for a language its company lacks.")
            }
        }
    }
}

extension CustomCookieCategory: SchemaDescribed {
    public static var jsonSchema: JSONSchema {
        .object(CodingKeys.self, "A site-specific cookie category.", required: [.id, .labels]) { key in
            switch key {
            case .id: .string("The id policies use under cookies: category.", pattern: CookieCategoryID.idPattern)
            case .labels: .map(.string(), keys: LanguageCode.jsonSchema, "Its name in each language.")
            }
        }
    }
}

// MARK: - company.yml

extension CompanyInfo: SchemaDescribed {
    public static var jsonSchema: JSONSchema {
        .object(
            CodingKeys.self, "content/<company>/company.yml: facts about the controller that do not depend on the language.",
            required: [.legalName, .displayName]
        ) { key in
            switch key {
            case .legalName: .string("The controller's full legal name.")
            case .displayName: .string("The name people know the company by.")
            case .slug: .string("URL path segment; defaults to the folder name.", pattern: "^[a-z0-9]+(-[a-z0-9]+)*$")
            case .website: .string("The company's website.", pattern: "^https?://")
            case .address: .array(.string(), "Street address lines, as written on letters.")
            case .country: CountryCode.jsonSchema.described("Where the controller is established.")
            case .governingLaw: GoverningLaw.jsonSchema
            case .privacyEmail: .string("Where privacy questions and requests go.", format: "email")
            case .phone: .string("A phone number in international form.", examples: ["+33 1 23 45 67 89"])
            case .dpo:
                .oneOf(
                    [ContactPerson.jsonSchema, .array(ContactPerson.jsonSchema, minItems: 1)],
                    "The data protection officer, or a list of them for different regions.")
            case .dpoNotAppointed: .string("Why no DPO is appointed, when the policy says so (exclusive with dpo).")
            case .entities: .array(LegalEntity.jsonSchema, "Regional controllers, representatives, group companies and officers.")
            case .jurisdictions: .array(JurisdictionID.jsonSchema, "Privacy regimes the company follows.")
            case .registrations: .array(Registration.jsonSchema, "Registrations with authorities.")
            case .responseTime: PolicyDuration.jsonSchema.described("How quickly the privacy contact answers.")
            case .supervisoryAuthority: SupervisoryAuthority.jsonSchema
            case .languages: .array(LanguageCode.jsonSchema, "Languages the policy is published in; defaults to the language folders present.")
            case .defaultLanguage: LanguageCode.jsonSchema.described("The language translations are made from.")
            case .locales: .map(.string(), keys: LanguageCode.jsonSchema, "Per-language Foundation locale overrides, e.g. ar: ar-MA.")
            }
        }
    }
}

extension GoverningLaw: SchemaDescribed {
    public static var jsonSchema: JSONSchema {
        .object(CodingKeys.self, "The law the policy is governed by.", required: [.country]) { key in
            switch key {
            case .country: CountryCode.jsonSchema
            case .courts: CountryCode.jsonSchema.described("Whose courts hear disputes, when stated.")
            }
        }
    }
}

extension SupervisoryAuthority: SchemaDescribed {
    public static var jsonSchema: JSONSchema {
        .object(CodingKeys.self, "The data protection authority people can complain to.", required: [.name]) { key in
            switch key {
            case .name: .string()
            case .country: CountryCode.jsonSchema
            case .website: .string(nil, pattern: "^https?://")
            }
        }
    }
}

extension LegalEntity: SchemaDescribed {
    public static var jsonSchema: JSONSchema {
        .object(CodingKeys.self, "Another legal entity the policy names.", required: [.role, .legalName]) { key in
            switch key {
            case .role: EntityRole.jsonSchema
            case .legalName: .string()
            case .regions: .array(RegionCode.jsonSchema, "Whom it serves; empty for everyone.")
            case .address: .array(.string())
            case .country: CountryCode.jsonSchema
            case .email: .string(nil, format: "email")
            case .phone: .string()
            case .website: .string(nil, pattern: "^https?://")
            case .contactName: .string("A named person, e.g. the grievance officer.")
            }
        }
    }
}

extension ContactPerson: SchemaDescribed {
    public static var jsonSchema: JSONSchema {
        .object(CodingKeys.self, "A data protection officer or another privacy contact.", requiredAny: [.name, .email, .phone, .address]) { key in
            switch key {
            case .name, .phone: .string()
            case .email: .string(nil, format: "email")
            case .address: .array(.string())
            case .country: CountryCode.jsonSchema
            case .regions: .array(RegionCode.jsonSchema, "Whom this DPO serves when there are several.")
            }
        }
    }
}

extension Registration: SchemaDescribed {
    public static var jsonSchema: JSONSchema {
        .object(CodingKeys.self, "A registration with a regime's authority.", required: [.jurisdiction, .reference]) { key in
            switch key {
            case .jurisdiction: JurisdictionID.jsonSchema
            case .reference: .string("The number or reference the authority gave.")
            }
        }
    }
}

// MARK: - changelog.yml

extension Changelog: SchemaDescribed {
    public static var jsonSchema: JSONSchema {
        .object(CodingKeys.self, "content/<company>/changelog.yml, written by `policysite publish`; published entries never change.") { key in
            switch key {
            case .entries: .array(ChangelogEntry.jsonSchema, "One entry per published version, oldest first.")
            }
        }
    }
}

extension ChangelogEntry: SchemaDescribed {
    public static var jsonSchema: JSONSchema {
        .object(CodingKeys.self, nil, required: [.version, .date, .summary, .archiveHash]) { key in
            switch key {
            case .version: PolicyVersionNumber.jsonSchema
            case .date: PolicyDate.jsonSchema.described("The publication date.")
            case .summary: .string("One sentence for the changelog page and the feed.")
            case .translations: .map(.string(), keys: LanguageCode.jsonSchema, "The summary in other languages.")
            case .changes: .array(.string(), "Change notes.")
            case .archiveHash: .string("SHA-256 of the archived files, recorded at publish time.", pattern: "^[0-9a-f]{64}$")
            }
        }
    }
}
