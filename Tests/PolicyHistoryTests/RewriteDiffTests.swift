import Foundation
import PolicyModel
import PolicyYAML
import Testing

@testable import PolicyHistory

/// Issue 30 §2: the diff of a rewrite is read without the source beside it, so it pairs renamed
/// sections by content, never pairs what shares nothing, and prints every line marked and within
/// the terminal's width.
@Suite struct RewriteDiffTests {
    func document(_ body: String, version: String = "1.0") throws -> PolicyDocument {
        let yaml = "title: P\nversion: \"\(version)\"\neffective: 2025-01-01\nlast_updated: 2025-01-01\n"
        let (front, problems) = StrictYAMLDecoder(file: "p.md").decode(PolicyFrontMatter.self, from: yaml)
        #expect(problems.isEmpty, "\(problems)")
        return PolicyDocument(path: "p.md", language: LanguageCode("en")!, frontMatter: try #require(front), body: body, bodyLine: 1, contentHash: "")
    }

    func diff(_ old: String, _ new: String) throws -> PolicyDiff {
        PolicyDiff(from: try document(old), to: try document(new, version: "1.1"))
    }

    @Test func aRenamedAndEditedSectionIsPairedByContentAndNamedOnce() throws {
        let diff = try diff(
            "## Intro\n\nHello.\n\n## How we, and others, communicate with you\n\nWe send you e-mails about your account. We send newsletters only when you ask. "
                + "You can unsubscribe with one click. Our partners never write to you.\n\n## Rights\n\nAsk us.\n",
            "## Intro\n\nHello.\n\n## How we communicate with you\n\nWe send you e-mails about your account and invoices. We send newsletters only when you ask. "
                + "You can unsubscribe from every newsletter with one click.\n\n## Rights\n\nAsk us.\n")
        let changed = diff.sections.filter(\.hasChanges)
        #expect(changed.map(\.title) == ["How we communicate with you"])
        #expect(changed.first?.oldTitle == "How we, and others, communicate with you")
        #expect(changed.first?.status == .changed)
        let printed = DiffPrinter(width: 100).render(diff)
        #expect(printed.components(separatedBy: "How we, and others, communicate with you").count == 2, "\(printed)")
        #expect(printed.contains("## How we communicate with you (renamed from \"How we, and others, communicate with you\")\n"))
        #expect(!printed.contains("[removed]") && !printed.contains("[added]"))
    }

    @Test func aRemovedSectionIsListedWhereItStood() throws {
        let diff = try diff(
            "## A\n\nAlpha text.\n\n## Children\n\nNot for anyone under 16.\n\n## C\n\nGamma text.\n",
            "## A\n\nAlpha text.\n\n## Your choices\n\nYou decide which newsletters reach you.\n\n## C\n\nGamma text.\n")
        #expect(diff.sections.map(\.title) == ["A", "Children", "Your choices", "C"])
        #expect(diff.sections.map(\.status) == [.same, .removed, .added, .same])
    }

    @Test func sectionsWhoseTextsShareNothingAreNeverPaired() throws {
        // The list's `##### Cookies` heading comes first in the new text, so it takes the id the
        // `#### Cookies` section had; it is still another section.
        let diff = try diff(
            "## Data\n\nWe collect data.\n\n#### Cookies\n\nSession cookies expire when you close your browser.\n",
            "## Data\n\nWe collect data.\n\n- Device data\n\n  ##### Cookies\n\n  Identifiers stored in cookies on your device.\n\n"
                + "#### Cookie lifetimes\n\nSession cookies expire when you close your browser.\n")
        let listHeading = try #require(diff.sections.first { $0.level == 5 })
        #expect(listHeading.status == .added && listHeading.oldTitle == nil && !listHeading.moved)
        let lifetimes = try #require(diff.sections.first { $0.title == "Cookie lifetimes" })
        #expect(lifetimes.oldTitle == "Cookies" && lifetimes.status == .same && !lifetimes.moved)
        #expect(!diff.sections.contains { $0.status == .removed })
        // Same title, other level, nothing in common: two sections.
        let unrelated = try self.diff("#### Cookies\n\nWe bake them.\n", "##### Cookies\n\nIdentifiers on your device.\n")
        #expect(unrelated.sections.map(\.status) == [.removed, .added])
    }

    @Test func sentencesAreNotSplitAtAbbreviations() {
        #expect(
            ProseDiff.sentences(
                "We are Example, Inc. and its EU affiliate Example Europe Ltd. process data, e.g. logs, i.e. records. See clause No. 5 by J. R. Miller. Done!"
            ) == [
                "We are Example, Inc. and its EU affiliate Example Europe Ltd. process data, e.g. logs, i.e. records.",
                "See clause No. 5 by J. R. Miller.", "Done!",
            ])
        // A full stop before a capital still ends a sentence.
        #expect(ProseDiff.sentences("We keep logs. We delete them.") == ["We keep logs.", "We delete them."])
    }

    @Test func codeBlocksAndTablesAreShownLineByLineWithMarkersAndHeader() throws {
        let diff = try diff(
            "## A\n\nAlpha.\n",
            "## A\n\nAlpha.\n\n| Data | Kept for |\n|---|---|\n| Logs | 90 days |\n| Invoices | 10 years |\n\n    curl https://api.example.com/v1/me\n    - name: account\n"
        )
        let printed = DiffPrinter.render(diff)
        #expect(
            printed.hasSuffix("## A\n+ Data · Kept for\n+ Logs · 90 days\n+ Invoices · 10 years\n+ curl https://api.example.com/v1/me\n+ - name: account\n"),
            "\(printed)")
        let word = DiffPrinter(mode: .word).render(diff)
        #expect(word.contains("{+Logs · 90 days+}\n{+Invoices · 10 years+}\n"), "\(word)")
    }

    @Test func noLineIsWiderThanTheTerminalButAURLAndWrappedLinesKeepTheirMarker() throws {
        let long = String(repeating: "Every choice can be changed later in your account settings page. ", count: 3)
        let diff = try diff(
            "## Changes to this statement and to everything else we ever publish about privacy\n\nWe announce changes on this page.\n",
            "## Changes to this statement and to everything else we ever publish about privacy\n\nWe announce changes here. \(long)"
                + "Versions are at https://policies.example.org/acme/en/versions/all-earlier-versions-of-this-privacy-statement/ for reference.\n\n"
                + "    export EXAMPLE_PERSONAL_ACCESS_TOKEN_FOR_THE_ACCOUNT_API_OF_EXAMPLE=1\n")
        for width in [40, 80] {
            let printed = DiffPrinter(width: width).render(diff)
            let lines = printed.split(separator: "\n")
            let tooLong = lines.filter { $0.count > width && !$0.contains("://") }
            #expect(tooLong.isEmpty, "width \(width):\n\(printed)")
            // Every line of changed text starts with its marker: none is left bare.
            let body = lines.drop { !$0.hasPrefix("## ") }.dropFirst().filter { !$0.hasPrefix(" ") }
            #expect(body.allSatisfy { ["+ ", "- ", "~ "].contains($0.prefix(2)) }, "width \(width):\n\(printed)")
        }
        let colored = DiffPrinter(width: 40, color: true).render(diff)
        #expect(colored.split(separator: "\n").allSatisfy { DiffPrinter.visibleLength($0) <= 40 || $0.contains("://") })
    }
}
