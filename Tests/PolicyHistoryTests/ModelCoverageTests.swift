import Foundation
import PolicyYAML
import Testing

@testable import PolicyHistory
@testable import PolicyModel

/// The diff compares the encoded model, so a field is compared exactly when it is encoded.
/// These tests fail when a field of the content model is not in the encoded tree (and so would
/// be invisible in the history), and when a change to any value goes unreported.
@Suite struct ModelCoverageTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/model")
    static let themes = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("themes")

    static func decode<T: Decodable>(_ type: T.Type, _ file: String) throws -> T {
        let registryText = try String(contentsOf: themes.appendingPathComponent("default/jurisdictions.yml"), encoding: .utf8)
        let registry = StrictYAMLDecoder(file: "jurisdictions.yml").decode(JurisdictionRegistry.self, from: registryText).0
        let text = try String(contentsOf: fixtures.appendingPathComponent(file), encoding: .utf8)
        let (value, problems) = StrictYAMLDecoder(file: file, context: DecodingContext(jurisdictions: registry)).decode(type, from: text)
        #expect(problems.isEmpty, "\(problems)")
        return try #require(value)
    }

    /// Every field name of every type the content model decodes.
    static let modelFields: [String: [String]] = [
        "PolicyFrontMatter": PolicyFrontMatter.CodingKeys.allCases.map(\.stringValue),
        "DataCategory": DataCategory.CodingKeys.allCases.map(\.stringValue),
        "Purpose": Purpose.CodingKeys.allCases.map(\.stringValue),
        "CookieCategory": CookieCategory.CodingKeys.allCases.map(\.stringValue),
        "Cookie": Cookie.CodingKeys.allCases.map(\.stringValue),
        "RetentionRule": RetentionRule.CodingKeys.allCases.map(\.stringValue),
        "RightsSection": RightsSection.CodingKeys.allCases.map(\.stringValue),
        "RightEntry": RightEntry.CodingKeys.allCases.map(\.stringValue),
        "RegionalRights": RegionalRights.CodingKeys.allCases.map(\.stringValue),
        "RegionalRightEntry": RegionalRightEntry.CodingKeys.allCases.map(\.stringValue),
        "ThirdParty": ThirdParty.CodingKeys.allCases.map(\.stringValue),
        "Transfer": Transfer.CodingKeys.allCases.map(\.stringValue),
        "CompanyInfo": CompanyInfo.CodingKeys.allCases.map(\.stringValue),
        "GoverningLaw": GoverningLaw.CodingKeys.allCases.map(\.stringValue),
        "ContactPerson": ContactPerson.CodingKeys.allCases.map(\.stringValue),
        "SupervisoryAuthority": SupervisoryAuthority.CodingKeys.allCases.map(\.stringValue),
        "LegalEntity": LegalEntity.CodingKeys.allCases.map(\.stringValue),
        "Registration": Registration.CodingKeys.allCases.map(\.stringValue),
    ]

    /// Fields that are deliberately not compared: stamped by `publish` on every version (the
    /// diff's header names them), or a deprecated spelling read into another field.
    static let notCompared: Set<String> = ["version", "last_updated", "location"]

    static func keys(in tree: DataTree) -> Set<String> {
        switch tree {
        case .leaf: return []
        case .list(let items): return items.reduce(into: Set<String>()) { $0.formUnion(keys(in: $1)) }
        case .map(let entries): return entries.reduce(into: Set(entries.map(\.key))) { $0.formUnion(keys(in: $1.value)) }
        }
    }

    @Test func everyFieldOfTheModelIsInTheComparedTree() throws {
        let policy = try Self.decode(PolicyFrontMatter.self, "full-policy.yml")
        let company = try Self.decode(CompanyInfo.self, "full-company.yml")
        let small = try Self.decode(CompanyInfo.self, "company-without-dpo.yml")
        let present = Self.keys(in: DataTree.of(policy)).union(Self.keys(in: DataTree.of(company))).union(Self.keys(in: DataTree.of(small)))
        for (type, fields) in Self.modelFields {
            for field in fields where !Self.notCompared.contains(field) {
                #expect(present.contains(field), "\(type).\(field) is not compared by the diff (not encoded, or missing from Tests/Fixtures/model)")
            }
        }
    }

    /// Every value in the tree, with the tree where only that value differs.
    static func mutations(of tree: DataTree, at path: [String] = []) -> [([String], DataTree)] {
        switch tree {
        case .leaf(let leaf): return [(path, .leaf(mutated(leaf)))]
        case .list(let items):
            return items.indices.flatMap { index in
                mutations(of: items[index], at: path + ["[\(index)]"]).map { subpath, changed in
                    var copy = items
                    copy[index] = changed
                    return (subpath, DataTree.list(copy))
                }
            }
        case .map(let entries):
            return entries.indices.flatMap { index in
                mutations(of: entries[index].value, at: path + [entries[index].key]).map { subpath, changed in
                    var copy = entries
                    copy[index].value = changed
                    return (subpath, DataTree.map(copy))
                }
            }
        }
    }

    static func mutated(_ leaf: DataLeaf) -> DataLeaf {
        switch leaf {
        case .text(let text): return .text(text + " (edited)")
        case .number(let number): return .number(number + 1)
        case .flag(let flag): return .flag(!flag)
        case .date(let date): return .date(PolicyDate(year: date.year + 1, month: date.month, day: date.day))
        case .duration: return .duration(PolicyDuration(.event("never")))
        case .country(let country): return .country(CountryCode(country.rawValue == "FR" ? "DE" : "FR")!)
        case let .term(field, value): return .term(field: field, value: value + "-other")
        }
    }

    @Test func everyChangedValueIsReportedAndNothingElse() throws {
        let policy = DataTree.of(try Self.decode(PolicyFrontMatter.self, "full-policy.yml"))
        let company = DataTree.of(try Self.decode(CompanyInfo.self, "full-company.yml"))
        #expect(FieldDiff.changes(from: policy, to: policy).isEmpty)
        #expect(FieldDiff.changes(from: company, to: company).isEmpty)
        var checked = 0
        for tree in [policy, company] {
            for (path, changed) in Self.mutations(of: tree) {
                let changes = FieldDiff.changes(from: tree, to: changed)
                // One report: the value's own field, or the list item it names (a new identity
                // is the old item removed and a new one added).
                #expect(!changes.isEmpty, "a change of \(path.joined(separator: ".")) was not reported")
                #expect(changes.count <= 2, "a change of \(path.joined(separator: ".")) gave \(changes.map(\.pathText))")
                checked += 1
            }
        }
        #expect(checked > 80)
    }
}
