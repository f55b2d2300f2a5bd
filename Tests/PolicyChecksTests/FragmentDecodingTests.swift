import Foundation
import TestSupport
import Testing

@testable import PolicyChecks

/// The link check decodes a link's `#fragment` before looking for the id it names, and skips
/// Foundation's decoding where the fragment has no `%`: it must give what Foundation gives.
@Suite struct FragmentDecodingTests {
    @Test func decodesAsFoundationDoes() {
        var random = SeededRandom(seed: 11)
        let pieces = ["%", "%20", "%C3%A9", "%zz", "%E2%82", "a", "é", "-", "_", "cookies", "\u{301}", "😀", "#", "25", "ش", " "]
        for _ in 0..<20_000 {
            let fragment = (0..<random.next(8)).map { _ in pieces[random.next(pieces.count)] }.joined()
            #expect(LinkChecker.decoded(fragment) == (fragment.removingPercentEncoding ?? fragment), "\(fragment)")
        }
        #expect(LinkChecker.decoded("caf%C3%A9") == "café")
        #expect(LinkChecker.decoded("data-we-collect") == "data-we-collect")
        #expect(LinkChecker.decoded("100%") == "100%")
    }
}
