public enum DataSource: String, StrictEnum {
    /// Given by the person (forms, e-mails).
    case provided
    /// Collected automatically (logs, cookies).
    case automatic
    case thirdParty = "third_party"
    public static let fieldName = "data source"
}
