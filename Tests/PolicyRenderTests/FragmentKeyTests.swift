import Testing

@testable import PolicyModel
@testable import PolicyRender

/// A fragment rendered once (a section, a table row) is reused wherever the same values show
/// up in the same language through the same template, and only there: its key holds all three.
@Suite struct FragmentKeyTests {
    let row = SectionModel.Cookie(name: "_ga", provider: "Google", purpose: "Counts visits", duration: "13 months", path: nil)
    let en = LanguageCode("en")!

    @Test func theSameRowInTheSameLanguageHasOneKey() {
        let copy = SectionModel.Cookie(name: "_ga", provider: "Google", purpose: "Counts visits", duration: "13 months", path: nil)
        #expect(FragmentKey(name: "cookie-row", language: en, row) == FragmentKey(name: "cookie-row", language: en, copy))
    }

    @Test func anyDifferenceMakesAnotherKey() {
        let key = FragmentKey(name: "cookie-row", language: en, row)
        #expect(FragmentKey(name: "cookie-row", language: LanguageCode("fr")!, row) != key)
        #expect(FragmentKey(name: "other-row", language: en, row) != key)
        let changed = [
            SectionModel.Cookie(name: "_gax", provider: "Google", purpose: "Counts visits", duration: "13 months", path: nil),
            SectionModel.Cookie(name: "_ga", provider: "Googlex", purpose: "Counts visits", duration: "13 months", path: nil),
            SectionModel.Cookie(name: "_ga", provider: "Google", purpose: "Counts visitsx", duration: "13 months", path: nil),
            SectionModel.Cookie(name: "_ga", provider: "Google", purpose: "Counts visits", duration: nil, path: nil),
            SectionModel.Cookie(name: "_ga", provider: "Google", purpose: "Counts visits", duration: "13 months", path: "/"),
        ]
        #expect(Set(changed.map { FragmentKey(name: "cookie-row", language: en, $0) }).count == changed.count)
        for other in changed { #expect(FragmentKey(name: "cookie-row", language: en, other) != key, "\(other)") }
        // Values cannot run into each other across fields.
        let a = SectionModel.Cookie(name: "a", provider: "bc", purpose: nil, duration: nil, path: nil)
        let b = SectionModel.Cookie(name: "ab", provider: "c", purpose: nil, duration: nil, path: nil)
        #expect(FragmentKey(name: "cookie-row", language: en, a) != FragmentKey(name: "cookie-row", language: en, b))
    }

    /// A value the page does not have is not the value `false` nor an empty text.
    @Test func anAbsentValueIsNotAnyValue() {
        let absent = FragmentKey(name: "s", language: en, values: [nil])
        #expect(FragmentKey(name: "s", language: en, values: [false]) != absent)
        #expect(FragmentKey(name: "s", language: en, values: [""]) != absent)
        #expect(FragmentKey(name: "s", language: en, values: [true]) != FragmentKey(name: "s", language: en, values: ["true"]))
    }
}
