public import PolicyDiagnostics
import PolicyYAML

public struct RegionalRightEntry: Codable, Sendable, Equatable {
    /// A right id from the regime's vocabulary (`know`, `opt_out_sale_sharing`).
    public var right: String
    /// What the right means for this company; the theme's standard wording otherwise.
    public var description: String?
    public var location: SourceLocation?

    enum CodingKeys: String, CodingKey, CaseIterable { case right, description }

    public init(right: String, description: String? = nil) {
        self.right = right
        self.description = description
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        right = try c.decode(String.self, forKey: .right)
        description = try c.decodeIfPresent(String.self, forKey: .description)
        location = (try? c.superDecoder(forKey: .right))?.sourceLocation ?? decoder.sourceLocation
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(right, forKey: .right)
        try c.encodeIfPresent(description, forKey: .description)
    }

    public static func == (lhs: RegionalRightEntry, rhs: RegionalRightEntry) -> Bool {
        lhs.right == rhs.right && lhs.description == rhs.description
    }
}
