import Foundation
import PolicyText
import TestSupport
import Testing

@testable import PolicyYAML

/// `FrontMatter.split` reads a policy only up to its closing fence; it must give what splitting
/// the whole text into lines and joining them again gives.
@Suite struct FrontMatterSplitTests {
    /// What splitting the whole text into lines gives, written out.
    func byLines(_ text: String) -> String {
        let lines = text.lines
        guard FrontMatter.isOpened(lines) else { return "not opened" }
        guard let end = FrontMatter.closingLine(in: lines) else { return "unclosed" }
        return "\(lines[1..<end].joined(separator: "\n"))|\(lines[(end + 1)...].joined(separator: "\n"))|\(end)"
    }

    func written(_ split: FrontMatter.Split) -> String {
        switch split {
        case .notOpened: "not opened"
        case .unclosed: "unclosed"
        case let .split(yaml, body, closingLine): "\(yaml)|\(body)|\(closingLine)"
        }
    }

    @Test func agreesWithSplittingIntoLines() {
        let pieces = ["---", "--- ", " ---", "----", "\n", "\n", "title: T", "é", "", "-", "body"]
        var random = SeededRandom(seed: 11)
        func next(_ bound: Int) -> Int { random.next(bound) }
        var kinds: [String: Int] = [:]
        for _ in 0..<20_000 {
            // Half of them open with a fence, so most of the cases have front matter to find.
            let text = (next(2) == 0 ? "---\n" : "") + (0..<next(12)).map { _ in pieces[next(pieces.count)] }.joined()
            let expected = byLines(text)
            #expect(written(FrontMatter.split(text)) == expected, "\(text)")
            kinds[expected == "not opened" || expected == "unclosed" ? expected : "split", default: 0] += 1
        }
        #expect((kinds["split"] ?? 0) > 1_000 && (kinds["unclosed"] ?? 0) > 100 && (kinds["not opened"] ?? 0) > 100, "\(kinds)")
    }
}
