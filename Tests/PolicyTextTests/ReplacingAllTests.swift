import Foundation
import PolicyText
import TestSupport
import Testing

/// `replacingAll` finds matches on bytes where that gives Foundation's answer, and asks
/// Foundation otherwise; either way the result must be Foundation's.
@Suite struct ReplacingAllTests {
    @Test func agreesWithFoundation() {
        let pieces = ["{n}", "{", "n", "}", " ", "é", "\u{301}", "\u{200D}", "\u{0600}", "ا", "_", "-", "index.html", "a", "{n}{n}", "//", "/"]
        let targets = ["{n}", "_", "-", "index.html", "//", "n}", "é", "\u{301}"]
        var random = SeededRandom(seed: 3)
        func next(_ bound: Int) -> Int { random.next(bound) }
        for _ in 0..<20_000 {
            let text = (0..<next(10)).map { _ in pieces[next(pieces.count)] }.joined()
            let target = targets[next(targets.count)], replacement = ["12", "", "x\u{301}", "/"][next(4)]
            #expect(
                Array(text.replacingAll(target, with: replacement).utf8) == Array(text.replacingOccurrences(of: target, with: replacement).utf8),
                "\(text) \(target)")
        }
    }
}
