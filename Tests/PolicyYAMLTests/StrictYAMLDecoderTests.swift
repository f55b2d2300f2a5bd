import PolicyDiagnostics
import PolicyModel
import Testing

@testable import PolicyYAML

@Suite("StrictYAMLDecoder")
struct StrictYAMLDecoderTests {
    let companyKeys =
        "legal_name, display_name, slug, website, address, country, governing_law, privacy_email, phone, dpo, dpo_not_appointed, entities, jurisdictions, registrations, response_time, supervisory_authority, languages, default_language, locales"

    @Test func decodesValidDocumentWithoutDiagnostics() throws {
        let yaml = """
            legal_name: Acme Ltd
            display_name: Acme
            country: ma
            response_time: 30 days
            languages: [en, fr]
            """
        let (info, diagnostics) = StrictYAMLDecoder(file: "company.yml").decode(CompanyInfo.self, from: yaml)
        #expect(diagnostics.isEmpty)
        let decoded = try #require(info)
        #expect(decoded.legalName == "Acme Ltd")
        #expect(decoded.country?.rawValue == "MA")
        #expect(decoded.responseTime?.description == "30 days")
        #expect(decoded.languages?.map(\.rawValue) == ["en", "fr"])
    }

    @Test func unknownFieldSuggestsClosestName() throws {
        let yaml = """
            legal_name: Acme Ltd
            display_name: Acme
            privacy_emial: privacy@acme.example
            """
        let (info, diagnostics) = StrictYAMLDecoder(file: "content/acme/company.yml").decode(CompanyInfo.self, from: yaml)
        #expect(info != nil, "an unknown field is not fatal")
        #expect(
            diagnostics.map(\.description) == [
                "content/acme/company.yml:3:1: error: unknown field 'privacy_emial' (did you mean 'privacy_email'?); expected one of: \(companyKeys)"
            ])
        #expect(diagnostics.first?.code == "unknown-field")
    }

    @Test func unknownFieldWithoutCloseMatchHasNoSuggestion() {
        let yaml = "legal_name: A\ndisplay_name: B\nfax: 2\n"
        let (_, diagnostics) = StrictYAMLDecoder(file: "c.yml").decode(CompanyInfo.self, from: yaml)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message == "unknown field 'fax'")
        #expect(!(diagnostics.first?.description.contains("did you mean") ?? true))
    }

    @Test func unknownNestedFieldNamesItsPlace() {
        let yaml = "legal_name: A\ndisplay_name: B\ndpo:\n  name: Jane\n  emali: jane@example.org\n"
        let (_, diagnostics) = StrictYAMLDecoder(file: "c.yml").decode(CompanyInfo.self, from: yaml)
        #expect(diagnostics.map(\.message) == ["unknown field 'emali' in 'dpo' (did you mean 'email'?)"])
        #expect(diagnostics.first?.location.line == 5)
        #expect(diagnostics.first?.location.column == 3)
    }

    @Test func missingRequiredField() {
        let (info, diagnostics) = StrictYAMLDecoder(file: "content/beta/company.yml").decode(CompanyInfo.self, from: "display_name: Beta\n")
        #expect(info == nil)
        #expect(
            diagnostics.map(\.description) == [
                "content/beta/company.yml:1:1: error: missing required field 'legal_name'; expected a value for 'legal_name'; see docs/content-format.md"
            ])
        #expect(diagnostics.first?.code == "missing-field")
    }

    @Test func wrongTypeIsLocatedAtTheValue() {
        let yaml = "title: [a, b]\nbase_url: https://example.org/\ndefault_language: en\n"
        let (config, diagnostics) = StrictYAMLDecoder(file: "site.yml").decode(SiteConfig.self, from: yaml)
        #expect(config == nil)
        #expect(diagnostics.count == 1)
        let diagnostic = diagnostics.first
        #expect(diagnostic?.code == "wrong-type")
        #expect(diagnostic?.message == "'title' is a list")
        #expect(diagnostic?.expected == "expected text")
        #expect(diagnostic?.location.line == 1)
        #expect(diagnostic?.location.column == 8)
    }

    @Test func badValueKeepsDecodingOtherFields() {
        let yaml = """
            legal_name: Acme
            display_name: Acme
            country: XX
            response_time: soon
            """
        let (info, diagnostics) = StrictYAMLDecoder(file: "c.yml").decode(CompanyInfo.self, from: yaml)
        #expect(info != nil)
        #expect(diagnostics.map(\.code) == ["unknown-country", "bad-duration"])
        #expect(diagnostics.map(\.location.line) == [3, 4])
        #expect(diagnostics.map(\.location.column) == [10, 16])
    }

    @Test func lineOffsetShiftsEveryLocation() {
        let yaml = "legal_name: A\ndisplay_name: B\nfax: 2\n"
        let plain = StrictYAMLDecoder(file: "f.md").decode(CompanyInfo.self, from: yaml).1
        let shifted = StrictYAMLDecoder(file: "f.md", lineOffset: 1).decode(CompanyInfo.self, from: yaml).1
        #expect(plain.first?.location.line == 3)
        #expect(shifted.first?.location.line == 4)
        #expect(shifted.first?.location.column == 1)
        #expect(shifted.first?.description.hasPrefix("f.md:4:1: error: unknown field 'fax'") == true)
    }

    @Test func syntaxErrorIsReportedWithPosition() {
        let yaml = "legal_name: A\naddress: [a, b\ndisplay_name: B\n"
        let (info, diagnostics) = StrictYAMLDecoder(file: "c.yml", lineOffset: 10).decode(CompanyInfo.self, from: yaml)
        #expect(info == nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.code == "yaml-syntax")
        #expect((diagnostics.first?.location.line ?? 0) > 10)
    }

    @Test func emptyDocument() {
        let (info, diagnostics) = StrictYAMLDecoder(file: "c.yml").decode(CompanyInfo.self, from: "")
        #expect(info == nil)
        #expect(diagnostics.map(\.code) == ["empty-document"])
    }

    @Test func duplicateKey() {
        let (_, diagnostics) = StrictYAMLDecoder(file: "c.yml").decode(CompanyInfo.self, from: "legal_name: A\nlegal_name: B\ndisplay_name: C\n")
        #expect(diagnostics.map(\.code) == ["duplicate-key"])
        #expect(diagnostics.first?.message == "duplicate field 'legal_name'")
    }

    @Test func strictEnumSuggestsAllowedValue() {
        let yaml = "category: analytics\npurpose: Stats\nlegal_basis: consnt\n"
        let (value, diagnostics) = StrictYAMLDecoder(file: "p.md", lineOffset: 1).decode(CookieCategory.self, from: yaml)
        #expect(value == nil)
        #expect(
            diagnostics.map(\.description) == [
                "p.md:4:14: error: unknown legal basis 'consnt' (did you mean 'consent'?); expected one of: consent, contract, legal_obligation, vital_interests, public_task, legitimate_interests"
            ])
    }

    @Test func customCookieCategoryComesFromContext() {
        let yaml = "category: functional\npurpose: Chat widget\n"
        let without = StrictYAMLDecoder(file: "p.md").decode(CookieCategory.self, from: yaml).1
        #expect(without.map(\.code) == ["unknown-cookie-category"])
        let context = DecodingContext(customCookieCategories: ["functional"])
        let with = StrictYAMLDecoder(file: "p.md", context: context).decode(CookieCategory.self, from: yaml)
        #expect(with.1.isEmpty)
        #expect(with.0?.category.id == "functional")
    }

    @Test func sortedByLocationOrdersByFileThenLine() {
        let diagnostics: [Diagnostic] = [
            .error(.yamlSyntax, at: SourceLocation(file: "b.yml", line: 1, column: 1), "b1"),
            .error(.yamlSyntax, at: SourceLocation(file: "a.yml", line: 9, column: 1), "a9"),
            .warning(.yamlSyntax, at: SourceLocation(file: "a.yml", line: 2, column: 5), "a2"),
        ]
        #expect(diagnostics.sortedByLocation().map(\.message) == ["a2", "a9", "b1"])
        #expect(diagnostics.errors.count == 2)
        #expect(diagnostics.warnings.map(\.message) == ["a2"])
        #expect(diagnostics.hasErrors)
        #expect(![Diagnostic]().hasErrors)
    }
}
