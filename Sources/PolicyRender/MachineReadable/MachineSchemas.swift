public import PolicyModel
import PolicyTranslations

/// The published schemas of the JSON files a build writes (`policy.json`, `cookies.json`,
/// `policies.json`), built from the same `CodingKeys` the encoders write and from the content
/// schemas for the parts that are content (`policy`, `controller`).
public enum MachineSchemas {
    public static var files: [ContentSchemas.File] {
        [
            ContentSchemas.File(name: "policy.schema.json", title: "PolicySite policy.json", schema: policy),
            ContentSchemas.File(name: "cookies.schema.json", title: "PolicySite cookies.json", schema: cookies),
            ContentSchemas.File(name: "policies.schema.json", title: "PolicySite policies.json", schema: index),
        ]
    }

    /// Each file's bytes, as published in the site's `schemas/` and the repository's.
    public static func documents(jurisdictions: [String]) -> [(name: String, data: [UInt8])] {
        ContentSchemas.documents(files, jurisdictions: jurisdictions)
    }

    /// Every schema a site has: the content files' (for editors) and the JSON files' (published).
    public static func siteDocuments(jurisdictions: [String]) -> [(name: String, data: [UInt8])] {
        ContentSchemas.documents(jurisdictions: jurisdictions) + documents(jurisdictions: jurisdictions)
    }

    static let url = JSONSchema.string(nil, format: "uri", examples: ["https://privacy.example.com/acme/en/"])
    static let slug = JSONSchema.string("The company's URL segment.", pattern: "^[a-z0-9]+(-[a-z0-9]+)*$")
    static let status = JSONSchema.enumeration(
        ["current", "upcoming", "archived"], "current: in force; upcoming: published, effective later; archived: replaced.")

    static var policy: JSONSchema {
        .object(PolicyJSON.CodingKeys.self, "One policy text as data: its facts, version, dates and sections.", required: Array(PolicyJSON.CodingKeys.allCases))
        { key in
            switch key {
            case .schema: url
            case .company: slug
            case .controller: CompanyInfo.jsonSchema
            case .language: LanguageCode.jsonSchema.described("The language of the text.")
            case .version: PolicyVersionNumber.jsonSchema
            case .effective, .lastUpdated: PolicyDate.jsonSchema
            case .status: status
            case .url: url.described("The HTML page this text is shown on.")
            case .sections: .array(section, "The headings of the text at every level, with their anchors on the page.")
            case .policy: PolicyFrontMatter.jsonSchema
            case .versions: .array(versionLink, "Published versions, oldest first.")
            }
        }
    }

    static var section: JSONSchema {
        .object(PolicyJSON.Section.CodingKeys.self, required: Array(PolicyJSON.Section.CodingKeys.allCases)) { key in
            switch key {
            case .id: .string("The heading's id on the page.")
            case .title: .string()
            case .level: .integer(minimum: 1, maximum: 6)
            case .url: url
            }
        }
    }

    static var versionLink: JSONSchema {
        .object(PolicyJSON.VersionLink.CodingKeys.self, required: Array(PolicyJSON.VersionLink.CodingKeys.allCases)) { key in
            switch key {
            case .version: PolicyVersionNumber.jsonSchema
            case .date: PolicyDate.jsonSchema.described("The day the version was published (announced).")
            case .effective: PolicyDate.jsonSchema.described("The day the version takes or took effect.")
            case .status: status
            case .summary: .string()
            case .url, .json: url
            }
        }
    }

    static var cookies: JSONSchema {
        .object(
            CookiesJSON.CodingKeys.self, "The cookie table in the shape a consent banner loads.",
            required: [.schema, .company, .language, .version, .policyURL, .categories]
        ) { key in
            switch key {
            case .schema, .policyURL: url
            case .company: slug
            case .language: LanguageCode.jsonSchema
            case .version: PolicyVersionNumber.jsonSchema
            case .controls: .string("How visitors can control cookies.")
            case .categories: .array(cookieCategory)
            }
        }
    }

    static var cookieCategory: JSONSchema {
        .object(CookiesJSON.Category.CodingKeys.self, required: [.id, .label, .purpose, .consentRequired, .cookies]) { key in
            switch key {
            case .id: CookieCategoryID.jsonSchema
            case .label: .string("The category's name in the file's language.")
            case .purpose: .string()
            case .consentRequired: .boolean("False only for essential cookies, which are set without consent.")
            case .legalBasis: LegalBasis.jsonSchema
            case .cookies: .array(cookie)
            }
        }
    }

    static var cookie: JSONSchema {
        .object(CookiesJSON.Item.CodingKeys.self, required: [.name, .provider, .purpose, .session]) { key in
            switch key {
            case .name, .provider, .purpose: .string()
            case .duration: PolicyDuration.jsonSchema
            case .durationText: .string("The lifetime in the file's language.")
            case .maxAgeSeconds: .integer("Upper bound of the lifetime in seconds (a month counts 31 days, a year 366).", minimum: 0)
            case .session: .boolean("True when the cookie ends with the browser session.")
            case .path: .string()
            }
        }
    }

    static var index: JSONSchema {
        .object(PoliciesIndex.CodingKeys.self, "Every policy of the site, current and archived.", required: Array(PoliciesIndex.CodingKeys.allCases)) { key in
            switch key {
            case .schema, .site: url
            case .generator: .string()
            case .policies: .array(indexEntry)
            }
        }
    }

    static var indexEntry: JSONSchema {
        .object(PoliciesIndex.Entry.CodingKeys.self, required: [.company, .name, .language, .version, .lastUpdated, .effective, .status, .url, .json]) { key in
            switch key {
            case .company: slug
            case .name: .string()
            case .language: LanguageCode.jsonSchema
            case .version: PolicyVersionNumber.jsonSchema
            case .lastUpdated: PolicyDate.jsonSchema
            case .effective: PolicyDate.jsonSchema.described("The day the version takes or took effect.")
            case .status: status
            case .url, .json, .cookies: url
            }
        }
    }
}
