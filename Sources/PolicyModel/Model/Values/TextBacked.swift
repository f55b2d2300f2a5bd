/// A value content writes as one piece of text (a date, a code, a version number, an id, every
/// `StrictEnum`): decoded from that text, problems reported at its place through `decoder`, and
/// encoded back as it. Each type says only how its text becomes a value and what text it writes;
/// the Codable plumbing is here once.
public protocol TextBacked: Codable, Sendable {
    /// The value `text` names; throws a `ValueError` (or reports one through `decoder`) when it names none.
    init(text: String, decoder: any Decoder) throws
    /// The text the value is written as in content and in the JSON a build writes.
    var writtenText: String { get }
}

extension TextBacked {
    public init(from decoder: any Decoder) throws { try self.init(decodingTextFrom: decoder) }

    public func encode(to encoder: any Encoder) throws { try encodeText(to: encoder) }

    /// `init(from:)` of every text-backed value, for a conformer that has to name its witness
    /// itself (`StrictEnum`).
    public init(decodingTextFrom decoder: any Decoder) throws {
        try self.init(text: try decoder.singleValueContainer().decode(String.self), decoder: decoder)
    }

    /// `encode(to:)` of every text-backed value.
    public func encodeText(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(writtenText)
    }
}
