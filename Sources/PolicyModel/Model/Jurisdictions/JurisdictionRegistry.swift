import PolicyDiagnostics
import PolicyYAML

/// `themes/<theme>/jurisdictions.yml`: every regime the theme knows.
public struct JurisdictionRegistry: Codable, Sendable, Equatable {
    public var jurisdictions: [Jurisdiction]

    enum CodingKeys: String, CodingKey, CaseIterable { case jurisdictions }

    public init(jurisdictions: [Jurisdiction] = []) { self.jurisdictions = jurisdictions }

    public init(from decoder: any Decoder) throws {
        jurisdictions = try decoder.lenientList(Jurisdiction.self, CodingKeys.jurisdictions)
        var seen = Set<String>()
        for jurisdiction in jurisdictions where !seen.insert(jurisdiction.id).inserted {
            try decoder.report(ValueError(.duplicateJurisdiction, "jurisdiction '\(jurisdiction.id)' is defined twice", expected: "expected each id once"))
        }
    }

    public subscript(id: String) -> Jurisdiction? { jurisdictions.first { $0.id == id } }
    public var ids: [String] { jurisdictions.map(\.id) }
}
