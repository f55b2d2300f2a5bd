import PolicyModel
import PolicyText
import Testing

@testable import PolicyHistory

/// The byte scanner splits sentences exactly as the scalar-by-scalar definition it replaced (with
/// the abbreviations that end no sentence).
@Suite struct DiffSentenceSplitTests {
    static func reference(_ text: String) -> [String] {
        let terminators: Set<Unicode.Scalar> = [".", "!", "?", "؟", "।", "。"]
        let scalars = Array(text.unicodeScalars)
        var result: [String] = []
        var start = 0
        func emit(_ end: Int) {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[start..<end])
            let sentence = String(view).trimmedSpaces
            if !sentence.isEmpty { result.append(sentence) }
            start = end
        }
        // A full stop before a lower-case letter or a digit, after an initial or after a known
        // abbreviation ends no sentence.
        func abbreviation(_ index: Int) -> Bool {
            guard scalars[index] == "." else { return false }
            var following = index + 1
            while following < scalars.count, scalars[following] == " " { following += 1 }
            if following < scalars.count, ("a"..."z").contains(scalars[following]) || ("0"..."9").contains(scalars[following]) { return true }
            var start = index
            while start > 0, !" (\"".unicodeScalars.contains(scalars[start - 1]) { start -= 1 }
            var word = String.UnicodeScalarView()
            word.append(contentsOf: scalars[start..<index])
            if word.count == 1, ("A"..."Z").contains(word.first!) { return true }
            return ["e.g", "i.e", "E.g", "I.e", "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "vs", "cf", "approx", "incl", "z.B", "d.h"].contains(String(word))
        }
        for index in scalars.indices where terminators.contains(scalars[index]) {
            if index + 1 == scalars.count || scalars[index + 1] == " " && !abbreviation(index) { emit(index + 1) }
        }
        if start < scalars.count { emit(scalars.count) }
        return result
    }

    @Test func matchesTheReferenceOnMixedScripts() {
        let pieces = ["We keep logs.", " ", "Vraiment?", "!", "نحن نحتفظ بالسجلات؟", "हम रखते हैं।", "我们保存。", "e.g.", "3.5", "…", " \t", "\r\n", "é", "  "]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined(
                separator: Bool.random() ? " " : "")
            #expect(ProseDiff.sentences(text) == Self.reference(text), "\(text.debugDescription)")
        }
        #expect(ProseDiff.sentences("One. Two? Three") == ["One.", "Two?", "Three"])
    }
}
