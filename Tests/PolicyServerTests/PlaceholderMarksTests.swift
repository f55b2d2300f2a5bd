import Foundation
import Testing

@testable import PolicyServer

/// `serve` marks the `[[TODO: …]]` placeholders left in a page's text; the files it writes, and
/// every built site, never carry the marks.
@Suite struct PlaceholderMarksTests {
    @Test func placeholdersInTextAreMarkedAndNowhereElse() {
        let page = """
            <html><head><title>[[TODO: title]]</title><meta name="description" content="[[TODO: summary]]">\
            <script>const s = "[[TODO: in script]]"; if (1 < 2) {}</script></head>
            <body><!-- [[TODO: in a comment]] --><p>Intro [[TODO: say who you are]] and more.</p>\
            <td>[[TODO: unclosed</td><a title="[[TODO: tip]]" href="#">link</a></body></html>
            """
        let (html, count) = PlaceholderMarks.marked(page)
        #expect(count == 2)
        #expect(html.contains(#"<p>Intro <mark class="policysite-todo">[[TODO: say who you are]]</mark> and more.</p>"#))
        #expect(html.contains(#"<td><mark class="policysite-todo">[[TODO: unclosed</mark></td>"#))
        // Left alone: the title, an attribute, a script and a comment, where a mark would break the page.
        #expect(html.contains("<title>[[TODO: title]]</title>"))
        #expect(html.contains(#"content="[[TODO: summary]]""#) && html.contains(#"title="[[TODO: tip]]""#))
        #expect(html.contains(#"const s = "[[TODO: in script]]"; if (1 < 2) {}"#))
        #expect(html.contains("<!-- [[TODO: in a comment]] -->"))
        // Removing the marks gives the page back byte for byte.
        let unmarked = html.replacingOccurrences(of: #"<mark class="policysite-todo">"#, with: "").replacingOccurrences(of: "</mark>", with: "")
        #expect(unmarked == page)
    }

    @Test func aPageWithoutPlaceholdersIsUnchanged() {
        let page = "<html><body><p>All written [[not a placeholder]].</p></body></html>"
        let marked = PlaceholderMarks.marked(page)
        #expect(marked.html == page && marked.count == 0)
        let injected = String(decoding: LiveReload.inject(into: Data(page.utf8)), as: UTF8.self)
        #expect(!injected.contains("policysite-todo"))
    }

    @Test func thePreviewMarksThemAndTheFileOnDiskDoesNot() async throws {
        let server = try await TestServer.start()
        try server.edit("caltryx-tech/en/privacy.md") { $0 + "\nWe keep [[TODO: the name of the archive service]] for backups.\n" }
        // The watcher rebuilds the company; asked again until the page has the new text (a
        // loaded machine may take seconds), without holding an event stream open.
        var reply = try await server.get("/caltryx-tech/en/")
        for _ in 0..<300 where !reply.body.contains("the name of the archive service") {
            try await Task.sleep(for: .milliseconds(100))
            reply = try await server.get("/caltryx-tech/en/")
        }
        #expect(reply.body.contains(#"<mark class="policysite-todo">[[TODO: the name of the archive service]]</mark>"#), "\(reply.body.suffix(3000))")
        #expect(reply.body.contains("<style data-policysite-serve>"))
        let file = try String(contentsOf: server.output.appendingPathComponent("caltryx-tech/en/index.html"), encoding: .utf8)
        #expect(file.contains("[[TODO: the name of the archive service]]"))
        #expect(!file.contains("policysite-todo"))
        try await server.stop()
    }
}
