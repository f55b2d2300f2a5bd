import Foundation
import PolicyBuild
import PolicyDiagnostics
import PolicyModel
import TestSupport
import Testing

@testable import PolicyServer

@Suite struct LiveReloadTests {
    @Test func theScriptGoesJustBeforeTheLastBodyEndTag() {
        let page = String(decoding: LiveReload.inject(into: Data("<html><body><p>&lt;/body&gt;</p></BODY></html>".utf8)), as: UTF8.self)
        #expect(page == "<html><body><p>&lt;/body&gt;</p>\(LiveReload.script)</BODY></html>")
        #expect(String(decoding: LiveReload.inject(into: Data("<p>no body".utf8)), as: UTF8.self) == "<p>no body" + LiveReload.script)
    }

    @Test func theOverlayEscapesWhatItShows() {
        let overlay = String(decoding: LiveReload.overlay([.error(.yamlSyntax, at: .init(file: "a<b>.md", line: 1), "bad <script>")]), as: UTF8.self)
        #expect(overlay.contains("a&lt;b&gt;.md:1"))
        #expect(!overlay.contains("<script>alert") && !overlay.contains("bad <script>"))
    }
}
