import PolicyDiagnostics
import PolicyYAML

/// The data-subject rights a policy grants and how to use them.
public struct RightsSection: Codable, Sendable, Equatable {
    /// Where to send requests; defaults to the company's privacy e-mail.
    public var contact: String?
    public var responseTime: PolicyDuration?
    /// How to make a request, in the policy's language.
    public var how: String?
    public var items: [RightEntry]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case contact, responseTime = "response_time", how, items
    }

    public init(items: [RightEntry], contact: String? = nil, responseTime: PolicyDuration? = nil, how: String? = nil) {
        self.items = items
        self.contact = contact
        self.responseTime = responseTime
        self.how = how
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        contact = try c.decodeIfPresent(String.self, forKey: .contact)
        responseTime = try c.decodeIfPresent(PolicyDuration.self, forKey: .responseTime)
        how = try c.decodeIfPresent(String.self, forKey: .how)
        if (try? c.decodeNil(forKey: .items)) ?? true { _ = try c.decode([RightEntry].self, forKey: .items) }  // reports it missing
        items = try decoder.lenientList(RightEntry.self, CodingKeys.items)
        var seen = Set<Right>()
        for item in items where !seen.insert(item.right).inserted {
            try c.superDecoder(forKey: .items).report(
                ValueError(
                    .duplicateRight, "right '\(item.right.rawValue)' is listed twice", expected: "expected each right once"))
        }
    }

    public var rights: [Right] { items.map(\.right) }
}
