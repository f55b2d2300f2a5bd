import Foundation
import FoundationEssentials
import PolicyMarkdown
import PolicyModel
import TestSupport
import Testing

@testable import PolicyRender

@Suite("SitePaths")
struct SitePathsTests {
    @Test(arguments: [
        (from: "acme/en/cookies/", to: "acme/en/", expected: "../index.html"),
        ("", "acme/en/", "acme/en/index.html"),
        ("acme/en/", "assets/style.css", "../../assets/style.css"),
        ("", "assets/style.css", "assets/style.css"),
        ("acme/en/", "acme/en/", "index.html"),
        ("acme/en/", "acme/fr/", "../fr/index.html"),
        ("acme/en/", "acme/en/cookies/", "cookies/index.html"),
        ("acme/en/cookies/", "", "../../../index.html"),
        ("acme/en/", "beta/en/", "../../beta/en/index.html"),
    ])
    func link(_ example: (from: String, to: String, expected: String)) {
        #expect(SitePaths.link(from: example.from, to: example.to) == example.expected)
    }

    @Test func pagePaths() {
        let en = LanguageCode("en")!
        #expect(SitePaths.policy("acme", en) == "acme/en/")
        #expect(SitePaths.cookies("acme", en) == "acme/en/cookies/")
        #expect(SitePaths.version("acme", en, PolicyVersionNumber("1.10")!) == "acme/en/versions/1.10/")
        #expect(SitePaths.diff("acme", en, from: PolicyVersionNumber("1.0")!, to: PolicyVersionNumber("1.1")!) == "acme/en/diff/1.0-1.1/")
        #expect(SitePaths.file("acme/en/") == "acme/en/index.html")
        #expect(SitePaths.file("") == "index.html")
        #expect(SitePaths.file("acme/en/feed.xml") == "acme/en/feed.xml")
    }
}

@Suite("PolicyLayout")
struct PolicyLayoutTests {
    let sections: [(id: String, title: String)] = [("retention", "How long we keep it"), ("cookies", "Cookies"), ("contact", "Contact")]

    func body(_ markdown: String) -> RenderedMarkdown {
        MarkdownRenderer(reservedIDs: PolicyPages.sectionIDs).render(markdown)
    }

    /// The blocks in order: prose by its first heading's id (or its text), data and sections by id.
    func outline(_ layout: PolicyLayout) -> [String] {
        layout.blocks.map { block in
            switch block {
            case .prose(let html):
                if let range = html.range(of: #"<h2 id="[^"]+""#, options: .regularExpression) { return "prose:" + html[range].dropFirst(8).dropLast() }
                return "prose"
            case .data(let id): return "data:" + id
            case let .section(id, _): return "section:" + id
            }
        }
    }

    @Test func claimedSectionFollowsItsOwnText() throws {
        let layout = PolicyLayout(
            body: body("## Intro\n\nHello.\n\n## Our cookies {#cookies}\n\nWe use cookies.\n\n## Contact us {#contact}\n\nWrite to us.\n"),
            sections: sections)
        // Claimed sections are not repeated under the theme's headings; unclaimed ones go
        // before a claimed contact section.
        #expect(outline(layout) == ["prose:intro", "prose:cookies", "data:cookies", "section:retention", "prose:contact", "data:contact"])
        #expect(layout.toc.map(\.id) == ["intro", "cookies", "retention", "contact"])
        #expect(layout.toc.map(\.text) == ["Intro", "Our cookies", "How long we keep it", "Contact us"])
    }

    @Test func twentyThousandIdenticalHeadingsEachGetTheirOwnEntry() throws {
        let layout = PolicyLayout(body: body(String(repeating: "## Same\n\nText.\n\n", count: 20_000)), sections: sections)
        let ids = layout.toc.map(\.id)
        #expect(ids.count == 20_003 && Set(ids).count == 20_003)
        #expect(ids.prefix(2) == ["same", "same-2"] && ids[19_999] == "same-20000")
        #expect(layout.toc.prefix(20_000).allSatisfy { $0.text == "Same" })
        #expect(layout.blocks.count == 20_003)
    }

    @Test func unclaimedSectionsAreAppendedWhenContactIsNotClaimed() throws {
        let layout = PolicyLayout(
            body: body("## Intro\n\nHello.\n\n## Our cookies {#cookies}\n\nWe use cookies.\n\n## Questions\n\nAsk us.\n"),
            sections: sections)
        #expect(outline(layout) == ["prose:intro", "prose:cookies", "data:cookies", "prose:questions", "section:retention", "section:contact"])
        #expect(layout.toc.map(\.id) == ["intro", "cookies", "questions", "retention", "contact"])
    }

    @Test func bodyWithoutClaimsGetsEverySectionAfterIt() throws {
        let layout = PolicyLayout(body: body("Intro paragraph.\n\n## Cookies\n\nText.\n"), sections: sections)
        #expect(outline(layout) == ["prose", "prose:cookies-2", "section:retention", "section:cookies", "section:contact"])
        #expect(layout.toc.map(\.id) == ["cookies-2", "retention", "cookies", "contact"])
    }

    @Test func levelThreeHeadingsDoNotClaimSections() throws {
        let layout = PolicyLayout(body: body("## Intro\n\n### Details {#cookies}\n\nText.\n"), sections: sections)
        #expect(outline(layout) == ["prose:intro", "section:retention", "section:cookies", "section:contact"])
        #expect(layout.toc.map(\.id) == ["intro", "retention", "cookies", "contact"])
    }

    @Test func headingOnlyBodyKeepsTextBeforeFirstHeading() {
        let layout = PolicyLayout(body: body("Preamble.\n\n## Contact {#contact}\n\nMail us.\n"), sections: sections)
        #expect(outline(layout) == ["prose", "section:retention", "section:cookies", "prose:contact", "data:contact"])
        #expect(layout.toc.map(\.id) == ["retention", "cookies", "contact"])
    }

    /// Every block names exactly one kind, and a section block the partial to include.
    @Test func templateValuesNameOneKindAndOneSection() {
        let layout = PolicyLayout(body: body("Preamble.\n\n## Contact {#contact}\n\nMail us.\n"), sections: sections)
        let values = layout.templateValues
        #expect(values.count == 5)
        #expect(values[1].child(named: "layout_is_retention") as? Bool == true && values[1].child(named: "layout_prose") as? Bool == false)
        #expect(values[1].child(named: "layout_is_cookies") as? Bool == false && values[1].child(named: "layout_partial") as? String == "section-retention")
        #expect((values[1].child(named: "layout_section") as? PolicyPageModel.Block.Section)?.child(named: "section_title") as? String == "How long we keep it")
        #expect(values[4].child(named: "layout_data") as? Bool == true && values[4].child(named: "layout_is_contact") as? Bool == true)
        #expect(values[0].child(named: "layout_prose") as? String == "<p>Preamble.</p>\n")
        // A prose block has no section: its flags are not there, as before any block had them.
        #expect(values[0].child(named: "layout_partial") == nil && values[0].child(named: "layout_is_contact") == nil)
    }

    /// A block answers every section's flag by the name `flag` gives it.
    @Test func everySectionHasItsFlag() {
        for section in PolicySection.allCases {
            let block = PolicyPageModel.Block(prose: nil, sectionID: section, isData: true, section: nil)
            #expect(PolicyPageModel.Block.names.contains(PolicyPageModel.Block.flag(section)))
            for other in PolicySection.allCases {
                #expect(block.child(named: PolicyPageModel.Block.flag(other)) as? Bool == (other == section), "\(section) \(other)")
            }
        }
    }
}

/// Links are worked out on bytes for ASCII paths; they must be what the Character-based
/// original gives, on any pair of paths.
@Suite struct RelativeLinkTests {
    @Test func agreesWithTheCharacterVersion() {
        let segments = ["acme", "en", "fr", "cookies", "versions", "1.0", "diff", "assets", "", "feed.xml", "é", "index.html"]
        var random = SeededRandom(seed: 5)
        func next(_ bound: Int) -> Int { random.next(bound) }
        func path() -> String {
            (0..<next(5)).map { _ in segments[next(segments.count)] }.joined(separator: "/") + (next(2) == 0 ? "/" : "")
        }
        for _ in 0..<20_000 {
            let from = path(), to = path()
            #expect(SitePaths.link(from: from, to: to) == SitePaths.linkByCharacters(from: from, to: SitePaths.file(to)), "\(from) -> \(to)")
        }
    }
}

@Suite struct RebaseLinkTests {
    /// The first implementation, which built the result byte by byte and decoded the five bytes
    /// before every `="`: the reference the faster one must agree with.
    static func reference(_ html: Substring, prefix: String) -> String {
        let bytes = Array(html.utf8)
        var output: [UInt8] = []
        let prefixBytes = Array(prefix.utf8)
        var index = 0
        while index < bytes.count {
            output.append(bytes[index])
            guard bytes[index] == UInt8(ascii: "="), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") else {
                index += 1
                continue
            }
            let name = String(decoding: bytes[max(0, index - 5)..<index], as: UTF8.self)
            output.append(bytes[index + 1])
            index += 2
            guard name.hasSuffix(" href") || name.hasSuffix(" src") else { continue }
            var end = index
            while end < bytes.count, bytes[end] != UInt8(ascii: "\"") { end += 1 }
            let value = bytes[index..<end]
            let isRelative = !value.isEmpty && value.first != UInt8(ascii: "#") && value.first != UInt8(ascii: "/") && !value.contains(UInt8(ascii: ":"))
            if isRelative { output += prefixBytes }
        }
        return String(decoding: output, as: UTF8.self)
    }

    @Test func agreesWithTheReferenceOnRandomMarkup() {
        let pieces = [
            "<a", " href", " src", "=\"", "\"", "=", "#top", "/root", "https:", "x", "cookies/", "é", "\u{0600}", " ", ">", "</a>", "href", "src",
        ]
        var random = SeededRandom(seed: 7)
        func next(_ bound: Int) -> Int { random.next(bound) }
        for _ in 0..<20_000 {
            let html = (0..<next(16)).map { _ in pieces[next(pieces.count)] }.joined()
            #expect(rebaseRelativeLinks(html[...], prefix: "../../") == Self.reference(html[...], prefix: "../../"), "\(html)")
        }
    }

    @Test func onlyRelativeLinksGetThePrefix() {
        let html =
            ##"<a href="cookies/">c</a> <a href="#x">x</a> <a href="https://e.example">e</a> <a href="/root">r</a> <img src="pic.png" alt="a=b"> <a title="t" href="../fr/">f</a>"##[
                ...]
        #expect(
            rebaseRelativeLinks(html, prefix: "../../")
                == ##"<a href="../../cookies/">c</a> <a href="#x">x</a> <a href="https://e.example">e</a> <a href="/root">r</a> <img src="../../pic.png" alt="a=b"> <a title="t" href="../../../fr/">f</a>"##
        )
    }
}
