import TestSupport
import Testing

@testable import PolicyMarkdown

/// The byte scan that judges a link's scheme must agree with the text check it shortcuts, on
/// every URL: ordinary ones, schemes in any case with whitespace inside, and the characters
/// where bytes and `Character`s part ways (non-ASCII spaces, marks combining with the colon).
@Suite struct UnsafeURLTests {
    func agree(_ url: String) -> Bool {
        url.withCString { MarkdownRenderer.isUnsafeURL($0) } == MarkdownRenderer.isUnsafeURL(url)
    }

    @Test func knownURLs() {
        let unsafe = ["javascript:alert(1)", "JavaScript:x", " java\tscript :x", "VBSCRIPT:x", "file:///etc/passwd", "data:text/html,hi", "java\r\nscript:x"]
        let safe = [
            "https://example.org/a:b", "mailto:privacy@example.org", "#contact", "../rights/", "data:image/png;base64,AA", "", ":x", "javascripts:x",
            "xjavascript:x", "java\u{00A0}script:x", "javascript:\u{0301}x", "javascrİpt:x",
        ]
        for url in unsafe { #expect(MarkdownRenderer.isUnsafeURL(url), "\(url.debugDescription)") }
        for url in safe + unsafe { #expect(agree(url), "\(url.debugDescription)") }
    }

    /// Every ASCII byte in every position of short schemes, and generated URLs mixing scheme
    /// letters, whitespace, colons and a few non-ASCII characters.
    @Test func generatedURLs() {
        for byte in UInt8(1)...UInt8(127) {
            let character = String(UnicodeScalar(byte))
            for url in [character + "file:x", "fi" + character + "le:x", "file" + character + ":x", "file:" + character, "data" + character + ":image/x"] {
                #expect(agree(url), "\(url.debugDescription)")
            }
        }
        let pieces = [
            "j", "a", "v", "s", "c", "r", "i", "p", "t", "J", "S", "b", "f", "l", "e", "d", "m", "g", "/", ":", " ", "\t", "\n", "\u{0B}", "\u{1C}", "\u{85}",
            "\u{00A0}", "\u{2028}", "\u{0301}", "é", "javascript", "vbscript", "file", "data", "image/",
        ]
        var random = SeededRandom(seed: 13)
        for _ in 0..<20_000 {
            let url = (0..<(1 + random.next(7))).map { _ in pieces[random.next(pieces.count)] }.joined()
            #expect(agree(url), "\(url.debugDescription)")
        }
    }
}
