public import Foundation
import PolicyConcurrency
public import PolicyModel
public import PolicyTranslations

/// Numbers and dates as Foundation formats them, kept for the process by locale: a format style
/// costs microseconds a call, and every cookie's duration, count and every version's date is
/// formatted again on each page that shows it. A site has few distinct ones.
enum Formatted {
    private static let values = ComputedCache<String>()

    static func memo(_ key: String, _ format: () -> String) -> String { values.value(for: key, compute: format) }
}
