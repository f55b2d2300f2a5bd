import PolicyModel
import PolicyText
import Testing

@testable import PolicyHistory

/// Sentences are trimmed on bytes where that is what trimming Characters gives, and by
/// Characters otherwise; either way the result must be the Character one.
@Suite struct SentenceTrimmingTests {
    @Test func agreesWithTrimmingCharacters() {
        let pieces = [" ", "  ", "\t", "\r", "\n", "\r\n", "a", ".", "é", "\u{301}", "\u{200D}", "\u{0600}", "ا", "؟", "x y"]
        var state: UInt64 = 13
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<20_000 {
            let text = (0..<next(8)).map { _ in pieces[next(pieces.count)] }.joined()
            let bytes = Array(text.utf8)
            let trimmed = bytes.withUnsafeBufferPointer { ProseDiff.trimmed($0) }
            #expect(Array(trimmed.utf8) == Array(text.trimmedSpaces.utf8), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}
