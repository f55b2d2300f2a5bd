public import PolicyDiagnostics
import PolicyYAML

public struct RetentionRule: Codable, Sendable, Equatable {
    public var data: String
    public var period: PolicyDuration?
    /// The event the period counts from ("after the project is completed").
    public var after: String?
    /// The criteria used when there is no fixed period.
    public var criteria: String?
    /// Where the rule was written, for cross-language checks.
    public var location: SourceLocation?

    enum CodingKeys: String, CodingKey, CaseIterable { case data, period, after, criteria }

    public static func == (lhs: RetentionRule, rhs: RetentionRule) -> Bool {
        (lhs.data, lhs.after, lhs.criteria) == (rhs.data, rhs.after, rhs.criteria) && lhs.period == rhs.period
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        data = try c.decode(String.self, forKey: .data)
        period = try c.decodeIfPresent(PolicyDuration.self, forKey: .period)
        after = try c.decodeIfPresent(String.self, forKey: .after)
        criteria = try c.decodeIfPresent(String.self, forKey: .criteria)
        location = decoder.sourceLocation
        if period == nil && criteria == nil {
            try decoder.report(
                ValueError(
                    .missingField, "retention for '\(data)' has neither a period nor criteria",
                    expected: "expected 'period' (e.g. '2 years') or 'criteria' (how the period is decided)"))
        }
    }
}
