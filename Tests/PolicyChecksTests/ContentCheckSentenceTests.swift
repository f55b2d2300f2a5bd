import Foundation
import TestSupport
import Testing

@testable import PolicyChecks

/// The cookie-prose check splits a text into sentences by walking its scalars; it must give
/// what a split over its Characters gives, where a separator next to a combining mark, a
/// carriage return or a prepended sign is not a Character on its own.
@Suite struct ContentCheckSentenceTests {
    @Test func scalarsSplitAsCharactersDo() {
        var random = SeededRandom(seed: 5)
        let pieces = [
            ".", "!", "?", "\n", "\r", "\r\n", "؟", "।", "\u{301}", "\u{651}", "\u{600}", "\u{200D}", "a", "é", "ش", "cookies", " ", "..", "😀",
        ]
        for _ in 0..<20_000 {
            let text = (0..<random.next(10)).map { _ in pieces[random.next(pieces.count)] }.joined()
            let expected = text.split(whereSeparator: { ".!?\n؟।".contains($0) })
            #expect(ContentChecks.sentences(of: text) == expected, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}
