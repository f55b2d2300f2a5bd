// The front matter of `content/<company>/<lang>/privacy.md`, described from the same
// `CodingKeys` its decoder reads.

extension PolicyFrontMatter: SchemaDescribed {
    public static var jsonSchema: JSONSchema {
        .object(
            CodingKeys.self, "The YAML front matter of content/<company>/<lang>/privacy.md: the structured parts of a policy.",
            required: [.title, .version, .effective, .lastUpdated]
        ) { key in
            switch key {
            case .title: .string("The policy's title in this language.")
            case .version: PolicyVersionNumber.jsonSchema.described("This text's version; a translation behind its source is flagged stale.")
            case .effective: PolicyDate.jsonSchema.described("The day this version applies from.")
            case .lastUpdated: PolicyDate.jsonSchema.described("The day the text last changed.")
            case .summary: .string("A short summary shown at the top of the page.")
            case .dataCollected: .array(DataCategory.jsonSchema, "The personal data collected, by category.")
            case .purposes: .array(Purpose.jsonSchema, "Why the data is processed, each with its legal basis.")
            case .cookies: .array(CookieCategory.jsonSchema, "The cookie table, one entry per category.")
            case .cookieControls: .string("How visitors can control cookies.")
            case .retention: .array(RetentionRule.jsonSchema, "How long each kind of data is kept.")
            case .rights: RightsSection.jsonSchema
            case .regionalRights: .array(RegionalRights.jsonSchema, "Rights under specific regimes, one block per jurisdiction.")
            case .jurisdictions: .array(JurisdictionID.jsonSchema, "Regimes this policy follows beyond those its company declares.")
            case .thirdParties: .array(ThirdParty.jsonSchema, "Recipients: processors, other controllers, authorities.")
            case .transfers: .array(Transfer.jsonSchema, "Transfers of data to other countries.")
            case .childrenMinAge: .integer("The minimum age of users.", minimum: 0, maximum: 21)
            case .sellsPersonalData: .boolean("false when the policy states personal data is never sold.")
            case .dataRequired: .string("Whether providing data is required, and what follows if it is not provided.")
            case .automatedDecisions: .string("Automated decision-making, including profiling; \"none\" is a statement too.")
            }
        }
    }
}

extension DataCategory: SchemaDescribed {
    public static var jsonSchema: JSONSchema {
        .object(CodingKeys.self, nil, required: [.category]) { key in
            switch key {
            case .category: .string("The category's name, e.g. Identity and contact details.")
            case .items: .array(.string(), "The data in it.")
            case .source: DataSource.jsonSchema.described("provided, automatic or third_party.")
            }
        }
    }
}

extension Purpose: SchemaDescribed {
    public static var jsonSchema: JSONSchema {
        .object(CodingKeys.self, nil, required: [.purpose]) { key in
            switch key {
            case .purpose: .string()
            case .legalBasis: LegalBasis.jsonSchema.described("GDPR Art. 6(1) basis.")
            case .legitimateInterest: .string("The interest pursued, when the basis is legitimate_interests.")
            }
        }
    }
}

extension RetentionRule: SchemaDescribed {
    public static var jsonSchema: JSONSchema {
        .object(
            CodingKeys.self, "How long one kind of data is kept: a period, or the criteria that decide it.", required: [.data],
            requiredAny: [.period, .criteria]
        ) {
            key in
            switch key {
            case .data: .string()
            case .period: PolicyDuration.jsonSchema
            case .after: .string("The event the period counts from, e.g. the end of the contract.")
            case .criteria: .string("How the period is decided when there is no fixed one.")
            }
        }
    }
}

extension ThirdParty: SchemaDescribed {
    public static var jsonSchema: JSONSchema {
        .object(CodingKeys.self, "A recipient: a named company or a category of recipients.", required: [.name, .purpose]) { key in
            switch key {
            case .name: .string()
            case .purpose: .string()
            case .role: ThirdPartyRole.jsonSchema
            case .processingLocation: .string("Where it processes the data.")
            case .corporateLocation: .string("Where it is established, when that differs.")
            case .location: JSONSchema.string().deprecated("Renamed: use processing_location and/or corporate_location.")
            case .privacyPolicy: .string(nil, pattern: "^https?://")
            case .domains:
                .array(
                    .string(nil, pattern: ThirdParty.domainPattern, examples: ["google-analytics.com"]),
                    "The hosts its scripts and requests come from, each covering its subdomains; `policysite scan` matches contacted hosts against them.")
            }
        }
    }
}

extension Transfer: SchemaDescribed {
    public static var jsonSchema: JSONSchema {
        .object(CodingKeys.self, nil, required: [.destination]) { key in
            switch key {
            case .destination: .string("Where data goes, in words.")
            case .country: CountryCode.jsonSchema
            case .safeguards: .string("e.g. standard contractual clauses.")
            }
        }
    }
}

extension CookieCategory: SchemaDescribed {
    public static var jsonSchema: JSONSchema {
        .object(CodingKeys.self, "One category of the cookie table.", required: [.category, .purpose]) { key in
            switch key {
            case .category: CookieCategoryID.jsonSchema
            case .purpose: .string()
            case .legalBasis: LegalBasis.jsonSchema
            case .cookies: .array(Cookie.jsonSchema, "Its cookies; leave out when the policy names none.")
            }
        }
    }
}

extension Cookie: SchemaDescribed {
    public static var jsonSchema: JSONSchema {
        .object(CodingKeys.self, nil, required: [.name, .provider, .purpose]) { key in
            switch key {
            case .name, .provider, .purpose: .string()
            case .duration: PolicyDuration.jsonSchema.described("How long it lasts; leave out when the policy states no expiry.")
            case .path: .string("The part of the site it is limited to.", examples: ["/checkout"])
            }
        }
    }
}

extension RightsSection: SchemaDescribed {
    public static var jsonSchema: JSONSchema {
        .object(CodingKeys.self, "The rights the policy grants and how to use them.", required: [.items]) { key in
            switch key {
            case .contact: .string("Where to send requests; defaults to the company's privacy e-mail.")
            case .responseTime: PolicyDuration.jsonSchema
            case .how: .string("How to make a request.")
            case .items: .array(RightEntry.jsonSchema)
            }
        }
    }
}

extension RightEntry: SchemaDescribed {
    public static var jsonSchema: JSONSchema {
        .object(CodingKeys.self, nil, required: [.right]) { key in
            switch key {
            case .right: Right.jsonSchema
            case .description: .string("What the right means here; the theme's standard wording otherwise.")
            }
        }
    }
}

extension RegionalRights: SchemaDescribed {
    public static var jsonSchema: JSONSchema {
        .object(CodingKeys.self, "Rights under one regime (\"If you are in California…\").", required: [.jurisdiction, .items]) { key in
            switch key {
            case .jurisdiction: JurisdictionID.jsonSchema
            case .intro: .string("Text before the list.")
            case .items: .array(RegionalRightEntry.jsonSchema)
            case .how: .string("How to make a request under this regime.")
            case .contact: .string("Where to send requests; defaults to the general rights contact.")
            case .responseTime: PolicyDuration.jsonSchema
            }
        }
    }
}

extension RegionalRightEntry: SchemaDescribed {
    public static var jsonSchema: JSONSchema {
        .object(CodingKeys.self, nil, required: [.right]) { key in
            switch key {
            case .right: .string("A right from the regime's vocabulary in jurisdictions.yml, e.g. know or opt_out_sale_sharing.")
            case .description: .string()
            }
        }
    }
}
