import Foundation
import PolicyHistory
import PolicyModel
import PolicyYAML
import Testing

@testable import PolicyRender

/// What the diff page lists as "Sections without changes", and the heading levels it gives
/// the sections it shows.
@Suite struct DiffLabelsTests {
    func document(_ frontMatter: String, _ body: String, version: String = "1.0") throws -> PolicyDocument {
        let yaml = "title: P\nversion: \"\(version)\"\neffective: 2025-01-01\nlast_updated: 2025-01-01\n" + frontMatter
        let (front, problems) = StrictYAMLDecoder(file: "p.md").decode(PolicyFrontMatter.self, from: yaml)
        #expect(problems.isEmpty, "\(problems)")
        return PolicyDocument(path: "p.md", language: LanguageCode("en")!, frontMatter: try #require(front), body: body, bodyLine: 1, contentHash: "")
    }

    @Test func aSectionWhoseClaimedDataOrSubsectionChangedIsNotListedAsUnchanged() throws {
        let body = "## Who we are\n\nUs.\n\n## Cookies we use {#cookies}\n\nSee the table.\n\n## Rights\n\nAsk us.\n\n### Access\n\nWithin %@.\n"
        let cookies =
            "cookies:\n  - category: essential\n    purpose: Sign-in\n    cookies:\n      - {name: sid, provider: Us, purpose: Session, duration: %@}\n"
        let old = try document(cookies.replacingOccurrences(of: "%@", with: "1 day"), body.replacingOccurrences(of: "%@", with: "30 days"))
        let new = try document(cookies.replacingOccurrences(of: "%@", with: "2 days"), body.replacingOccurrences(of: "%@", with: "a month"), version: "1.1")
        let diff = PolicyDiff(from: old, to: new)
        #expect(DiffLabels.unchanged(diff).map(\.title) == ["Who we are"])
    }

    @Test func headingLevelsFollowTheDocumentWithoutSkipping() {
        // An introduction, `##`, a `#####` inside a list, `###`, `####`, `##`.
        #expect(DiffLabels.headingLevels([0, 2, 5, 3, 4, 2]) == [2, 2, 3, 3, 4, 2])
        #expect(DiffLabels.headingLevels([4, 1, 6]) == [2, 2, 3])
    }
}
