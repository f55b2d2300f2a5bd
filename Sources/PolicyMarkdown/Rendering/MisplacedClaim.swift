/// A heading at a level other than 2 with a reserved section's id, and the line it is on
/// (1-based, within the body).
public struct MisplacedClaim: Hashable, Sendable, Codable {
    public var line: Int
    public var level: Int
    public var id: String
    public var title: String
}
