import Testing

@testable import PolicyRender

/// What a section reads decides which pages may share its HTML; reading too little would let
/// two pages that differ share one section.
@Suite struct SectionBlocksTests {
    @Test func namesAreTheFirstSegmentOfEveryLookup() throws {
        let names = try #require(
            SectionReads.names(
                in:
                    "{{! a comment }}{{#company}}{{company.display_name}}{{/company}}{{^empty(items)}}{{{rows_html}}}{{&raw}}{{/empty(items)}}{{first(reversed(list))}}{{ spaced }}{{.}}{{t.policy.title}}{{> partial}}"
            ))
        #expect(names == ["company", "items", "rows_html", "raw", "list", "spaced", "t"])
    }

    @Test func readsTheTagsCannotPinDownAreUnknown() {
        for text in ["{{<layout}}{{/layout}}", "{{$main}}x{{/main}}", "{{=<% %>=}}", "{{#first()}}x{{/first()}}", "{{.name}}"] {
            #expect(SectionReads.names(in: text) == nil, "\(text)")
        }
    }

    @Test func aSectionReadsThroughEveryPartialItIncludes() {
        let sources = [
            "section-data": "<div>{{>*layout_partial}}</div>",
            "section-contact": "{{> contact-card}}{{#contact}}{{email}}{{/contact}}",
            "contact-card": "{{> address}}{{legal_name}}",
            "address": "{{#address}}{{line}}{{/address}}{{t.contact.title}}",
            "section-rights": "{{> loop}}",
            "loop": "{{> loop}}{{rights}}",
            "section-more": "{{>*other}}",
            "policy": "{{<layout}}{{$main}}{{#blocks}}{{{data_html}}}{{/blocks}}{{/main}}{{/layout}}",
        ]
        let (usesHTML, reads) = SectionReads.collect(sources)
        #expect(usesHTML)
        #expect(reads["contact"] == ["contact", "email", "legal_name", "address", "line"])
        // A partial that includes itself is read once; a section whose partial is missing reads nothing more.
        #expect(reads["rights"] == ["rights"])
        #expect(reads["cookies"] == [])
        // Another dynamic include could be any partial.
        #expect(reads["more"] == nil)
        #expect(SectionReads.collect(sources.merging(["policy": "{{#blocks}}{{> section-data}}{{/blocks}}"]) { $1 }).usesHTML == false)
    }

    @Test func keysFollowEveryValueButNotTheOrderOfEntries() throws {
        var grown: [String: Any] = [:]
        for (name, value) in [("b", "2"), ("a", "1"), ("c", "3")] { grown[name] = value }
        let context: [String: Any] = ["title": "Cookies", "rows": [["name": "sid", "secure": true]], "count": 2, "nested": ["a": "1", "b": "2", "c": "3"]]
        var reordered = context
        reordered["nested"] = grown
        let key = try #require(SectionBlocks.Key(context, of: "cookies"))
        #expect(SectionBlocks.Key(reordered, of: "cookies") == key)
        #expect(SectionBlocks.Key(context, of: "rights") != key)
        // `t` follows from the language, which the context holds as `lang`.
        #expect(SectionBlocks.Key(context.merging(["t": ["x": "y"]]) { $1 }, of: "cookies") == key)
        for changed: (String, Any) in [
            ("title", "Cookie"), ("count", 3), ("rows", [["name": "sid", "secure": false]]), ("rows", [["name": "sid", "secure": true], [:]]),
            ("nested", ["a": "1", "b": "23"]), ("nested", ["a": "12", "b": "3"]), ("extra", false),
        ] {
            var other = context
            other[changed.0] = changed.1
            #expect(SectionBlocks.Key(other, of: "cookies") != key, "\(changed)")
        }
        // Strings of every length up to past a word, so the tail is hashed as well as the words.
        let texts = (0..<20).map { String(repeating: "é", count: $0 / 2) + String(repeating: "x", count: $0 % 2) }
        #expect(Set(texts.compactMap { SectionBlocks.Key(["v": $0], of: "s") }).count == texts.count)
        // A value pages never hold makes no key: such a section is rendered on every page.
        #expect(SectionBlocks.Key(["date": 1.5], of: "cookies") == nil)
    }
}
