/// The `expected` text of a value outside a closed list: `expected one of: a, b, c`, the names
/// in the order given. One wording for every list, so messages read alike and tests match them.
public func expectedOneOf(_ names: [String]) -> String {
    "expected one of: " + names.joined(separator: ", ")
}
