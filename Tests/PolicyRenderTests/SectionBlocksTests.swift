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
}
