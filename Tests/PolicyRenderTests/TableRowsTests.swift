import Testing

@testable import PolicyModel
@testable import PolicyRender

/// A row rendered once is reused wherever the same row shows up in the same language, and
/// only there: its key holds the partial, the language and every value.
@Suite struct TableRowsTests {
    let row: [String: Any] = ["name": "_ga", "provider": "Google", "purpose": "Counts visits", "duration": "13 months", "path": false]
    let en = LanguageCode("en")!

    @Test func theSameRowInTheSameLanguageHasOneKey() throws {
        let key = try #require(TableRows.key(row, template: "cookie-row", language: en))
        #expect(TableRows.key(row, template: "cookie-row", language: en) == key)
    }

    @Test func anyDifferenceMakesAnotherKey() throws {
        let key = try #require(TableRows.key(row, template: "cookie-row", language: en))
        #expect(TableRows.key(row, template: "cookie-row", language: LanguageCode("fr")!) != key)
        #expect(TableRows.key(row, template: "other-row", language: en) != key)
        for name in row.keys {
            var changed = row
            changed[name] = (row[name] as? String).map { $0 + "x" } ?? "x"
            #expect(TableRows.key(changed, template: "cookie-row", language: en) != key, "\(name)")
            changed[name] = nil
            #expect(TableRows.key(changed, template: "cookie-row", language: en) != key, "\(name) left out")
        }
        // Values cannot run into each other across a separator.
        let a: [String: Any] = ["name": "a", "provider": "bc"], b: [String: Any] = ["name": "ab", "provider": "c"]
        #expect(TableRows.key(a, template: "cookie-row", language: en) != TableRows.key(b, template: "cookie-row", language: en))
        // A flag is not the text that looks like it.
        #expect(TableRows.key(["path": true], template: "t", language: en) != TableRows.key(["path": "t"], template: "t", language: en))
    }

    @Test func aRowWithAValueThatCannotBeKeyedIsNotKept() {
        #expect(TableRows.key(["items": [["item": "x"]]], template: "cookie-row", language: en) == nil)
    }
}
