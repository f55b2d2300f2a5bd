/// The fields a lint requirement may name.
public enum RequirementField: String, CaseIterable, Sendable {
    case dataCollected = "data_collected", dataSources = "data_sources", purposes, thirdParties = "third_parties", transfers, retention
    case sellsPersonalData = "sells_personal_data", dataRequired = "data_required", automatedDecisions = "automated_decisions"
    case childrenMinAge = "children_min_age", cookies, rightsContact = "rights_contact", responseTime = "response_time"
    case dpo, contact, authority
}
