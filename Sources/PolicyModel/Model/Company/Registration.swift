/// A registration with a regime's authority, e.g. the CNDP receipt number under Moroccan law 09-08.
public struct Registration: Codable, Sendable, Equatable {
    public var jurisdiction: JurisdictionID
    /// The number or reference the authority gave.
    public var reference: String

    enum CodingKeys: String, CodingKey, CaseIterable { case jurisdiction, reference }
}
