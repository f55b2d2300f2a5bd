import Foundation
import FoundationEssentials
import PolicyMarkdown
import PolicyModel
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
    let sections: [(id: String, title: String, html: String)] = [
        ("retention", "How long we keep it", "<p>RETENTION</p>\n"),
        ("cookies", "Cookies", "<table>COOKIES</table>\n"),
        ("contact", "Contact", "<p>CONTACT</p>\n"),
    ]

    func body(_ markdown: String) -> RenderedMarkdown {
        MarkdownRenderer(reservedIDs: PolicyPages.sectionIDs).render(markdown)
    }

    func position(_ needle: String, in html: String) throws -> String.Index {
        try #require(html.range(of: needle), "missing \(needle)").lowerBound
    }

    @Test func claimedSectionFollowsItsOwnText() throws {
        let layout = PolicyLayout(
            body: body("## Intro\n\nHello.\n\n## Our cookies {#cookies}\n\nWe use cookies.\n\n## Contact us {#contact}\n\nWrite to us.\n"),
            sections: sections)
        #expect(layout.html.contains("<p>We use cookies.</p>\n<div class=\"policy-data\">\n<table>COOKIES</table>\n</div>\n<section id=\"retention\""))
        #expect(layout.html.contains("<p>Write to us.</p>\n<div class=\"policy-data\">\n<p>CONTACT</p>\n</div>\n"))
        // Claimed sections are not repeated under the theme's headings.
        #expect(!layout.html.contains("<section id=\"cookies\""))
        #expect(!layout.html.contains("<section id=\"contact\""))
        #expect(layout.html.components(separatedBy: "COOKIES").count == 2)
    }

    @Test func unclaimedSectionsGoBeforeAClaimedContact() throws {
        let layout = PolicyLayout(
            body: body("## Intro\n\nHello.\n\n## Our cookies {#cookies}\n\nWe use cookies.\n\n## Contact us {#contact}\n\nWrite to us.\n"),
            sections: sections)
        let html = layout.html
        let retention = try position("<section id=\"retention\" aria-labelledby=\"retention-heading\">", in: html)
        #expect(try position("COOKIES", in: html) < retention)
        #expect(try retention < position("<h2 id=\"contact\">", in: html))
        #expect(
            html.contains(
                "<h2 id=\"retention-heading\"><a class=\"permalink\" href=\"#retention\">How long we keep it</a></h2>\n<p>RETENTION</p>\n</section>\n"))
        #expect(layout.toc.map(\.id) == ["intro", "cookies", "retention", "contact"])
        #expect(layout.toc.map(\.text) == ["Intro", "Our cookies", "How long we keep it", "Contact us"])
    }

    @Test func unclaimedSectionsAreAppendedWhenContactIsNotClaimed() throws {
        let layout = PolicyLayout(
            body: body("## Intro\n\nHello.\n\n## Our cookies {#cookies}\n\nWe use cookies.\n\n## Questions\n\nAsk us.\n"),
            sections: sections)
        let html = layout.html
        #expect(try position("Ask us.", in: html) < position("<section id=\"retention\"", in: html))
        #expect(try position("<section id=\"retention\"", in: html) < position("<section id=\"contact\"", in: html))
        #expect(html.hasSuffix("<h2 id=\"contact-heading\"><a class=\"permalink\" href=\"#contact\">Contact</a></h2>\n<p>CONTACT</p>\n</section>\n"))
        #expect(layout.toc.map(\.id) == ["intro", "cookies", "questions", "retention", "contact"])
    }

    @Test func bodyWithoutClaimsGetsEverySectionAfterIt() throws {
        let layout = PolicyLayout(body: body("Intro paragraph.\n\n## Cookies\n\nText.\n"), sections: sections)
        #expect(layout.html.hasPrefix("<p>Intro paragraph.</p>\n<h2 id=\"cookies-2\"><a class=\"permalink\" href=\"#cookies-2\">Cookies</a></h2>"))
        #expect(layout.toc.map(\.id) == ["cookies-2", "retention", "cookies", "contact"])
        #expect(!layout.html.contains("policy-data"))
    }

    @Test func levelThreeHeadingsDoNotClaimSections() throws {
        let layout = PolicyLayout(body: body("## Intro\n\n### Details {#cookies}\n\nText.\n"), sections: sections)
        #expect(layout.html.contains("<section id=\"cookies\""))
        #expect(layout.toc.map(\.id) == ["intro", "retention", "cookies", "contact"])
    }

    @Test
    func pageIDsStayUniqueWhenALevelThreeHeadingUsesASectionID() {
        let layout = PolicyLayout(body: body("## Intro\n\n### Details {#cookies}\n\nText.\n"), sections: sections)
        #expect(layout.html.components(separatedBy: "id=\"cookies\"").count == 2, "\(layout.html)")
    }

    @Test func headingOnlyBodyKeepsTextBeforeFirstHeading() {
        let layout = PolicyLayout(body: body("Preamble.\n\n## Contact {#contact}\n\nMail us.\n"), sections: sections)
        #expect(layout.html.hasPrefix("<p>Preamble.</p>\n<section id=\"retention\""))
        #expect(layout.toc.map(\.id) == ["retention", "cookies", "contact"])
    }
}

@Suite struct RebaseLinkTests {
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
