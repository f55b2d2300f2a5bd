import PolicyDiagnostics
import PolicyYAML

/// `1.0`, `2.1.3`: compared numerically, so 1.10 follows 1.9.
public struct PolicyVersionNumber: Hashable, Comparable, TextBacked, CustomStringConvertible {
    public var components: [Int]

    /// Canonical numbers only: `1.00` and `01.0` would name the same version as `1.0` in
    /// comparisons but another folder under versions/ and another URL.
    public init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count) else { return nil }
        var components: [Int] = []
        for part in parts {
            guard !part.isEmpty, part.utf8.count <= 9, part.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
                part == "0" || !part.hasPrefix("0"), let number = Int(part)
            else { return nil }
            components.append(number)
        }
        self.components = components
    }

    public init(text: String, decoder: any Decoder) throws {
        guard let version = PolicyVersionNumber(text) else {
            let leadingZero = text.split(separator: ".").contains { $0.count > 1 && $0.hasPrefix("0") && $0.allSatisfy(\.isNumber) }
            throw ValueError(
                .badVersion, "version '\(text)' is not a version number" + (leadingZero ? " (a number has a leading zero)" : ""),
                expected: "expected MAJOR.MINOR or MAJOR.MINOR.PATCH in plain numbers without leading zeros, e.g. 1.0, 1.10 or 2.1.3")
        }
        self = version
    }

    public var writtenText: String { description }

    public var description: String { components.map(String.init).joined(separator: ".") }

    public static func < (lhs: PolicyVersionNumber, rhs: PolicyVersionNumber) -> Bool {
        let count = max(lhs.components.count, rhs.components.count)
        let l = lhs.components + Array(repeating: 0, count: count - lhs.components.count)
        let r = rhs.components + Array(repeating: 0, count: count - rhs.components.count)
        return l.lexicographicallyPrecedes(r)
    }

    /// The next version: `1.2` → `2.0` (major) or `1.3` (minor).
    public func bumped(major: Bool) -> PolicyVersionNumber {
        var next = self
        if major {
            next.components = [components[0] + 1] + Array(repeating: 0, count: components.count - 1)
        } else {
            next.components = [components[0], components[1] + 1] + Array(repeating: 0, count: components.count - 2)
        }
        return next
    }
}
