import Foundation
import PolicyDiagnostics
import PolicyYAML

/// A length of time in data: `30 days`, `up to 2 years`, `24-48 hours`, `5 minutes`, `session`,
/// `{hours: 1, minutes: 30}`, or an event (`{until: "you sign out"}`).
/// Stored structurally so each language renders it in its own words ("14 mois").
public struct PolicyDuration: Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Unit: String, Sendable, Codable, CaseIterable {
        case second, minute, hour, day, week, month, year
    }

    public enum Kind: Hashable, Sendable {
        /// Ends with the browser session (cookies).
        case session
        /// `lower` is set for a range such as 24-48 hours; `upTo` for "up to N".
        case span(lower: Int?, upper: Int, unit: Unit, upTo: Bool)
        /// Several units added up, largest first: `{hours: 1, minutes: 30}`.
        case compound([Part])
        /// Lasts until something happens ("the sign-in completes"), in the policy's language.
        case event(String)
    }

    public struct Part: Hashable, Sendable {
        public var count: Int
        public var unit: Unit

        public init(count: Int, unit: Unit) {
            self.count = count
            self.unit = unit
        }
    }

    public var kind: Kind

    public init(_ kind: Kind) { self.kind = kind }

    public init?(_ text: String) {
        var words = text.lowercased().split(separator: " ").map(String.init)
        if words == ["session"] {
            kind = .session
            return
        }
        var upTo = false
        if words.count >= 2, words[0] == "up", words[1] == "to" {
            upTo = true
            words.removeFirst(2)
        }
        guard words.count == 2, let unit = Unit(word: words[1]) else { return nil }
        // Empty pieces are kept so "-3", "3-" and "3--5" are rejected, not read as 3.
        let bounds = words[0].split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        guard (1...2).contains(bounds.count), bounds.allSatisfy({ $0 != nil && $0! >= 0 }) else { return nil }
        if bounds.count == 2 {
            guard bounds[0]! < bounds[1]!, !upTo else { return nil }
            kind = .span(lower: bounds[0], upper: bounds[1]!, unit: unit, upTo: false)
        } else {
            kind = .span(lower: nil, upper: bounds[0]!, unit: unit, upTo: upTo)
        }
    }

    /// The keys of the mapping form: one per unit, plus `until` for an event.
    enum MappingKey: String, CodingKey, CaseIterable {
        case until, years, months, weeks, days, hours, minutes, seconds
    }

    // Not `TextBacked`: a duration is written as a text or as a mapping ({hours: 1, minutes: 30},
    // {until: …}), both ways in and out, so its coding is its own.
    public init(from decoder: any Decoder) throws {
        // The text form first: nearly every duration is one, and asking a text for a mapping
        // makes (and drops) a located error. The order cannot change a result, since a YAML
        // node is a text or a mapping, never both; a value that is neither gets the error the
        // text form gives.
        let single = try decoder.singleValueContainer()
        let text: String
        do {
            text = try single.decode(String.self)
        } catch {
            guard let mapping = try? decoder.container(keyedBy: MappingKey.self) else { throw error }
            self = try PolicyDuration.decodeMapping(mapping)
            return
        }
        guard let duration = PolicyDuration(text) else {
            throw ValueError(
                .badDuration, "'\(text)' is not a duration",
                expected:
                    "expected a number and a unit (minutes, hours, days, weeks, months, years), e.g. '14 months', 'up to 2 years', '24-48 hours', 'session', {hours: 1, minutes: 30} or {until: \"you sign out\"}"
            )
        }
        self = duration
    }

    private static func decodeMapping(_ mapping: KeyedDecodingContainer<MappingKey>) throws -> PolicyDuration {
        if let event = try mapping.decodeIfPresent(String.self, forKey: .until) {
            guard mapping.allKeys.count == 1 else {
                throw ValueError(
                    .badDuration, "a duration has both 'until' and a length",
                    expected: "expected either {until: \"an event\"} or units such as {hours: 1, minutes: 30}")
            }
            guard !event.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw ValueError(.badDuration, "'until' is empty", expected: "expected the event that ends it, e.g. {until: \"you sign out\"}")
            }
            return PolicyDuration(.event(event))
        }
        var parts: [Part] = []
        for key in MappingKey.allCases.dropFirst() {
            guard let count = try mapping.decodeIfPresent(Int.self, forKey: key) else { continue }
            guard count > 0 else {
                throw ValueError(.badDuration, "\(key.rawValue) is \(count)", expected: "expected a whole number above 0")
            }
            parts.append(Part(count: count, unit: Unit(word: key.rawValue)!))
        }
        switch parts.count {
        case 0: throw ValueError(.badDuration, "the duration mapping is empty", expected: "expected units such as {minutes: 5} or {until: \"an event\"}")
        case 1: return PolicyDuration(.span(lower: nil, upper: parts[0].count, unit: parts[0].unit, upTo: false))
        default: return PolicyDuration(.compound(parts))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch kind {
        case .session, .span:
            var container = encoder.singleValueContainer()
            try container.encode(description)
        case .compound(let parts):
            var container = encoder.container(keyedBy: MappingKey.self)
            for part in parts { try container.encode(part.count, forKey: MappingKey(rawValue: part.unit.rawValue + "s")!) }
        case .event(let event):
            var container = encoder.container(keyedBy: MappingKey.self)
            try container.encode(event, forKey: .until)
        }
    }

    /// The value as written in data, in English: what the terminal diff and messages show.
    public var description: String {
        switch kind {
        case .session: return "session"
        case let .span(lower, upper, unit, upTo):
            let count = lower.map { "\($0)-\(upper)" } ?? "\(upper)"
            return (upTo ? "up to " : "") + "\(count) \(unit.rawValue)\(upper == 1 ? "" : "s")"
        case .compound(let parts):
            return parts.map { "\($0.count) \($0.unit.rawValue)\($0.count == 1 ? "" : "s")" }.joined(separator: " ")
        case .event(let event): return "until \(event)"
        }
    }
}

extension PolicyDuration.Unit {
    /// `minutes`, `minute`, `min` → `.minute`.
    init?(word: String) {
        var word = word
        if word == "min" || word == "mins" { word = "minute" }
        if word.hasSuffix("s") { word.removeLast() }
        self.init(rawValue: word)
    }
}
