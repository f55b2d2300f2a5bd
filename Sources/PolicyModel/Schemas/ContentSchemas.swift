/// The schemas of the files people write, published in `schemas/` and referenced from each
/// file's first line (`# yaml-language-server: $schema=…`).
public enum ContentSchemas {
    public struct File: Sendable {
        /// File name under `schemas/`.
        public var name: String
        public var title: String
        public var schema: JSONSchema

        public init(name: String, title: String, schema: JSONSchema) {
            self.name = name
            self.title = title
            self.schema = schema
        }
    }

    public static let baseID = "https://policysite.dev/schemas/"

    public static var files: [File] {
        [
            File(name: "site.schema.json", title: "PolicySite site.yml", schema: SiteConfig.jsonSchema),
            File(name: "company.schema.json", title: "PolicySite company.yml", schema: CompanyInfo.jsonSchema),
            File(name: "policy-front-matter.schema.json", title: "PolicySite privacy.md front matter", schema: PolicyFrontMatter.jsonSchema),
            File(name: "changelog.schema.json", title: "PolicySite changelog.yml", schema: Changelog.jsonSchema),
        ]
    }

    /// Each file's bytes; `jurisdictions` are the ids the theme defines (an editor then offers them).
    public static func documents(jurisdictions: [String]) -> [(name: String, data: [UInt8])] {
        documents(files, jurisdictions: jurisdictions)
    }

    /// The bytes of `files`, with the jurisdiction ids defined once in each.
    public static func documents(_ files: [File], jurisdictions: [String]) -> [(name: String, data: [UInt8])] {
        files.map { file in
            let data = file.schema.document(
                id: baseID + file.name, title: file.title, definitions: ["jurisdiction": JurisdictionID.definition(ids: jurisdictions)])
            return (file.name, Array(data))
        }
    }
}
