public import Foundation
import PolicyConcurrency
public import PolicyModel
public import PolicyTranslations

/// How one page formats dates, numbers, durations and place names: the page's language,
/// the Foundation locale chosen for it, and its writing direction.
public struct PageLocale: Sendable {
    public let language: LanguageCode
    public let locale: Locale
    public let strings: UIStrings

    public init(language: LanguageCode, localeIdentifier: String? = nil, strings: UIStrings) {
        self.language = language
        self.locale = Locale(identifier: localeIdentifier ?? language.rawValue)
        self.strings = strings
    }

    /// Right-to-left for Arabic, Hebrew, Persian, Urdu and the like, from Foundation's data.
    public var isRightToLeft: Bool { direction == "rtl" }

    /// `rtl` or `ltr`. Kept per language for the process: every page asks it for itself and
    /// for each language it links to, and Foundation builds the language's data each time.
    public var direction: String { Self.direction(of: language) }

    public static func direction(of language: LanguageCode) -> String {
        Formatted.memo("\(language.rawValue)\u{1F}dir") {
            Locale.Language(identifier: language.rawValue).characterDirection == .rightToLeft ? "rtl" : "ltr"
        }
    }

    private var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        calendar.locale = locale
        return calendar
    }

    /// "14 January 2025", "15 janvier 2025"; a month-precision date as "January 2025".
    public func format(_ date: PolicyDate) -> String {
        Formatted.memo("\(locale.identifier)\u{1F}d\(date)") {
            let style: Date.FormatStyle
            if date.day == nil {
                style = Date.FormatStyle(locale: locale, calendar: calendar, timeZone: calendar.timeZone).year().month(.wide)
            } else {
                style = Date.FormatStyle(date: .long, time: .omitted, locale: locale, calendar: calendar, timeZone: calendar.timeZone)
            }
            return date.date.formatted(style)
        }
    }

    public func format(_ number: Int) -> String {
        Formatted.memo("\(locale.identifier)\u{1F}n\(number)") { number.formatted(.number.locale(locale).grouping(.never)) }
    }

    /// "up to 2 years", "jusqu'à 2 ans", "24–48 hours".
    public func format(_ duration: PolicyDuration) -> String {
        switch duration.kind {
        case .session:
            return strings["duration.session"]
        case let .span(lower, upper, unit, upTo):
            let count = lower.map { "\(format($0))–\(format(upper))" } ?? format(upper)
            let text = strings.plural("duration.\(unit.rawValue)", count: upper, n: count)
            return upTo ? strings.format("duration.up_to", ["duration": text]) : text
        case .compound(let parts):
            return parts.map { strings.plural("duration.\($0.unit.rawValue)", count: $0.count, n: format($0.count)) }.joined(separator: " ")
        case .event(let event):
            return strings.format("duration.until", ["event": event])
        }
    }

    /// The country's name in this language ("Maroc", "المغرب").
    public func countryName(_ country: CountryCode) -> String {
        locale.localizedString(forRegionCode: country.rawValue) ?? country.rawValue
    }

    /// The English name of a country, for comparing with text authors wrote in English.
    public static func englishCountryName(_ country: CountryCode) -> String {
        Locale(identifier: "en").localizedString(forRegionCode: country.rawValue) ?? country.rawValue
    }

    /// A language's own name, as shown in language switchers ("Français", "العربية"); kept per
    /// language for the process, as every page's switcher names every language.
    public static func nativeName(of language: LanguageCode) -> String {
        Formatted.memo("\(language.rawValue)\u{1F}name") {
            let locale = Locale(identifier: language.rawValue)
            let name = locale.localizedString(forIdentifier: language.rawValue) ?? language.rawValue
            return name.prefix(1).uppercased(with: locale) + name.dropFirst()
        }
    }

    /// A language's name in this page's language ("the English version").
    public func languageName(_ language: LanguageCode) -> String {
        locale.localizedString(forIdentifier: language.rawValue) ?? language.rawValue
    }
}
