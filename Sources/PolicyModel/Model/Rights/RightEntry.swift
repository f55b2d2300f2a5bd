public import PolicyDiagnostics
import PolicyYAML

public struct RightEntry: Codable, Sendable, Equatable {
    public var right: Right
    /// What the right means for this company, in the policy's language; the theme's
    /// standard wording is used when absent.
    public var description: String?
    /// Where `right` was written, for cross-file checks.
    public var location: SourceLocation?

    enum CodingKeys: String, CodingKey, CaseIterable { case right, description }

    public init(right: Right, description: String? = nil) {
        self.right = right
        self.description = description
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        right = try c.decode(Right.self, forKey: .right)
        description = try c.decodeIfPresent(String.self, forKey: .description)
        location = decoder.sourceLocation
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(right, forKey: .right)
        try c.encodeIfPresent(description, forKey: .description)
    }

    public static func == (lhs: RightEntry, rhs: RightEntry) -> Bool {
        lhs.right == rhs.right && lhs.description == rhs.description
    }
}
