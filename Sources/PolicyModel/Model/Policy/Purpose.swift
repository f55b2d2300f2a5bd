public struct Purpose: Codable, Sendable, Equatable {
    public var purpose: String
    public var legalBasis: LegalBasis?
    /// Required when the legal basis is legitimate interests (GDPR Art. 13(1)(d)).
    public var legitimateInterest: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case purpose, legalBasis = "legal_basis", legitimateInterest = "legitimate_interest"
    }
}
