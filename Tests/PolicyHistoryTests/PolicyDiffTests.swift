import PolicyModel
import Testing

@testable import PolicyHistory

@Suite struct PolicyDiffTests {
    func document(_ frontMatter: String, _ body: String, version: String = "1.0") throws -> PolicyDocument {
        let yaml = "title: P\nversion: \"\(version)\"\neffective: 2025-01-01\nlast_updated: 2025-01-01\n" + frontMatter
        let (front, problems) = StrictYAMLDecoder(file: "p.md").decode(PolicyFrontMatter.self, from: yaml)
        #expect(problems.isEmpty, "\(problems)")
        return PolicyDocument(path: "p.md", language: LanguageCode("en")!, frontMatter: try #require(front), body: body, bodyLine: 1, contentHash: "")
    }

    @Test func structuredChangesNameWhatChanged() throws {
        let old = try document("""
            cookies:
              - category: analytics
                purpose: Statistics
                cookies:
                  - {name: _ga, provider: Google, purpose: Visitors, duration: 2 years}
            retention:
              - {data: Logs, period: 6 months}
            rights:
              items: [{right: access}, {right: erasure}]
            """, "")
        let new = try document("""
            cookies:
              - category: analytics
                purpose: Statistics
                cookies:
                  - {name: _ga, provider: Google, purpose: Visitors, duration: 13 months}
                  - {name: _gid, provider: Google, purpose: Sessions, duration: 1 day}
              - category: marketing
                purpose: Ads
            retention:
              - {data: Logs, period: 3 months}
            rights:
              items: [{right: access}, {right: portability}]
            """, "", version: "1.1")
        let diff = PolicyDiff(from: old, to: new)
        let summary = diff.structured.map { "\($0.area.rawValue) \($0.kind.rawValue) \($0.subject): \($0.before ?? "-") → \($0.after ?? "-")" }
        #expect(summary == [
            "cookies added category marketing: - → Ads",
            "cookies changed _ga: Google; Visitors; 2 years → Google; Visitors; 13 months",
            "cookies added _gid: - → Google; Sessions; 1 day",
            "retention changed Logs: 6 months → 3 months",
            "rights removed erasure:  → -",
            "rights added portability: - → ",
        ])
        #expect(diff.from.description == "1.0" && diff.to.description == "1.1")
    }

    @Test func proseIsComparedSentenceBySentenceWithinSections() throws {
        let old = try document("", "Intro text.\n\n## Data {#data}\n\nWe keep logs. We delete them yearly.\n\n## Old section\n\nGone soon.\n")
        let new = try document("", "Intro text.\n\n## Data {#data}\n\nWe keep logs. We delete them monthly. We never sell them.\n\n## New section\n\nFresh.\n")
        let diff = PolicyDiff(from: old, to: new)
        let data = try #require(diff.sections.first { $0.id == "data" })
        #expect(data.pieces == [
            TextPiece(kind: .same, text: "We keep logs."),
            TextPiece(kind: .removed, text: "We delete them yearly."),
            TextPiece(kind: .added, text: "We delete them monthly. We never sell them."),
        ])
        #expect(diff.sections.first { $0.id == "preamble" }?.hasChanges == false)
        #expect(diff.sections.first { $0.id == "new-section" }?.pieces == [TextPiece(kind: .added, text: "Fresh.")])
        #expect(diff.sections.last?.pieces == [TextPiece(kind: .removed, text: "Gone soon.")])
        #expect(!diff.isEmpty)
    }

    @Test func identicalVersionsHaveNoDifferences() throws {
        let text = "## A\n\nSame [link](https://x.example) and **bold**.\n"
        let diff = PolicyDiff(from: try document("", text), to: try document("", text))
        #expect(diff.isEmpty)
        #expect(DiffPrinter.render(diff) == "Changes from 1.0 to 1.0\nNo differences.\n")
    }

    @Test func markupIsRemovedForReading() {
        #expect(TextDiff.sentences("See [our page](https://x.example) and **this**. Then `code`!") == ["See our page and this.", "Then code!"])
        #expect(TextDiff.split("- one\n- two\ncontinued\n").first?.sentences == ["- one", "- two continued"])
    }

    @Test func terminalOutputMarksAddedAndRemovedSentences() throws {
        let diff = PolicyDiff(from: try document("", "## A\n\nOld one.\n"), to: try document("", "## A\n\nNew one.\n", version: "1.1"))
        #expect(DiffPrinter.render(diff) == "Changes from 1.0 to 1.1\n\n## A\n- Old one.\n+ New one.\n")
    }
}

@Suite struct FrontMatterEditorTests {
    @Test func replacesFieldsAndKeepsEverythingElse() {
        let text = "---\ntitle: T\nversion: \"1.0\"  \n# a comment\nlast_updated: 2025-01-01\n---\nversion: body line stays\n"
        let edited = FrontMatterEditor.set(["version": "\"1.1\"", "last_updated": "2026-11-23", "effective": "2026-11-23"], in: text)
        #expect(edited == "---\ntitle: T\nversion: \"1.1\"\n# a comment\nlast_updated: 2026-11-23\neffective: 2026-11-23\n---\nversion: body line stays\n")
    }

    @Test func changelogQuotingSurvivesAnyText() {
        #expect(ChangelogFile.quote("He said \"no\": ok\n#1 \\ done") == "\"He said \\\"no\\\": ok\\n#1 \\\\ done\"")
    }
}
