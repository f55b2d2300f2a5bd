public import Foundation
import PolicyDiagnostics
import PolicyYAML

/// A calendar date as policies state it: a day (`2025-03-14`) or only a month (`2025-01`,
/// seed 004 says just "January 2025"). Kept as written, never shifted by time zones.
public struct PolicyDate: Hashable, Comparable, TextBacked, CustomStringConvertible {
    public var year: Int
    public var month: Int
    /// Nil when the source states only the month.
    public var day: Int?

    public init(year: Int, month: Int, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
    }

    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count), parts[0].count == 4, parts[1].count == 2,
            parts.count == 2 || parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month)
        else { return nil }
        var day: Int?
        if parts.count == 3 {
            guard let value = Int(parts[2]), value >= 1, value <= PolicyDate.days(inMonth: month, year: year) else { return nil }
            day = value
        }
        self.init(year: year, month: month, day: day)
    }

    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public init(text: String, decoder: any Decoder) throws {
        guard let date = PolicyDate(text) else {
            throw ValueError(
                .badDate, "'\(text)' is not a valid date",
                expected: "expected an ISO 8601 date, YYYY-MM-DD (e.g. 2025-01-31) or YYYY-MM for a month")
        }
        self = date
    }

    public var writtenText: String { description }

    public var description: String {
        // Digits by hand: String(format:) goes through Foundation's formatter, and dates are
        // written into every page's JSON and every diff's fingerprint.
        func padded(_ value: Int, _ width: Int) -> String {
            guard value >= 0 else { return String(format: "%0\(width)d", value) }
            let digits = String(value)
            return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
        }
        let base = padded(year, 4) + "-" + padded(month, 2)
        return day.map { base + "-" + padded($0, 2) } ?? base
    }

    public static func < (lhs: PolicyDate, rhs: PolicyDate) -> Bool {
        (lhs.year, lhs.month, lhs.day ?? 1) < (rhs.year, rhs.month, rhs.day ?? 1)
    }

    /// Midnight UTC of the day (the first of the month for month precision).
    public var date: Date {
        var components = DateComponents()
        components.year = year
        components.month = month
        components.day = day ?? 1
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: components)!
    }

    /// The day `date` falls on in UTC.
    public init(_ date: Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        self.init(year: parts.year!, month: parts.month!, day: parts.day!)
    }
}
