import Foundation
import PolicyFiles
import PolicyText
import PolicyYAML
import TestSupport
import Testing

@testable import PolicyModel

@Suite("PolicyDate")
struct PolicyDateTests {
    @Test func writesFourDigitYearsAndTwoDigitMonthsAndDays() {
        #expect(PolicyDate(year: 987, month: 1, day: 5).description == "0987-01-05")
        #expect(PolicyDate(year: 2025, month: 12).description == "2025-12")
        #expect(PolicyDate(year: 12345, month: 10, day: 31).description == "12345-10-31")
    }

    @Test func parsesDayPrecision() throws {
        let date = try #require(PolicyDate("2025-03-14"))
        #expect(date.year == 2025)
        #expect(date.month == 3)
        #expect(date.day == 14)
        #expect(date.description == "2025-03-14")
    }

    @Test func parsesMonthPrecision() throws {
        let date = try #require(PolicyDate("2025-01"))
        #expect(date.year == 2025)
        #expect(date.month == 1)
        #expect(date.day == nil)
        #expect(date.description == "2025-01")
    }

    @Test func acceptsLeapDayOnlyInLeapYears() {
        #expect(PolicyDate("2024-02-29") != nil)
        #expect(PolicyDate("2000-02-29") != nil)
        #expect(PolicyDate("2025-02-29") == nil)
        #expect(PolicyDate("1900-02-29") == nil)
    }

    @Test(arguments: [
        "2025-02-30", "2025-04-31", "2025-13-01", "2025-00-10", "2025-01-00", "2025-1-05", "25-01-05",
        "2025/01/05", "2025-01-05-01", "yesterday", "", "2025", "2025-01-5",
    ])
    func rejectsInvalidDates(_ text: String) {
        #expect(PolicyDate(text) == nil)
    }

    @Test func comparesChronologically() throws {
        let a = try #require(PolicyDate("2024-12-31"))
        let b = try #require(PolicyDate("2025-01-01"))
        let c = try #require(PolicyDate("2025-01-15"))
        #expect(a < b)
        #expect(b < c)
        #expect(!(c < a))
        #expect([c, a, b].sorted() == [a, b, c])
    }

    @Test func monthPrecisionComparesAsFirstOfMonth() throws {
        let month = try #require(PolicyDate("2025-02"))
        let before = try #require(PolicyDate("2025-01-31"))
        let after = try #require(PolicyDate("2025-02-02"))
        #expect(before < month)
        #expect(month < after)
        #expect(month != PolicyDate("2025-02-01"))
    }

    @Test func roundTripsThroughFoundationDate() throws {
        let date = try #require(PolicyDate("2025-07-09"))
        #expect(PolicyDate(date.date) == date)
    }
}

@Suite("PolicyDuration")
struct PolicyDurationTests {
    @Test func parsesSimpleSpan() throws {
        let duration = try #require(PolicyDuration("14 months"))
        #expect(duration.kind == .span(lower: nil, upper: 14, unit: .month, upTo: false))
        #expect(duration.description == "14 months")
    }

    @Test func parsesUpTo() throws {
        let duration = try #require(PolicyDuration("up to 2 years"))
        #expect(duration.kind == .span(lower: nil, upper: 2, unit: .year, upTo: true))
        #expect(duration.description == "up to 2 years")
    }

    @Test func parsesRange() throws {
        let duration = try #require(PolicyDuration("24-48 hours"))
        #expect(duration.kind == .span(lower: 24, upper: 48, unit: .hour, upTo: false))
        #expect(duration.description == "24-48 hours")
    }

    @Test func parsesSession() throws {
        let duration = try #require(PolicyDuration("session"))
        #expect(duration.kind == .session)
        #expect(duration.description == "session")
        #expect(PolicyDuration("Session")?.kind == .session)
    }

    @Test func singularAndPluralUnits() {
        #expect(PolicyDuration("1 day")?.description == "1 day")
        #expect(PolicyDuration("1 days")?.description == "1 day")
        #expect(PolicyDuration("30 day")?.description == "30 days")
        #expect(PolicyDuration("2 Weeks")?.kind == .span(lower: nil, upper: 2, unit: .week, upTo: false))
    }

    @Test(arguments: [
        "soon", "", "14", "months", "14 fortnights", "48-24 hours", "24-24 hours", "up to 24-48 hours",
        "up to", "1-2-3 days", "ten days", "14 months ago",
    ])
    func rejectsInvalidDurations(_ text: String) {
        #expect(PolicyDuration(text) == nil)
    }
}

extension PolicyDurationTests {
    @Test(
        arguments: ["-3 days", "3- days", "3--5 days"])
    func rejectsStrayHyphens(_ text: String) {
        #expect(PolicyDuration(text) == nil)
    }
}

@Suite("PolicyVersionNumber")
struct PolicyVersionNumberTests {
    func v(_ text: String) throws -> PolicyVersionNumber { try #require(PolicyVersionNumber(text)) }

    @Test func comparesNumerically() throws {
        #expect(try v("1.9") < v("1.10"))
        #expect(try !(v("1.10") < v("1.9")))
        #expect(try v("1.2") < v("2.0"))
        #expect(try v("1.0") < v("1.0.1"))
        #expect(try [v("1.10"), v("1.2"), v("1.9")].sorted().map(\.description) == ["1.2", "1.9", "1.10"])
    }

    @Test func missingPatchEqualsZeroForOrdering() throws {
        #expect(try !(v("1.0") < v("1.0.0")))
        #expect(try !(v("1.0.0") < v("1.0")))
    }

    @Test func bumpsMajorAndMinor() throws {
        #expect(try v("1.2").bumped(major: true).description == "2.0")
        #expect(try v("1.2").bumped(major: false).description == "1.3")
        #expect(try v("1.9").bumped(major: false).description == "1.10")
        #expect(try v("2.1.3").bumped(major: true).description == "3.0.0")
        #expect(try v("2.1.3").bumped(major: false).description == "2.2.0")
    }

    @Test(arguments: ["1", "1.", "1.x", "v1.0", "1.0.0.0", "-1.0", "", "1..2"])
    func rejectsInvalidVersions(_ text: String) {
        #expect(PolicyVersionNumber(text) == nil)
    }
}

@Suite("Language and country codes")
struct CodeTests {
    @Test(arguments: ["en", "fr", "ar", "hi", "pt-br", "EN", "zh-CN"])
    func acceptsLanguages(_ text: String) throws {
        let code = try #require(LanguageCode(text))
        #expect(code.rawValue == text.lowercased())
    }

    @Test(arguments: ["eng", "fn", "e", "", "en-", "en-u1", "en-usa", "en-us-x", "xx"])
    func rejectsLanguages(_ text: String) {
        #expect(LanguageCode(text) == nil)
    }

    @Test func countryCodesAreUppercased() {
        #expect(CountryCode("ma")?.rawValue == "MA")
        #expect(CountryCode("FR")?.description == "FR")
        #expect(CountryCode("IN") != nil)
    }

    @Test(arguments: ["XX", "MAR", "M", "", "12"])
    func rejectsCountries(_ text: String) {
        #expect(CountryCode(text) == nil)
    }
}
