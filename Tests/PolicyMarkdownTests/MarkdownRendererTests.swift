import Dispatch
import Synchronization
import Testing

@testable import PolicyMarkdown

@Suite("GFM rendering")
struct GFMRenderingTests {
    let renderer = MarkdownRenderer()

    @Test func tables() {
        let html = renderer.render("| Name | Purpose |\n|---|---|\n| sid | Login |\n").html
        #expect(html.contains("<table>"))
        #expect(html.contains("<th>Name</th>"))
        #expect(html.contains("<td>sid</td>"))
    }

    @Test func autolinks() {
        let html = renderer.render("See www.example.com or https://example.org/privacy for more.\n").html
        #expect(html.contains("<a href=\"http://www.example.com\">www.example.com</a>"))
        #expect(html.contains("<a href=\"https://example.org/privacy\">https://example.org/privacy</a>"))
    }

    @Test func strikethrough() {
        let html = renderer.render("We ~~sell~~ never sell data.\n").html
        #expect(html.contains("<del>sell</del>"))
    }

    @Test func ordinaryMarkdown() {
        let html = renderer.render("Some *emphasis* and [a link](https://example.org).\n").html
        #expect(html == "<p>Some <em>emphasis</em> and <a href=\"https://example.org\">a link</a>.</p>\n")
    }
}

@Suite("Raw HTML and unsafe links")
struct RawHTMLTests {
    @Test func rawHTMLBlockIsShownAsTextByDefault() {
        let html = MarkdownRenderer().render("<script>alert(1)</script>\n").html
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    @Test func inlineRawHTMLIsShownAsTextByDefault() {
        let html = MarkdownRenderer().render("Hello <b>x</b> there\n").html
        #expect(html == "<p>Hello &lt;b&gt;x&lt;/b&gt; there</p>\n")
    }

    @Test func rawHTMLPassesThroughWhenAllowed() {
        let html = MarkdownRenderer(allowRawHTML: true).render("Hello <b>x</b> there\n\n<div class=\"note\">Note</div>\n").html
        #expect(html.contains("<p>Hello <b>x</b> there</p>"))
        #expect(html.contains("<div class=\"note\">Note</div>"))
    }

    @Test func tagFilterStillNeutralisesScriptWhenAllowed() {
        let html = MarkdownRenderer(allowRawHTML: true).render("<script>alert(1)</script>\n").html
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script>"))
    }

    @Test(arguments: [false, true])
    func javascriptLinksLoseTheirURL(allowRawHTML: Bool) {
        let renderer = MarkdownRenderer(allowRawHTML: allowRawHTML)
        let html = renderer.render("[x](javascript:alert(1)) and [y](JavaScript:alert(2))\n").html
        #expect(!html.lowercased().contains("javascript:"))
        #expect(html.contains("<a href=\"\">x</a>"))
        #expect(html.contains("<a href=\"\">y</a>"))
    }

    @Test func dataImagesAreKeptButDataLinksAreNot() {
        let html = MarkdownRenderer().render("[a](data:text/html,hi) ![b](data:image/png;base64,AAAA)\n").html
        #expect(html.contains("<a href=\"\">a</a>"))
        #expect(html.contains("src=\"data:image/png;base64,AAAA\""))
    }
}

@Suite("Heading ids")
struct HeadingIDTests {
    @Test func headingsGetSlugIDs() throws {
        let rendered = MarkdownRenderer().render("## Data we collect\n\nText.\n\n### How we use it?\n")
        #expect(rendered.headings.map(\.id) == ["data-we-collect", "how-we-use-it"])
        #expect(rendered.headings.map(\.level) == [2, 3])
        #expect(rendered.headings.map(\.text) == ["Data we collect", "How we use it?"])
        #expect(rendered.headings.allSatisfy { !$0.isExplicit })
        #expect(rendered.html.contains("<h2 id=\"data-we-collect\"><a class=\"permalink\" href=\"#data-we-collect\">Data we collect</a></h2>"))
        #expect(rendered.html.contains("<h3 id=\"how-we-use-it\"><a class=\"permalink\" href=\"#how-we-use-it\">How we use it?</a></h3>"))
    }

    @Test func unicodeLettersAreKept() {
        let rendered = MarkdownRenderer().render("## البيانات التي نجمعها\n\n## Données collectées\n")
        #expect(rendered.headings.map(\.id) == ["البيانات-التي-نجمعها", "données-collectées"])
    }

    @Test func slugEdgeCases() {
        #expect(MarkdownRenderer.slug("  Hello,   World!  ") == "hello-world")
        #expect(MarkdownRenderer.slug("snake_case - and dash") == "snake-case-and-dash")
        #expect(MarkdownRenderer.slug("!!!") == "section")
        #expect(MarkdownRenderer.slug("Version 2.0") == "version-20")
    }

    @Test func headingsLinkToThemselvesUnlessTheyHoldALink() {
        let rendered = MarkdownRenderer().render("## Plain\n\n## See [this](https://x.example)\n")
        #expect(rendered.html.contains("<h2 id=\"plain\"><a class=\"permalink\" href=\"#plain\">Plain</a></h2>"))
        #expect(rendered.html.contains("<h2 id=\"see-this\">See <a href=\"https://x.example\">this</a></h2>"))
    }

    @Test func duplicateHeadingsGetNumberedIDs() {
        let rendered = MarkdownRenderer().render("## Intro\n\n## Intro\n\n## Intro\n")
        #expect(rendered.headings.map(\.id) == ["intro", "intro-2", "intro-3"])
        #expect(rendered.html.contains("<h2 id=\"intro-2\"><a class=\"permalink\" href=\"#intro-2\">Intro</a></h2>"))
    }

    @Test func reservedIDsAreAvoided() {
        let rendered = MarkdownRenderer(reservedIDs: ["cookies", "contact"]).render("## Cookies\n\n## Contact\n\n## Other\n")
        #expect(rendered.headings.map(\.id) == ["cookies-2", "contact-2", "other"])
    }

    @Test func explicitIDIsUsedAndStripped() throws {
        let rendered = MarkdownRenderer(reservedIDs: ["cookies"]).render("## Our cookies {#cookies}\n\nWe use a few.\n")
        let heading = try #require(rendered.headings.first)
        #expect(heading.id == "cookies")
        #expect(heading.isExplicit)
        #expect(heading.text == "Our cookies")
        #expect(rendered.html.contains("<h2 id=\"cookies\"><a class=\"permalink\" href=\"#cookies\">Our cookies</a></h2>"))
        #expect(!rendered.html.contains("{#"))
    }

    @Test func invalidExplicitIDIsLeftAsText() {
        let rendered = MarkdownRenderer().render("## Odd {#a b}\n")
        #expect(rendered.headings.first?.isExplicit == false)
        #expect(rendered.headings.first?.text == "Odd {#a b}")
    }

    @Test func repeatedExplicitIDFallsBackToSlug() {
        let rendered = MarkdownRenderer().render("## First {#x}\n\n## Second {#x}\n")
        #expect(rendered.headings.map(\.id) == ["x", "second"])
        #expect(rendered.headings.map(\.isExplicit) == [true, false])
    }

    @Test
    func explicitIDDoesNotDuplicateAnEarlierSlug() {
        let rendered = MarkdownRenderer().render("## Cookies\n\n## Cookie details {#cookies}\n")
        let ids = rendered.headings.map(\.id)
        #expect(Set(ids).count == ids.count, "two headings share an id: \(ids)")
    }

    @Test(arguments: ["who-we-are", "data_collected", "rights"])
    func explicitIDsWithAnyAllowedCharacters(_ id: String) throws {
        let rendered = MarkdownRenderer().render("## Section title {#\(id)}\n")
        let heading = try #require(rendered.headings.first)
        #expect(heading.id == id)
        #expect(heading.isExplicit)
        #expect(heading.text == "Section title")
    }
}

@Suite("Plain text")
struct PlainTextTests {
    static let markdown = "## Retention\n\nWe keep **invoices** for `ten` years.\n\n- logs\n"

    @Test func plainTextHasBodyWordsWithoutMarkup() throws {
        let plain = try #require(MarkdownRenderer().render(Self.markdown).plainText)
        for word in ["Retention", "invoices", "ten", "years", "logs"] {
            #expect(plain.contains(word))
        }
        #expect(!plain.contains("**"))
        #expect(!plain.contains("<"))
    }

    /// A build leaves the words out; everything else it renders is the same.
    @Test func aRendererNotCollectingPlainTextChangesNothingElse() {
        var collected = MarkdownRenderer().render(Self.markdown)
        let without = MarkdownRenderer(collectsPlainText: false).render(Self.markdown)
        #expect(without.plainText == nil)
        collected.plainText = nil
        #expect(without == collected)
    }
}

/// cmark-gfm keeps the characters that start an extension's inline syntax (autolinks' `w` and
/// `:`) in global tables that each parse adds to and removes from; parses on several threads
/// must not see each other's changes. Seen as builds under load that lost their autolinks.
@Suite struct ParallelRenderingTests {
    @Test func parallelRendersAgreeWithASerialOne() {
        let markdown = (0..<40).map {
            "Paragraph \($0): see www.example.com/\($0) or https://example.org/\($0), ~~old~~ text.\n\n| a | b |\n|---|---|\n| \($0) | x |\n"
        }
        .joined(separator: "\n")
        let expected = MarkdownRenderer().render(markdown).html
        #expect(expected.contains("<a href=\"http://www.example.com/7\">") && expected.contains("<del>old</del>") && expected.contains("<table>"))
        let mismatches = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 400) { _ in
            if MarkdownRenderer().render(markdown).html != expected { mismatches.withLock { $0 += 1 } }
        }
        #expect(mismatches.withLock { $0 } == 0, "renders on parallel threads differed from the serial one")
    }
}

/// The outline collapses spaces on UTF-8 bytes; it must agree with the Character definition
/// (split on " ", join with one space) on any text, including spaces that a combining mark,
/// a joiner, an emoji modifier, a spacing mark or a prepended character joins into a cluster.
@Suite struct SpaceCollapsingTests {
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state
        }
    }

    @Test func agreesWithSplittingOnTheSpaceCharacter() {
        let pieces = [
            "a", "é", "ا", "語", " ", " ", "  ", "\u{301}", "\u{200D}", "\u{200C}", "\u{0600}", "\u{0E33}", "\u{1F3FB}", "\u{0903}", "\u{FF9E}",
            "·", "\u{0D4E}", "\u{E0041}", "\u{00A0}", "\t", "\n", "👍",
        ]
        var random = Generator(state: 42)
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...12, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            let expected = text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
            #expect(MarkdownRenderer.collapsingSpaces(text) == expected, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        #expect(MarkdownRenderer.collapsingSpaces("  We keep   little data.  ") == "We keep little data.")
    }

    /// The scalars below U+3000 are looked up in a table made once (`JoinTable`); every one of
    /// them, on either side of a space, must give what the Character definition gives.
    @Test func everyScalarOfTheTableAgreesBesideASpace() {
        var disagreements: [String] = []
        for value in UInt32(0x80)..<0x3000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for text in ["a  \(scalar)b", "a\(scalar)  b"] {
                let expected = text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
                if MarkdownRenderer.collapsingSpaces(text) != expected { disagreements.append(String(value, radix: 16)) }
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(20))")
    }
}

/// The outline is what the diff compares: each paragraph, list item and table body row is a
/// block of plain text; a table's header row is not (it names the columns, it says nothing).
@Suite struct OutlineTests {
    @Test func blocksAreParagraphsItemsTablesWithTheirHeaderAndCode() {
        let markdown = """
            Intro  with   spaces.

            ## Cookies {#cookies}

            | Name | Purpose |
            |---|---|
            | sid | Login |
            | *lang* | Language, kept [here](https://example.org) |

            - First item
            - Second
              item

            ```
            code  kept
            ```
            """
        let outline = MarkdownRenderer().render(markdown).outline
        #expect(outline.map(\.id) == ["preamble", "cookies"])
        #expect(outline[0].blocks == ["Intro with spaces."])
        // A table is one block, its header row first and a line per row.
        #expect(outline[1].blocks == ["Name · Purpose\nsid · Login\nlang · Language, kept here", "First item", "Second item", "code  kept"])
        #expect(outline[1].links == [OutlineSection.Link(text: "here", url: "https://example.org")])
    }
}
