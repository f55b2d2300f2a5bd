/// GDPR Article 6(1) legal bases.
public enum LegalBasis: String, StrictEnum {
    case consent, contract
    case legalObligation = "legal_obligation"
    case vitalInterests = "vital_interests"
    case publicTask = "public_task"
    case legitimateInterests = "legitimate_interests"
    public static let fieldName = "legal basis"
}
