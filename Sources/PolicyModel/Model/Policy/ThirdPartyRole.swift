public enum ThirdPartyRole: String, StrictEnum {
    case processor, controller, authority, recipient
    public static let fieldName = "third-party role"
}
