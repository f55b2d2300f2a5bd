public import PolicyDiagnostics
import PolicyYAML

/// "If you are in California…": the rights a regime grants, as this policy states them.
public struct RegionalRights: Codable, Sendable, Equatable {
    public var jurisdiction: JurisdictionID
    /// Text before the list, in the policy's language.
    public var intro: String?
    public var items: [RegionalRightEntry]
    /// How to make a request under this regime (web form, toll-free number, agent).
    public var how: String?
    /// Where to send requests; defaults to the general rights contact.
    public var contact: String?
    public var responseTime: PolicyDuration?
    /// Where the section is written, for cross-file checks.
    public var location: SourceLocation?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case jurisdiction, intro, items, how, contact, responseTime = "response_time"
    }

    public init(
        jurisdiction: JurisdictionID, items: [RegionalRightEntry], intro: String? = nil, how: String? = nil, contact: String? = nil,
        responseTime: PolicyDuration? = nil
    ) {
        self.jurisdiction = jurisdiction
        self.items = items
        self.intro = intro
        self.how = how
        self.contact = contact
        self.responseTime = responseTime
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        jurisdiction = try c.decode(JurisdictionID.self, forKey: .jurisdiction)
        intro = try c.decodeIfPresent(String.self, forKey: .intro)
        how = try c.decodeIfPresent(String.self, forKey: .how)
        contact = try c.decodeIfPresent(String.self, forKey: .contact)
        responseTime = try c.decodeIfPresent(PolicyDuration.self, forKey: .responseTime)
        location = decoder.sourceLocation
        items = try decoder.lenientList(RegionalRightEntry.self, CodingKeys.items)
        let vocabulary = decoder.decodingContext?.jurisdictions?[jurisdiction.id]?.rights
        var seen = Set<String>()
        for (index, item) in items.enumerated() {
            if !seen.insert(item.right).inserted {
                try decoder.report(
                    ValueError(.duplicateRight, "right '\(item.right)' is listed twice under \(jurisdiction)", expected: "expected each right once"),
                    at: item.location)
            }
            if let vocabulary, !vocabulary.contains(item.right) {
                var message = "'\(item.right)' is not a right under \(jurisdiction)"
                if let suggestion = closest(to: item.right, in: vocabulary) { message += " (did you mean '\(suggestion)'?)" }
                try decoder.report(
                    ValueError(.unknownRight, message, expected: expectedOneOf(vocabulary)), at: items[index].location)
            }
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(jurisdiction, forKey: .jurisdiction)
        try c.encodeIfPresent(intro, forKey: .intro)
        try c.encode(items, forKey: .items)
        try c.encodeIfPresent(how, forKey: .how)
        try c.encodeIfPresent(contact, forKey: .contact)
        try c.encodeIfPresent(responseTime, forKey: .responseTime)
    }

    public static func == (lhs: RegionalRights, rhs: RegionalRights) -> Bool {
        lhs.jurisdiction == rhs.jurisdiction && lhs.intro == rhs.intro && lhs.items == rhs.items && lhs.how == rhs.how
            && lhs.contact == rhs.contact && lhs.responseTime == rhs.responseTime
    }
}
