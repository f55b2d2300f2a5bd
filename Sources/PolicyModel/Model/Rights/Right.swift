public enum Right: String, StrictEnum {
    case access, rectification, erasure, restriction, portability, objection
    case withdrawConsent = "withdraw_consent"
    case complaint
    case optOut = "opt_out"
    case accountClosure = "account_closure"
    public static let fieldName = "right"
}
