import PolicyModel
import Testing
import Yams

@testable import PolicyYAML

/// The two shortcuts the decoder takes on every content file hold for every input they skip.
@Suite("YAMLLimits and TextRules")
struct YAMLLimitsTests {
    /// A text without `*` skips the expansion count: the densest alias-free documents within
    /// `documentBytes` are read, whatever their number of values (their size bounds the work).
    @Test(arguments: [("[", "a,", "a]"), ("[", "[],", "[]]"), ("[", "{},", "{}]"), ("", "-\n", "-\n")])
    func aliasFreeDocumentsWithinTheByteLimitAreRead(opening: String, unit: String, closing: String) throws {
        let count = (YAMLLimits.documentBytes - opening.utf8.count - closing.utf8.count) / unit.utf8.count
        let text = opening + String(repeating: unit, count: count) + closing
        #expect(text.utf8.count <= YAMLLimits.documentBytes)
        let (node, problems) = StrictYAMLDecoder(file: "dense.yml").compose(text)
        #expect(node != nil && problems.isEmpty, "\(problems)")
    }

    @Test func aTextWithAliasesIsStillCounted() throws {
        let items = Array(repeating: "1", count: 3_000).joined(separator: ", ")
        let aliases = Array(repeating: "*a", count: 3_000).joined(separator: ", ")
        let text = "a: &a [\(items)]\nb: [\(aliases)]\n"
        let node = try #require(try Yams.compose(yaml: text, .basic, .default, .utf8))
        #expect(YAMLLimits.overExpanded(node, text: text)?.line == 1)
    }

    /// `isControl` answers exactly as the general category does, for every scalar.
    @Test func controlIsTheGeneralCategoryControl() {
        var mismatches: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if TextRules.isControl(scalar) != (scalar.properties.generalCategory == .control) { mismatches.append(value) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }
}
