import Foundation
import PolicyDiagnostics
import PolicyYAML
import Testing

@testable import PolicyModel

/// Every text-backed value is written as its text and read back as the same value, in the JSON a
/// build writes and in content's YAML. A type that got the compiler's synthesized Codable instead
/// of `TextBacked`'s would write `{"year":2025,…}` or `{"gdpr":{}}` here.
@Suite("TextBacked")
struct TextBackedTests {
    /// `value` as a JSON value and as a field of an object, and both read back.
    func expectRoundTrip<T: TextBacked & Equatable>(_ value: T, writtenAs text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let json = "\"\(text)\""
        let data = try JSONEncoder().encode(value)
        #expect(String(decoding: data, as: UTF8.self) == json, sourceLocation: sourceLocation)
        #expect(try JSONDecoder().decode(T.self, from: data) == value, sourceLocation: sourceLocation)
        let field = try JSONEncoder().encode(["field": value])
        #expect(String(decoding: field, as: UTF8.self) == "{\"field\":\(json)}", sourceLocation: sourceLocation)
        #expect(try JSONDecoder().decode([String: T].self, from: field) == ["field": value], sourceLocation: sourceLocation)
        let (decoded, problems) = StrictYAMLDecoder(file: "values.yml", userInfo: [:]).decode([String: T].self, from: "field: \"\(text)\"\n")
        #expect(problems.isEmpty, "\(problems)", sourceLocation: sourceLocation)
        #expect(decoded == ["field": value], sourceLocation: sourceLocation)
    }

    @Test func datesVersionsAndCodesRoundTrip() throws {
        try expectRoundTrip(try #require(PolicyDate("2025-03-14")), writtenAs: "2025-03-14")
        try expectRoundTrip(try #require(PolicyDate("2025-01")), writtenAs: "2025-01")
        try expectRoundTrip(try #require(PolicyVersionNumber("1.10")), writtenAs: "1.10")
        try expectRoundTrip(try #require(LanguageCode("pt-BR")), writtenAs: "pt-br")
        try expectRoundTrip(try #require(CountryCode("MA")), writtenAs: "MA")
    }

    @Test func idsAndRegionsRoundTrip() throws {
        try expectRoundTrip(JurisdictionID("gdpr"), writtenAs: "gdpr")
        try expectRoundTrip(CookieCategoryID("analytics"), writtenAs: "analytics")
        try expectRoundTrip(RegionCode.country(try #require(CountryCode("CH"))), writtenAs: "CH")
        try expectRoundTrip(RegionCode.jurisdiction("gdpr"), writtenAs: "gdpr")
    }

    @Test func strictEnumsRoundTripAsTheirRawValue() throws {
        try expectRoundTrip(LegalBasis.legitimateInterests, writtenAs: "legitimate_interests")
        try expectRoundTrip(LegalBasis.consent, writtenAs: "consent")
    }

    /// A text that names no value is refused by the type's own rule, with its code.
    @Test func aTextThatNamesNoValueIsRefusedWithItsCode() throws {
        func code<T: TextBacked>(_ type: T.Type, _ text: String) -> String? {
            do {
                _ = try JSONDecoder().decode([T].self, from: Data("[\"\(text)\"]".utf8))
                return nil
            } catch {
                return (error as? ValueError)?.code.name
            }
        }
        #expect(code(PolicyDate.self, "2025-13-01") == "bad-date")
        #expect(code(PolicyVersionNumber.self, "1.01") == "bad-version")
        #expect(code(LanguageCode.self, "eng") == "unknown-language")
        #expect(code(CountryCode.self, "XX") == "unknown-country")
        #expect(code(LegalBasis.self, "consnet") == "unknown-legal-basis")
    }
}
