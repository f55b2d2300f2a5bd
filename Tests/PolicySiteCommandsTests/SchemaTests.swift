import Foundation
import PolicyFiles
import PolicyModel
import PolicyYAML
import Testing

/// The JSON Schemas in `schemas/` are what the model says, and a real validator
/// (check-jsonschema from PyPI; `scripts/setup --test` installs it) accepts every example file
/// the decoder accepts, rejects what it rejects, and accepts every JSON file a build writes.
@Suite struct SchemaTests {
    static let validator: Bool = {
        guard let result = try? CLI.tool("/usr/bin/env", [CLI.python, "-m", "check_jsonschema", "--version"]) else { return false }
        return result.status == 0
    }()

    static func validate(_ schema: String, _ files: [String]) throws -> CLI.Result {
        try CLI.tool("/usr/bin/env", [CLI.python, "-m", "check_jsonschema", "--schemafile", CLI.root.appendingPathComponent("schemas/\(schema)").path] + files)
    }

    /// Every file named `name` under `folder`, recursively.
    static func files(named matches: (String) -> Bool, under folder: URL) throws -> [String] {
        try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter { matches(($0 as NSString).lastPathComponent) }.sorted()
            .map { folder.appendingPathComponent($0).path }
    }

    /// The front matter of each policy, as its own YAML file (validators read files).
    static func frontMatters(under folder: URL, into output: URL) throws -> [String] {
        try files(named: { $0.hasSuffix(".md") }, under: folder).enumerated().map { index, path in
            let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            let end = try #require(FrontMatter.closingLine(in: lines), "\(path) has no front matter")
            let target = output.appendingPathComponent("\(index)-\((path as NSString).lastPathComponent).yml")
            try lines[1..<end].joined(separator: "\n").write(to: target, atomically: true, encoding: .utf8)
            return target.path
        }
    }

    @Test func theSchemasInTheRepositoryAreWhatTheModelSays() throws {
        let result = try CLI.run(["schema", "--check"])
        #expect(result.status == 0, "schemas/ drifted from the model: \(result.stderr)")
        // And the check can fail: a schema edited by hand is reported.
        let folder = try CLI.temporaryDirectory("schemas")
        let written = try CLI.run(["schema", "--output", folder.path])
        #expect(written.status == 0)
        let company = folder.appendingPathComponent("company.schema.json")
        try read(company).replacingOccurrences(of: "\"legal_name\"", with: "\"legalName\"").write(to: company, atomically: true, encoding: .utf8)
        let drifted = try CLI.run(["schema", "--check", "--output", folder.path])
        #expect(drifted.status == 1)
        #expect(drifted.stderr.contains("company.schema.json: error: the schema differs from the model"))
    }

    @Test(.enabled(if: validator || CLI.checkersRequired, "check-jsonschema is not installed: run `scripts/setup --test`"))
    func everyExampleFileMatchesItsSchema() throws {
        let work = try CLI.temporaryDirectory("frontmatter")
        let contents = ["content", "Tests/Fixtures/replay/v5/content"].map { CLI.root.appendingPathComponent($0) }
        for content in contents {
            for (schema, files) in [
                ("site.schema.json", try Self.files(named: { $0 == "site.yml" }, under: content)),
                ("company.schema.json", try Self.files(named: { $0 == "company.yml" }, under: content)),
                ("changelog.schema.json", try Self.files(named: { $0 == "changelog.yml" }, under: content)),
                ("policy-front-matter.schema.json", try Self.frontMatters(under: content, into: work)),
            ] where !files.isEmpty {
                let result = try Self.validate(schema, files)
                #expect(result.status == 0, "\(schema): \(result.stdout)\(result.stderr)")
            }
        }
        // The fixtures that hold every field of the model.
        let model = CLI.root.appendingPathComponent("Tests/Fixtures/model")
        for (schema, file) in [
            ("company.schema.json", "full-company.yml"), ("company.schema.json", "company-without-dpo.yml"),
            ("policy-front-matter.schema.json", "full-policy.yml"),
        ] {
            let result = try Self.validate(schema, [model.appendingPathComponent(file).path])
            #expect(result.status == 0, "\(file): \(result.stdout)")
        }
        // Each content file names its schema on its first line, for editors.
        let root = CLI.root.appendingPathComponent("content")
        for path in try Self.files(named: { ["site.yml", "company.yml", "changelog.yml"].contains($0) }, under: root) where !path.contains("/versions/") {
            let first = try String(contentsOfFile: path, encoding: .utf8).prefix { $0 != "\n" }
            #expect(first.hasPrefix("# yaml-language-server: $schema="), "\(path)")
            let target = first.split(separator: "=").last.map(String.init) ?? ""
            let resolved = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(target).standardizedFileURL.path
            #expect(FileManager.default.fileExists(atPath: resolved), "\(path) names \(target), which does not exist")
        }
    }

    /// What the decoder rejects for its shape, the schema rejects too.
    @Test(.enabled(if: validator || CLI.checkersRequired, "check-jsonschema is not installed: run `scripts/setup --test`"))
    func theSchemaRejectsWhatTheDecoderRejects() throws {
        let work = try CLI.temporaryDirectory("rejects")
        let cases: [(schema: String, yaml: String)] = [
            ("company.schema.json", "legal_name: A\ndisplay_name: A\nprivacy_emial: a@b.c\n"),
            ("company.schema.json", "display_name: A\n"),
            ("company.schema.json", "legal_name: A\ndisplay_name: A\njurisdictions: [gdrp]\n"),
            ("company.schema.json", "legal_name: A\ndisplay_name: A\nresponse_time: 30 dais\n"),
            ("company.schema.json", "legal_name: A\ndisplay_name: A\ndpo: {}\n"),
            ("site.schema.json", "title: T\nbase_url: privacy.example.com\ndefault_language: en\n"),
            ("site.schema.json", "title: T\nbase_url: https://x.example/\ndefault_language: en\noptions: {missing_translation: hide}\n"),
            ("policy-front-matter.schema.json", "title: T\nversion: \"1\"\neffective: 2025-01-01\nlast_updated: 2025-01-01\n"),
            ("policy-front-matter.schema.json", "title: T\nversion: \"1.0\"\neffective: 2025-31-01x\nlast_updated: 2025-01-01\n"),
            (
                "policy-front-matter.schema.json",
                "title: T\nversion: \"1.0\"\neffective: 2025-01-01\nlast_updated: 2025-01-01\ncookies: [{category: Analytics, purpose: p}]\n"
            ),
            (
                "policy-front-matter.schema.json",
                "title: T\nversion: \"1.0\"\neffective: 2025-01-01\nlast_updated: 2025-01-01\nrights: {items: [{right: forget}]}\n"
            ),
            ("policy-front-matter.schema.json", "title: T\nversion: \"1.0\"\neffective: 2025-01-01\nlast_updated: 2025-01-01\nretention: [{data: logs}]\n"),
            (
                "policy-front-matter.schema.json",
                "title: T\nversion: \"1.0\"\neffective: 2025-01-01\nlast_updated: 2025-01-01\ncookies: [{category: analytics, purpose: p, cookies: [{name: _ga, provider: G, purpose: p, duration: {until: x, days: 2}}]}]\n"
            ),
            ("changelog.schema.json", "entries: [{version: \"1.0\", date: 2025-01-01, summary: s, archive_hash: abc}]\n"),
        ]
        for (index, item) in cases.enumerated() {
            let file = work.appendingPathComponent("case-\(index).yml")
            try item.yaml.write(to: file, atomically: true, encoding: .utf8)
            let result = try Self.validate(item.schema, [file.path])
            #expect(result.status == 1, "case \(index) was accepted: \(item.yaml)")
        }
        // The broken fixtures' unknown fields.
        let unknown = CLI.root.appendingPathComponent("Tests/Fixtures/broken/unknown-field/content")
        let companies = try Self.files(named: { $0 == "company.yml" }, under: unknown)
        let policies = try Self.frontMatters(under: unknown, into: work)
        let results = try [Self.validate("company.schema.json", companies), Self.validate("policy-front-matter.schema.json", policies)]
        #expect(results.contains { $0.status == 1 && $0.stdout.contains("was unexpected") })
    }

    /// Every policy.json, cookies.json and policies.json a build writes matches its published
    /// schema, and every section a policy.json names is an anchor on its page.
    @Test(.enabled(if: validator || CLI.checkersRequired, "check-jsonschema is not installed: run `scripts/setup --test`"))
    func everyGeneratedJSONFileMatchesItsSchema() throws {
        let sites = try CheckedSites.folders()
        for site in [sites.example, sites.large] {
            let policies = try Self.files(named: { $0 == "policy.json" }, under: site)
            let cookies = try Self.files(named: { $0 == "cookies.json" }, under: site)
            #expect(!policies.isEmpty, "\(site.path): \(policies.count) policy.json")
            #expect(!cookies.isEmpty, "\(site.path): no cookies.json")
            for (schema, files) in [
                ("policy.schema.json", policies), ("cookies.schema.json", cookies),
                ("policies.schema.json", [site.appendingPathComponent("policies.json").path]),
            ] {
                let result = try Self.validate(schema, files)
                #expect(result.status == 0, "\(schema): \(result.stdout)")
            }
            // The published copies of the schemas are the repository's.
            #expect(try read(site.appendingPathComponent("schemas/policy.schema.json")) == read(CLI.root.appendingPathComponent("schemas/policy.schema.json")))
            for path in policies {
                struct Policy: Decodable {
                    struct Section: Decodable { var id: String }
                    var sections: [Section]
                }
                let policy = try JSONDecoder().decode(Policy.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
                let page = try read(URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("index.html"))
                #expect(!policy.sections.isEmpty, "\(path)")
                for section in policy.sections { #expect(page.contains("id=\"\(section.id)\""), "\(path): #\(section.id) is not on the page") }
                #expect(page.contains("<link rel=\"alternate\" type=\"application/json\" title=\"policy.json\" href=\"policy.json\">"), "\(path)")
            }
            // The index lists every current policy file it links to.
            let index = try JSONSerialization.jsonObject(with: Data(contentsOf: site.appendingPathComponent("policies.json"))) as? [String: Any]
            let entries = try #require(index?["policies"] as? [[String: Any]])
            #expect(entries.filter { !($0["url"] as? String ?? "").contains("/versions/") }.count == policies.filter { !$0.contains("/versions/") }.count)
        }
    }
}
