/// What part an entity named in `company.yml` plays beside the main controller.
public enum EntityRole: String, StrictEnum {
    /// Decides on the processing for the regions it serves (e.g. the EU company of a US group).
    case controller
    case jointController = "joint_controller"
    /// GDPR Art. 27 / UK GDPR Art. 27 representative of a controller outside the region.
    case representative
    case groupCompany = "group_company"
    /// India's DPDP Act and IT Rules: the officer who answers grievances.
    case grievanceOfficer = "grievance_officer"
    public static let fieldName = "entity role"
}
