import PolicyDiagnostics
import PolicyYAML

/// One item a regime requires a policy to state, and which data states it.
public struct LintRequirement: Codable, Sendable, Equatable {
    public var id: String
    /// Where the duty comes from ("Cal. Civ. Code §1798.100(a)").
    public var reference: String?
    /// The item, in English, as the lint report names it.
    public var title: String
    public var requires: Requirement

    /// What in the data satisfies the item. A closed vocabulary: the regime file chooses among
    /// these, the code knows how to read each.
    public enum Requirement: Codable, Sendable, Equatable {
        /// The right is listed in the regime's regional rights (or, for a GDPR right, in `rights`).
        case right(String)
        /// A policy or company field is stated (`sells_personal_data`, `retention`, `dpo`, …).
        case field(String)
        /// The company names an entity with this role (`representative`, `grievance_officer`).
        case entity(EntityRole)
        /// The company records a registration with the regime's authority.
        case registration

        enum CodingKeys: String, CodingKey, CaseIterable { case right, field, entity, registration }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            guard c.allKeys.count == 1 else {
                throw ValueError(
                    .badRequirement, "a lint item needs exactly one of right, field, entity, registration", expected: "expected e.g. requires: {right: know}")
            }
            if let right = try c.decodeIfPresent(String.self, forKey: .right) {
                self = .right(right)
            } else if let field = try c.decodeIfPresent(String.self, forKey: .field) {
                guard RequirementField(rawValue: field) != nil else {
                    throw ValueError(
                        .unknownField, "unknown lint field '\(field)'",
                        expected: expectedOneOf(RequirementField.allCases.map(\.rawValue)))
                }
                self = .field(field)
            } else if let role = try c.decodeIfPresent(EntityRole.self, forKey: .entity) {
                self = .entity(role)
            } else {
                _ = try c.decode(Bool.self, forKey: .registration)
                self = .registration
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            switch self {
            case .right(let id): try c.encode(id, forKey: .right)
            case .field(let name): try c.encode(name, forKey: .field)
            case .entity(let role): try c.encode(role, forKey: .entity)
            case .registration: try c.encode(true, forKey: .registration)
            }
        }
    }
}
