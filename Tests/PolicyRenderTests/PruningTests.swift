import Testing

@testable import PolicyRender

/// Empty strings become `false` at every depth (so `{{#field}}` tests presence), keys stay,
/// the UI strings (`t`) are left alone, and values of any other type pass through.
@Suite struct PruningTests {
    @Test func emptyStringsBecomeFalseAtEveryDepth() throws {
        let context: [String: Any] = [
            "title": "T", "summary": "",
            "dpo": ["name": "D", "email": ""] as [String: String],
            "rows": [["name": "a", "path": ""], ["name": "b", "path": "/x"]] as [[String: String]],
            "blocks": [["html": "", "flag": true] as [String: Any]],
            "nested": ["inner": ["deep": ""] as [String: Any]] as [String: Any],
            "flags": ["a": true] as [String: Bool],
            "count": 3, "t": ["empty": ""] as [String: Any],
        ]
        let result = pruned(context)
        #expect(result["title"] as? String == "T" && result["summary"] as? Bool == false)
        let dpo = try #require(result["dpo"] as? [String: Any])
        #expect(dpo["name"] as? String == "D" && dpo["email"] as? Bool == false)
        let rows = try #require(result["rows"] as? [[String: Any]])
        #expect(rows[0]["path"] as? Bool == false && rows[1]["path"] as? String == "/x")
        let blocks = try #require(result["blocks"] as? [[String: Any]])
        #expect(blocks[0]["html"] as? Bool == false && blocks[0]["flag"] as? Bool == true)
        let inner = try #require((result["nested"] as? [String: Any])?["inner"] as? [String: Any])
        #expect(inner["deep"] as? Bool == false)
        #expect((result["flags"] as? [String: Any])?["a"] as? Bool == true)
        #expect(result["count"] as? Int == 3)
        #expect((result["t"] as? [String: Any])?["empty"] as? String == "")
        #expect(result.keys.sorted() == context.keys.sorted())
    }

    @Test func aContextWithNothingEmptyIsReturnedAsItIs() {
        let context: [String: Any] = ["title": "T", "rows": [["name": "a"]] as [[String: String]]]
        let result = pruned(context)
        #expect(result["title"] as? String == "T")
        #expect((result["rows"] as? [[String: String]])?.first?["name"] == "a")
    }
}
