import Foundation
public import PolicyDiagnostics
import PolicyYAML

public struct Cookie: Codable, Sendable, Equatable {
    public var name: String
    public var provider: String
    public var purpose: String
    /// Nil when the policy states no expiry: the page says so rather than inventing one.
    public var duration: PolicyDuration?
    /// The part of the site the cookie is limited to (`/checkout`), when it is not site-wide.
    public var path: String?
    /// Where the cookie's entry was written, for duplicate and cross-language checks and `policysite scan` findings.
    public var location: SourceLocation?

    enum CodingKeys: String, CodingKey, CaseIterable { case name, provider, purpose, duration, path }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(provider, forKey: .provider)
        try c.encode(purpose, forKey: .purpose)
        try c.encodeIfPresent(duration, forKey: .duration)
        try c.encodeIfPresent(path, forKey: .path)
    }

    /// Whether an observed cookie or storage key is this entry: the same name, or a match of a
    /// name pattern such as `_ga_*` (each `*` stands for any run of characters).
    public func matches(_ observed: String) -> Bool {
        guard name.contains("*") else { return name == observed }
        let parts = name.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
        guard observed.hasPrefix(parts[0]), observed.count >= parts.joined().count else { return false }
        var rest = Substring(observed.dropFirst(parts[0].count))
        for (index, part) in parts.enumerated().dropFirst() {
            if index == parts.count - 1 { return part.isEmpty || rest.hasSuffix(part) }
            guard let range = rest.range(of: part) else { return false }
            rest = rest[range.upperBound...]
        }
        return true
    }

    public init(name: String, provider: String, purpose: String, duration: PolicyDuration? = nil, path: String? = nil) {
        self.name = name
        self.provider = provider
        self.purpose = purpose
        self.duration = duration
        self.path = path
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        provider = try c.decode(String.self, forKey: .provider)
        purpose = try c.decode(String.self, forKey: .purpose)
        duration = try c.decodeIfPresent(PolicyDuration.self, forKey: .duration)
        path = try c.decodeIfPresent(String.self, forKey: .path)
        location = decoder.sourceLocation
    }

    /// The location is where the text says it, not part of what it says.
    public static func == (lhs: Cookie, rhs: Cookie) -> Bool {
        (lhs.name, lhs.provider, lhs.purpose, lhs.path) == (rhs.name, rhs.provider, rhs.purpose, rhs.path) && lhs.duration == rhs.duration
    }
}
