public import PolicyModel

/// A single value, typed where the page must say it in its own language.
public enum DataLeaf: Hashable, Sendable, CustomStringConvertible {
    case text(String)
    case number(Int)
    case flag(Bool)
    case date(PolicyDate)
    case duration(PolicyDuration)
    case country(CountryCode)
    /// A closed vocabulary value: `field` names the vocabulary (`legal basis`, `right`, …).
    case term(field: String, value: String)

    /// As written in the data, for the terminal.
    public var description: String {
        switch self {
        case .text(let text): return text
        case .number(let number): return String(number)
        case .flag(let flag): return flag ? "true" : "false"
        case .date(let date): return date.description
        case .duration(let duration): return duration.description
        case .country(let country): return country.rawValue
        case .term(_, let value): return value
        }
    }
}
