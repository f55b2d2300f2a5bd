import Foundation
import PolicyDiagnostics
import PolicyModel
import Testing

@testable import PolicyYAML

/// The model's rules hold whichever decoder reads it: what `StrictYAMLDecoder` reports as an
/// error, Foundation's JSONDecoder throws on; what it accepts, JSONDecoder accepts equally.
@Suite struct DecoderIndependenceTests {
    static let valid = """
        {"title": "T", "version": "1.0", "effective": "2025-01-01", "last_updated": "2025-01-01",
         "cookies": [{"category": "functional", "purpose": "p", "cookies": [{"name": "a", "provider": "b", "purpose": "c", "duration": "14 months"}]}],
         "rights": {"items": [{"right": "access"}]}, "retention": [{"data": "logs", "period": "1 year"}],
         "jurisdictions": ["gdpr"], "regional_rights": [{"jurisdiction": "ccpa", "items": [{"right": "know"}]}]}
        """

    /// The context the loader gives decoding: a site with one custom category, the default regimes.
    static var context: DecodingContext {
        var registry = JurisdictionRegistry()
        registry.jurisdictions = [Jurisdiction(id: "gdpr", rights: ["access"]), Jurisdiction(id: "ccpa", rights: ["know", "delete"])]
        return DecodingContext(customCookieCategories: ["functional"], jurisdictions: registry)
    }

    func json(_ text: String) throws -> PolicyFrontMatter {
        let decoder = JSONDecoder()
        decoder.userInfo[.policyDecodingContext] = Self.context
        return try decoder.decode(PolicyFrontMatter.self, from: Data(text.utf8))
    }

    @Test func bothDecodersAgreeOnValidContent() throws {
        let viaJSON = try json(Self.valid)
        let (viaYAML, problems) = StrictYAMLDecoder(file: "f", context: Self.context).decode(PolicyFrontMatter.self, from: Self.valid)
        #expect(problems.isEmpty, "\(problems)")
        #expect(viaYAML == viaJSON)
    }

    @Test(arguments: [
        ("unknown-cookie-category", #""category": "functional""#, #""category": "fnuctional""#),
        ("duplicate-right", #""items": [{"right": "access"}]}"#, #""items": [{"right": "access"}, {"right": "access"}]}"#),
        ("missing-field", #"{"data": "logs", "period": "1 year"}"#, #"{"data": "logs"}"#),
        ("unknown-right", #"[{"right": "know"}]"#, #"[{"right": "forget"}]"#),
        ("unknown-jurisdiction", #""jurisdictions": ["gdpr"]"#, #""jurisdictions": ["gdrp"]"#),
        ("bad-value", #""last_updated": "2025-01-01","#, #""last_updated": "2025-01-01", "children_min_age": 40,"#),
    ])
    func anErrorUnderOneDecoderIsAnErrorUnderTheOther(_ code: String, _ from: String, _ to: String) throws {
        let broken = Self.valid.replacingOccurrences(of: from, with: to)
        #expect(broken != Self.valid)
        let (_, problems) = StrictYAMLDecoder(file: "f", context: Self.context).decode(PolicyFrontMatter.self, from: broken)
        #expect(problems.contains { $0.code == code && $0.severity == .error }, "\(problems)")
        #expect(throws: (any Error).self) { try json(broken) }
    }
}
