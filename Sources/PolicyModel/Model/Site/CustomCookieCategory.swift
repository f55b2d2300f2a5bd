public import PolicyDiagnostics
import PolicyYAML

/// A site-specific cookie category, e.g. `functional`, with its label in each language.
public struct CustomCookieCategory: Codable, Sendable, Equatable {
    public var id: String
    public var labels: [String: String]
    /// Where the category is declared, for the checks across the list.
    public var location: SourceLocation?

    enum CodingKeys: String, CodingKey, CaseIterable { case id, labels }

    public init(id: String, labels: [String: String]) {
        self.id = id
        self.labels = labels
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        labels = try c.decode([String: String].self, forKey: .labels)
        location = decoder.sourceLocation
        if !CookieCategoryID.isWellFormed(id) {
            try c.superDecoder(forKey: .id).report(
                ValueError(
                    .badCookieCategory, id.isEmpty ? "cookie category id is empty" : "cookie category id '\(id)' is not an id",
                    expected:
                        "expected a lowercase letter, then lowercase letters, digits, '_' or '-' (e.g. functional), at most \(CookieCategoryID.longestID) characters"
                ))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(labels, forKey: .labels)
    }

    public static func == (lhs: CustomCookieCategory, rhs: CustomCookieCategory) -> Bool {
        lhs.id == rhs.id && lhs.labels == rhs.labels
    }
}
