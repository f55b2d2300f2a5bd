import PolicyModel
import PolicyYAML
import Testing

@testable import PolicyHistory

@Suite struct PolicyDiffTests {
    func document(_ frontMatter: String, _ body: String, version: String = "1.0") throws -> PolicyDocument {
        let yaml = "title: P\nversion: \"\(version)\"\neffective: 2025-01-01\nlast_updated: 2025-01-01\n" + frontMatter
        let (front, problems) = StrictYAMLDecoder(file: "p.md").decode(PolicyFrontMatter.self, from: yaml)
        #expect(problems.isEmpty, "\(problems)")
        return PolicyDocument(path: "p.md", language: LanguageCode("en")!, frontMatter: try #require(front), body: body, bodyLine: 1, contentHash: "")
    }

    func lines(_ diff: PolicyDiff) -> [String] {
        diff.fields.map { change in
            switch change.kind {
            case .added: return "+ \(change.pathText) = \(change.after?.summary ?? "")"
            case .removed: return "- \(change.pathText)"
            case .changed: return "~ \(change.pathText): \(change.before?.summary ?? "") → \(change.after?.summary ?? "")"
            case .moved: return "> \(change.pathText) from \(FieldChange.text(change.movedFrom ?? []))"
            }
        }
    }

    @Test func fieldChangesNameWhatChangedAndMatchItemsByIdentity() throws {
        let old = try document(
            """
            cookies:
              - category: analytics
                purpose: Statistics
                cookies:
                  - {name: _ga, provider: Google, purpose: Visitors, duration: 2 years}
                  - {name: _pref, provider: Us, purpose: Layout, duration: {minutes: 30}}
              - category: preferences
                purpose: Settings
            retention:
              - {data: Logs, period: 6 months}
            rights:
              items: [{right: access}, {right: erasure}]
            third_parties:
              - {name: Stripe, purpose: Payments, corporate_location: United States}
              - {name: Mailer, purpose: E-mail}
            """, "")
        let new = try document(
            """
            cookies:
              - category: analytics
                purpose: Statistics
                cookies:
                  - {name: _gid, provider: Google, purpose: Sessions, duration: 1 day}
                  - {name: _ga, provider: Google, purpose: Visitors, duration: 13 months}
              - category: preferences
                purpose: Settings
                cookies:
                  - {name: _pref, provider: Us, purpose: Layout, duration: {minutes: 30}}
              - category: marketing
                purpose: Ads
            retention:
              - {data: Logs, period: 3 months}
            rights:
              items: [{right: access}, {right: portability}]
            third_parties:
              - {name: Mailer, purpose: E-mail}
              - {name: Stripe, purpose: Payments, corporate_location: China}
            """, "", version: "1.1")
        let diff = PolicyDiff(from: old, to: new)
        #expect(
            lines(diff) == [
                "+ cookies[analytics].cookies[_gid] = name: _gid; provider: Google; purpose: Sessions; duration: 1 day",
                "~ cookies[analytics].cookies[_ga].duration: 2 years → 13 months",
                "> cookies[preferences].cookies[_pref] from cookies[analytics].cookies[_pref]",
                "+ cookies[marketing] = category: marketing; purpose: Ads",
                "~ retention[Logs].period: 6 months → 3 months",
                "- rights.items[erasure]",
                "+ rights.items[portability] = right: portability",
                "~ third_parties[Stripe].corporate_location: United States → China",
            ])
        #expect(diff.from.description == "1.0" && diff.to.description == "1.1")
    }

    @Test func companyFactsAreComparedToo() throws {
        let text = try document("", "")
        var before = CompanyInfo(legalName: "Acme", displayName: "Acme")
        before.dpoNotAppointed = "Not required."
        var after = before
        after.dpoNotAppointed = nil
        after.dpos = [ContactPerson(name: "Dana", email: "dpo@acme.example", address: ["1 Main St"])]
        let diff = PolicyDiff(from: text, to: text, oldCompany: before, newCompany: after)
        #expect(
            lines(diff) == [
                "- company.dpo_not_appointed",
                "+ company.dpo[Dana] = name: Dana; email: dpo@acme.example; address: [1 Main St]",
            ])
    }

    @Test func proseIsComparedSentenceBySentenceWithinSectionsAtEveryLevel() throws {
        let old = try document(
            "", "Intro text.\n\n## Data {#data}\n\nWe keep logs. We delete them yearly.\n\n### Logs\n\nKept a week.\n\n## Old section\n\nGone soon.\n")
        let new = try document(
            "", "Intro text.\n\n## Data {#data}\n\nWe keep logs. We never sell them.\n\n### Logs\n\nKept a month.\n\n## New section\n\nFresh.\n")
        let diff = PolicyDiff(from: old, to: new)
        let data = try #require(diff.sections.first { $0.id == "data" })
        #expect(
            data.pieces == [
                TextPiece(kind: .same, text: "We keep logs."),
                TextPiece(kind: .removed, text: "We delete them yearly."),
                TextPiece(kind: .added, text: "We never sell them."),
            ])
        let logs = try #require(diff.sections.first { $0.title == "Logs" })
        #expect(logs.level == 3)
        #expect(
            logs.pieces == [
                TextPiece(
                    kind: .modified, text: "Kept a month.",
                    words: [
                        TextPiece(kind: .same, text: "Kept a"), TextPiece(kind: .removed, text: "week."), TextPiece(kind: .added, text: "month."),
                    ])
            ])
        #expect(diff.sections.first { $0.id == "preamble" }?.hasChanges == false)
        #expect(diff.sections.first { $0.id == "new-section" }?.status == .added)
        // The removed section stays where it stood, before the one added in its place.
        #expect(diff.sections.suffix(2).map(\.status) == [.removed, .added])
        #expect(!diff.isEmpty)
    }

    @Test func renamedAndMovedSectionsAreRecognised() throws {
        let body = "## Keeping data\n\nWe keep data for a year. Then we delete it.\n\n## Children\n\nNot for children.\n\n## Rights\n\nAsk us.\n"
        let moved = "## Children\n\nNot for children.\n\n## How long we keep data\n\nWe keep data for a year. Then we delete it.\n\n## Rights\n\nAsk us.\n"
        let diff = PolicyDiff(from: try document("", body), to: try document("", moved))
        let renamed = try #require(diff.sections.first { $0.title == "How long we keep data" })
        #expect(renamed.oldTitle == "Keeping data")
        #expect(renamed.status == .same)
        #expect(diff.sections.filter(\.moved).count == 1)
        #expect(diff.sections.first { $0.title == "Rights" }?.hasChanges == false)
    }

    @Test func changedLinkTargetsAreReported() throws {
        let diff = PolicyDiff(
            from: try document("", "## Contact\n\nSee [our page](https://a.example/x).\n"),
            to: try document("", "## Contact\n\nSee [our page](https://a.example/y).\n"))
        #expect(!diff.isEmpty)
        #expect(diff.sections.first?.links == [LinkChange(text: "our page", before: "https://a.example/x", after: "https://a.example/y")])
        #expect(DiffPrinter.render(diff).contains("~ link \"our page\": https://a.example/x → https://a.example/y"))
    }

    @Test func identicalVersionsHaveNoDifferences() throws {
        let text = "## A\n\nSame [link](https://x.example) and **bold**.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
        let diff = PolicyDiff(from: try document("", text), to: try document("", text))
        #expect(diff.isEmpty)
        #expect(DiffPrinter.render(diff) == "Changes from 1.0 to 1.0\nNo differences.\n")
    }

    @Test func markupIsNeverShownRaw() throws {
        let old = try document("", "## A\n\nSee [our page](https://x.example) and **this**.\n\n| Name | Kept |\n|---|---|\n| Logs | 1 week |\n")
        let new = try document("", "## A\n\nSee [our page](https://x.example) and **that**.\n\n| Name | Kept |\n|---|---|\n| Logs | 2 weeks |\n")
        let printed = DiffPrinter.render(PolicyDiff(from: old, to: new))
        #expect(printed.contains("~ See our page and [-this.-] {+that.+}"))
        #expect(printed.contains("- Logs · 1 week\n+ Logs · 2 weeks\n"))
        #expect(!printed.contains("**") && !printed.contains("|") && !printed.contains("]("))
    }

    @Test func terminalOutputWrapsColoursAndSummarises() throws {
        let diff = PolicyDiff(from: try document("", "## A\n\nOld one.\n"), to: try document("", "## A\n\nCompletely different words here.\n", version: "1.1"))
        #expect(DiffPrinter.render(diff) == "Changes from 1.0 to 1.1\n\n## A\n- Old one.\n+ Completely different words here.\n")
        let coloured = DiffPrinter(color: true).render(diff)
        #expect(coloured.contains("\u{1B}[31m- Old one.\u{1B}[0m"))
        let narrow = DiffPrinter(width: 20).render(diff)
        #expect(narrow.split(separator: "\n").allSatisfy { $0.count <= 23 })
        #expect(narrow.contains("+ Completely\n+ different words\n+ here.\n"))
        #expect(DiffPrinter(mode: .stat).render(diff) == "Changes from 1.0 to 1.1\n ## A | +1 -1 ~0\n")
        #expect(DiffPrinter(mode: .word).render(diff) == "Changes from 1.0 to 1.1\n\n## A\n[-Old one.-] {+Completely different words here.+}\n")
    }
}
