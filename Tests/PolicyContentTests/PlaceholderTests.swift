import Foundation
import PolicyDiagnostics
import PolicyFiles
import PolicyModel
import PolicyText
import TestSupport
import Testing

@testable import PolicyContent

/// `Placeholder.find` skips a file whose bytes lack the marker; that must never skip one that
/// has a placeholder. (The bytes may be there without a placeholder, as in `[[TODÓ`, where a
/// combining accent makes another letter: then the search that follows finds none.)
@Suite struct PlaceholderTests {
    @Test func theByteScanAgreesWithASearch() {
        var random = SeededRandom(seed: 11)
        let pieces = ["[", "[[", "TODO", "[[TODO", "[[TOD", "é", "ش", "\n", "x", "]]", "[[todo", "\u{301}"]
        for _ in 0..<5_000 {
            let text = (0..<random.next(12)).map { _ in pieces[random.next(pieces.count)] }.joined()
            if text.contains(Placeholder.opening) { #expect(Placeholder.hasMarker(text), "\(text.debugDescription)") }
            if !Placeholder.hasMarker(text) { #expect(Placeholder.find(in: text, file: "x").isEmpty) }
        }
        #expect(Placeholder.hasMarker("[[TODO") && !Placeholder.hasMarker("[[TOD") && !Placeholder.hasMarker(""))
    }

    @Test func everyPlaceholderIsFoundWithItsLine() {
        let text = "title: [[TODO: name]]\nbody\n  see [[TODO: the address]] and [[TODO: more]]\n"
        let found = Placeholder.find(in: text, file: "site.yml")
        #expect(found.map(\.location.line) == [1, 3, 3])
        #expect(Placeholder.find(in: "nothing to do [[ here ]]", file: "site.yml").isEmpty)
    }

    @Test func bytesTellWhenAnASCIIWordCannotBeThere() {
        #expect("nos cookies".holdsBytes(of: "cookie") && !"témoins".holdsBytes(of: "cookie") && !"".holdsBytes(of: "x"))
        #expect("ab"[...].dropFirst().holdsBytes(of: "b") && !"ab"[...].dropLast().holdsBytes(of: "b"))
        // Having the bytes is not enough: Foundation's search still decides.
        #expect("cookie\u{301}".holdsBytes(of: "cookie") && !"cookie\u{301}".contains("cookie"))
    }
}
