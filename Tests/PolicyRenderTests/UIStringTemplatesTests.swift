import PolicyMarkdown
import Testing

@testable import PolicyRender

/// UI strings written into template text must render exactly what the tags rendered.
@Suite struct UIStringTemplatesTests {
    let tree: [String: Any] = [
        "cookies": ["provider": "Provider & <host>", "braces": "{{odd}}", "group": ["x": "y"]],
        "title": "Title",
    ]

    func substitute(_ text: String) -> String {
        UIStringTemplates.substitute(text, tree: UIStringTree(tree: tree), escape: { escapeAttribute($0) })
    }

    @Test func stringTagsAreWrittenInEscapedOrAsIs() {
        #expect(substitute("<th>{{t.cookies.provider}}</th>") == "<th>Provider &amp; &lt;host&gt;</th>")
        #expect(substitute("{{ t.title }}|{{{t.cookies.provider}}}|{{& t.cookies.provider}}") == "Title|Provider & <host>|Provider & <host>")
    }

    @Test func everythingElseIsLeftToTheRenderer() {
        for text in [
            "{{t.cookies.missing}}", "{{t.cookies.group}}", "{{t.cookies.braces}}", "{{#t.cookies}}{{provider}}{{/t.cookies}}",
            "{{^t.title}}none{{/t.title}}", "{{title}}", "{{t.title", "{{> t.title}}", "{{uppercase(t.title)}}",
        ] {
            #expect(substitute(text) == text, "\(text)")
        }
        // A template that changes its delimiters is left whole.
        #expect(substitute("{{=<% %>=}}<%t.title%> {{t.title}}") == "{{=<% %>=}}<%t.title%> {{t.title}}")
    }
}
