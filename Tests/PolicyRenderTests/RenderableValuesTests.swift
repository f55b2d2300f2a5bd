import Mustache
import Testing

@testable import PolicyRender

/// Strings, numbers and flags render through `MustacheCustomRenderable` (a shortcut past
/// swift-mustache's chain of casts); what they render must be what they rendered before.
@Suite struct RenderableValuesTests {
    let template = try! MustacheTemplate(
        string:
            "{{s}}|{{{s}}}|{{n}}|{{{n}}}|{{b}}|{{f}}|{{#s}}[{{.}}]{{/s}}|{{^s}}none{{/s}}|{{#empty}}[x]{{/empty}}|{{#n}}<{{.}}>{{/n}}|{{#f}}no{{/f}}{{^f}}off{{/f}}"
    )

    /// An empty string is a value, not a missing one, to swift-mustache: its section renders
    /// (which is why page contexts turn empty strings into `false`).
    @Test func valuesRenderAsTheyDescribeThemselves() {
        let context: [String: Any] = ["s": "a <b> & \"c\"", "n": 42, "b": true, "f": false, "empty": ""]
        #expect(
            template.render(context)
                == "a &lt;b&gt; &amp; &quot;c&quot;|a <b> & \"c\"|42|42|true|false|[a &lt;b&gt; &amp; &quot;c&quot;]||[x]|<42>|off")
    }

    /// Inside a section over a string or number, names resolve further down the stack as before,
    /// and the value itself has no named children.
    @Test func namesInsideASectionOverAValueComeFromBelowIt() {
        let inner = try! MustacheTemplate(string: "{{#s}}{{s}}/{{n}}/{{count}}/{{.}}{{/s}}|{{#n}}{{s}}:{{description}}{{/n}}")
        #expect(inner.render(["s": "ab", "n": 7] as [String: Any]) == "ab/7//ab|ab:")
        #expect("text".child(named: "count") == nil && 3.child(named: "description") == nil)
    }

    @Test func noValueIsEverNull() {
        #expect(!"".isNull && !0.isNull && !false.isNull)
        #expect("x".renderText == String(describing: "x") && (-7).renderText == String(describing: -7) && true.renderText == String(describing: true))
    }
}
