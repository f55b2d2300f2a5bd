import PolicyDiagnostics
import PolicyYAML

/// The YAML front matter of `content/<company>/<lang>/privacy.md`: the structured parts of a
/// policy, which the theme renders as tables and lists. The Markdown body holds the prose.
public struct PolicyFrontMatter: Codable, Sendable, Equatable {
    public var title: String
    public var version: PolicyVersionNumber
    public var effective: PolicyDate
    public var lastUpdated: PolicyDate
    public var summary: String?
    public var dataCollected: [DataCategory]
    public var purposes: [Purpose]
    public var cookies: [CookieCategory]
    /// How visitors can control cookies (browser settings, a consent banner).
    public var cookieControls: String?
    public var retention: [RetentionRule]
    public var rights: RightsSection?
    /// Rights under specific regimes ("If you are in California…"), one block per jurisdiction.
    public var regionalRights: [RegionalRights]
    /// Regimes this policy follows beyond those its company declares.
    public var jurisdictions: [JurisdictionID]
    public var thirdParties: [ThirdParty]
    public var transfers: [Transfer]
    public var childrenMinAge: Int?
    /// `false` when the policy states personal data is never sold.
    public var sellsPersonalData: Bool?
    /// Whether providing data is a legal or contractual requirement, and what follows if it is not provided.
    public var dataRequired: String?
    /// Automated decision-making, including profiling; "none" is a statement too.
    public var automatedDecisions: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case title, version, effective, lastUpdated = "last_updated", summary
        case dataCollected = "data_collected", purposes, cookies, cookieControls = "cookie_controls"
        case retention, rights, regionalRights = "regional_rights", jurisdictions, thirdParties = "third_parties", transfers
        case childrenMinAge = "children_min_age", sellsPersonalData = "sells_personal_data"
        case dataRequired = "data_required", automatedDecisions = "automated_decisions"
    }

    public init(title: String, version: PolicyVersionNumber, effective: PolicyDate, lastUpdated: PolicyDate) {
        self.title = title
        self.version = version
        self.effective = effective
        self.lastUpdated = lastUpdated
        dataCollected = []
        purposes = []
        cookies = []
        retention = []
        regionalRights = []
        jurisdictions = []
        thirdParties = []
        transfers = []
    }

    /// A copy with another recipients list (e.g. sorted for display).
    public static func with(thirdParties: [ThirdParty], from policy: PolicyFrontMatter) -> PolicyFrontMatter {
        var copy = policy
        copy.thirdParties = thirdParties
        return copy
    }

    public init(from decoder: any Decoder) throws {
        // Every field is decoded on its own so one bad value does not hide the next one.
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let title = try decoder.lenient(String.self, CodingKeys.title, required: true)
        let version = try decoder.lenient(PolicyVersionNumber.self, CodingKeys.version, required: true)
        let effective = try decoder.lenient(PolicyDate.self, CodingKeys.effective, required: true)
        let lastUpdated = try decoder.lenient(PolicyDate.self, CodingKeys.lastUpdated, required: true)
        summary = try decoder.lenient(String.self, CodingKeys.summary)
        dataCollected = try decoder.lenientList(DataCategory.self, CodingKeys.dataCollected)
        purposes = try decoder.lenientList(Purpose.self, CodingKeys.purposes)
        cookies = try decoder.lenientList(CookieCategory.self, CodingKeys.cookies)
        cookieControls = try decoder.lenient(String.self, CodingKeys.cookieControls)
        retention = try decoder.lenientList(RetentionRule.self, CodingKeys.retention)
        rights = try decoder.lenient(RightsSection.self, CodingKeys.rights)
        regionalRights = try decoder.lenientList(RegionalRights.self, CodingKeys.regionalRights)
        jurisdictions = try decoder.lenientList(JurisdictionID.self, CodingKeys.jurisdictions)
        thirdParties = try decoder.lenientList(ThirdParty.self, CodingKeys.thirdParties)
        transfers = try decoder.lenientList(Transfer.self, CodingKeys.transfers)
        childrenMinAge = try decoder.lenient(Int.self, CodingKeys.childrenMinAge)
        sellsPersonalData = try decoder.lenient(Bool.self, CodingKeys.sellsPersonalData)
        dataRequired = try decoder.lenient(String.self, CodingKeys.dataRequired)
        automatedDecisions = try decoder.lenient(String.self, CodingKeys.automatedDecisions)
        if let title { try decoder.requireLine(title, c, .title) }
        guard let title, let version, let effective, let lastUpdated else { throw AlreadyReported() }
        self.title = title
        self.version = version
        self.effective = effective
        self.lastUpdated = lastUpdated

        // `last_updated` may come before `effective`: a version is often announced weeks before
        // it applies. Neither order is an error.
        // Reported at the second entry, the one to remove or merge, naming the first.
        var firstCategory: [String: CookieCategoryID] = [:]
        var firstCookie: [String: (category: String, location: SourceLocation?)] = [:]
        for category in cookies {
            let id = category.category.id
            if let first = firstCategory[id] {
                try decoder.report(
                    ValueError(
                        .duplicateCookieCategory, "cookie category '\(id)' is listed twice (first\(lineText(first.location)))",
                        expected: "expected each category once: move this entry's cookies under the first one and remove it"),
                    at: category.category.location)
            } else {
                firstCategory[id] = category.category
            }
            for cookie in category.cookies {
                guard let first = firstCookie[cookie.name] else {
                    firstCookie[cookie.name] = (id, cookie.location)
                    continue
                }
                let place = first.category == id ? "in '\(id)'" : "in '\(id)' and in '\(first.category)'"
                try decoder.report(
                    ValueError(
                        .duplicateCookie, "cookie '\(cookie.name)' is listed twice, \(place) (first\(lineText(first.location)))",
                        expected: first.category == id
                            ? "expected each cookie once: remove this entry, or rename it if it is another cookie"
                            : "expected each cookie in one category, the one its purpose belongs to: remove this entry, or rename it if it is another cookie"),
                    at: cookie.location)
            }
        }
        var regimes = Set<String>()
        for block in regionalRights where !regimes.insert(block.jurisdiction.id).inserted {
            try decoder.report(
                ValueError(
                    .duplicateJurisdiction, "regional_rights has two blocks for \(block.jurisdiction)",
                    expected: "expected one block per jurisdiction; put all its rights under one entry"), at: block.location)
        }
        if let age = childrenMinAge, !(0...21).contains(age) {
            try c.superDecoder(forKey: .childrenMinAge).report(
                ValueError(.badValue, "children_min_age \(age) is out of range", expected: "expected an age from 0 to 21"))
        }
    }
}

/// " at line N" for a location that has a line, or "" when it has none.
func lineText(_ location: SourceLocation?) -> String {
    location?.line.map { " at line \($0)" } ?? ""
}
