import PolicyDiagnostics
import PolicyYAML

/// `content/<company>/changelog.yml`, written by `policysite publish`: one entry per published version.
public struct Changelog: Codable, Sendable, Equatable {
    public var entries: [ChangelogEntry]

    enum CodingKeys: String, CodingKey, CaseIterable { case entries }

    public init(entries: [ChangelogEntry] = []) { self.entries = entries }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        entries = try c.decodeIfPresent([ChangelogEntry].self, forKey: .entries) ?? []
        for (earlier, later) in zip(entries, entries.dropFirst()) where !(earlier.version < later.version) || later.date < earlier.date {
            try c.superDecoder(forKey: .entries).report(
                ValueError(
                    .badChangelog, "entry \(later.version) does not follow \(earlier.version)",
                    expected: "expected entries oldest first, with increasing versions and dates"))
        }
    }

    public func entry(for version: PolicyVersionNumber) -> ChangelogEntry? {
        entries.first { $0.version == version }
    }
}
