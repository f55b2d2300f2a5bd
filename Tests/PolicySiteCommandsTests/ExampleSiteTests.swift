import Foundation
import PolicyContent
import PolicyModel
import PolicyRender
import Testing

/// The real `content/` built with the CLI: what a reader gets for each of the five seed
/// companies.
@Suite struct ExampleSiteTests {
    /// The build the page checkers read too (`CheckedSites.example`), only read here.
    static func output() throws -> URL { try CheckedSites.folders().example }

    static let site: Site = ContentLoader().load(contentPath: CLI.root.appendingPathComponent("content").path).site!

    func page(_ path: String) throws -> String { try read(try Self.output().appendingPathComponent(path)) }

    @Test func homeListsEveryCompanyWithItsPages() throws {
        let output = try Self.output()
        let home = try page("index.html")
        #expect(Self.site.companies.count == 5)
        for company in Self.site.companies {
            #expect(home.contains(escapeHTML(company.info.displayName)))
            for kind in ["", "cookies/", "rights/", "contact/"] {
                // A cookies or rights page exists (and is linked) only where the policy has such data.
                let exists =
                    kind == "cookies/"
                    ? SiteRenderer.hasCookiesPage(company, company.defaultLanguage)
                    : kind == "rights/" ? SiteRenderer.hasRightsPage(company, company.defaultLanguage) : true
                let link = "href=\"\(company.slug)/\(company.defaultLanguage)/\(kind)index.html\""
                #expect(home.contains(link) == exists, "\(company.slug) \(kind)")
                #expect(
                    FileManager.default.fileExists(
                        atPath: output.appendingPathComponent("\(company.slug)/\(company.defaultLanguage)/\(kind)index.html").path) == exists)
            }
        }
        for file in ["sitemap.xml", "404.html", "robots.txt", "assets/style.css"] {
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(file).path), "\(file)")
        }
    }

    @Test func seedFactsAppearOnTheirPages() throws {
        let facts: [(String, [String])] = [
            ("digiterex/en/contact/index.html", ["digiterex@gmail.com", "Within 24–48 hours", "Morocco"]),
            ("digiterex/en/index.html", ["up to 2 years", "up to 14 months", "3 years", "not directed to children under 16", "We do not sell personal data."]),
            ("digiterex/fr/index.html", ["jusqu&#39;à 14 mois", "jusqu&#39;à 2 ans"]),
            ("digiterex/fr/contact/index.html", ["Maroc", "24–48 heures"]),
            ("ite/en/contact/index.html", ["support@ite.digital", "Tunisia"]),
            ("ite/en/index.html", ["Roubaix", "Google Analytics", "Landbot", "Alore"]),
            (
                "caltryx-tech/en/contact/index.html",
                ["Caltryx Tech SARL AU", "LES BUREAU AL WAHA N°10", "caltryx@outlook.com", "governed by the laws of Morocco", "courts of Morocco"]
            ),
            ("mydigisoft/en/index.html", ["https://www.mydigisoft.com", "Google"]),
            ("digi-smart-manager/en/index.html", ["not directed to children under 18", "Version 1.1"]),
            // Seed 004 says "Last Updated: January 2025": that text is archived as version 1.0.
            (
                "digi-smart-manager/en/versions/1.0/index.html",
                ["Last updated: <time datetime=\"2025-01\">January 2025</time>", "superseded on November 23, 2026"]
            ),
            ("digi-smart-manager/en/changelog/index.html", ["<time datetime=\"2025-01\">January 2025</time>", "Version 1.1"]),
            ("digi-smart-manager/en/contact/index.html", ["digismartmanager@gmail.com", "+91 9970124683", "India"]),
        ]
        for (path, needles) in facts {
            let html = try page(path)
            for needle in needles { #expect(html.contains(needle), "\(path) should contain \(needle)") }
        }
    }

    /// Every company and language: the cookie table, the rights list, the contact details and
    /// the last-updated date, compared with the content they were built from.
    @Test func everyPolicyPageShowsItsStructuredParts() throws {
        for company in Self.site.companies {
            for language in company.languages {
                let policy = company.policies[language]!.frontMatter
                let base = "\(company.slug)/\(language)/"
                // A policy without cookies or rights has no such page; the checks below then look for nothing.
                let main = try page(base + "index.html"), contact = try page(base + "contact/index.html")
                let cookies = (try? page(base + "cookies/index.html")) ?? "", rights = (try? page(base + "rights/index.html")) ?? ""
                #expect(cookies.isEmpty == !SiteRenderer.hasCookiesPage(company, language))
                #expect(rights.isEmpty == !SiteRenderer.hasRightsPage(company, language))
                #expect(main.contains("<time datetime=\"\(policy.lastUpdated)\">"), "\(base)")
                #expect(main.contains("<html lang=\"\(language)\""), "\(base)")
                for category in policy.cookies {
                    #expect(cookies.contains("id=\"cookie-\(category.category.id)\""), "\(base) \(category.category.id)")
                    #expect(cookies.contains(escapeHTML(category.purpose)), "\(base) \(category.purpose)")
                    for cookie in category.cookies { #expect(cookies.contains(escapeHTML(cookie.name))) }
                }
                if policy.cookies.isEmpty { #expect(cookies.contains("class=\"cookie-category\"") == false) }
                for right in policy.rights?.items ?? [] {
                    #expect(rights.contains("id=\"right-\(right.right.rawValue)\""), "\(base) \(right.right)")
                    #expect(main.contains("id=\"right-\(right.right.rawValue)\""), "\(base) \(right.right)")
                }
                #expect(contact.contains(escapeHTML(company.info.legalName)))
                if let email = company.info.privacyEmail { #expect(contact.contains("mailto:\(email)")) }
                if let phone = company.info.phone { #expect(contact.contains(phone)) }
                for rule in policy.retention { #expect(main.contains(escapeHTML(rule.data)), "\(base) \(rule.data)") }
            }
        }
    }

    @Test func arabicPagesAreRightToLeft() throws {
        let html = try page("caltryx-tech/ar/index.html")
        #expect(html.contains("<html lang=\"ar\" dir=\"rtl\" "))
        #expect(try page("caltryx-tech/fr/index.html").contains("<html lang=\"fr\" dir=\"ltr\" "))
    }

    /// A value a page lacks reaches the template as `false` (so `{{#name}}` can test it); a tag
    /// that prints it without that test shows the word "false" to readers and on paper. The
    /// print footer of `404.html`, which has no canonical address, once did.
    @Test func noPagePrintsAMissingValueAsFalse() throws {
        let files = try FileManager.default.subpathsOfDirectory(atPath: try Self.output().path).filter { $0.hasSuffix(".html") }.sorted()
        let printed = try Regex(#">\s*false\s*(<|·)|·\s*false\s*<"#)
        for file in files {
            let html = try page(file).replacing(try Regex(#"(?s)<script.*?</script>"#), with: "")
            let found = html.contains(printed)
            #expect(!found, "\(file) prints a missing value as 'false'")
        }
    }

    @Test func everyPageIsWellFormedAndItsLinksResolve() throws {
        let output = try Self.output()
        let files = try FileManager.default.subpathsOfDirectory(atPath: output.path).filter { $0.hasSuffix(".html") }.sorted()
        #expect(files.count > 40)
        let problems = files.flatMap { HTMLChecker.problems(file: $0, root: output) }
        #expect(problems.isEmpty, "\(problems.prefix(20).joined(separator: "\n"))")
    }

    @Test func sitemapListsEveryPageWithItsAlternates() throws {
        let sitemap = try page("sitemap.xml")
        #expect(sitemap.contains("<loc>https://policies.example.org/ite/fr/cookies/</loc>"))
        #expect(sitemap.contains("<xhtml:link rel=\"alternate\" hreflang=\"ar\" href=\"https://policies.example.org/ite/ar/cookies/\"/>"))
        #expect(sitemap.contains("<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"https://policies.example.org/ite/en/cookies/\"/>"))
        let archived = Self.site.companies.reduce(0) { total, company in total + company.archive.reduce(0) { $0 + $1.policies.count } }
        let missing = Self.site.companies.reduce(0) { total, company in
            total + company.languages.filter { !SiteRenderer.hasCookiesPage(company, $0) }.count
                + company.languages.filter { !SiteRenderer.hasRightsPage(company, $0) }.count
        }
        #expect(missing == 2, "MyDigiSoft's policy names no cookies and no rights")
        // Diff pages too: one per pair of versions and language both versions have.
        let diffs = Self.site.companies.reduce(0) { total, company in
            total
                + SiteRenderer.diffPairs(company.archive).reduce(0) { count, pair in count + pair.0.policies.keys.filter { pair.1.policies[$0] != nil }.count }
        }
        #expect(diffs > 0)
        #expect(sitemap.contains("<loc>https://policies.example.org/digi-smart-manager/en/diff/1.0-1.1/</loc>"))
        #expect(
            // A home page per site language, then each company's pages.
            sitemap.components(separatedBy: "<url>").count - 1 == Self.site.languages.count + Self.site.companies.reduce(0) { $0 + $1.languages.count * 5 }
                - missing + archived + diffs
        )
    }

    @Test func rebuildingUnchangedContentWritesNothing() throws {
        // An output of its own: this test builds into it, and the shared one is only read.
        let output = try CLI.temporaryDirectory("rebuild").appendingPathComponent("public")
        let first = try CLI.run(["build", "--output", output.path])
        #expect(first.status == 0, "\(first.stderr)")
        let again = try CLI.run(["build", "--output", output.path])
        #expect(again.status == 0)
        #expect(again.stdout.contains("(0 written"), "\(again.stdout)")
    }
}

@Suite struct EscapingTests {
    @Test func hostileFrontMatterIsEscapedEverywhere() throws {
        let output = try CLI.temporaryDirectory().appendingPathComponent("public")
        let fixture = CLI.root.appendingPathComponent("Tests/Fixtures/xss")
        let result = try CLI.run(["build", "--themes", CLI.root.appendingPathComponent("themes").path, "--output", output.path], in: fixture)
        #expect(result.status == 0, "\(result.stderr)")
        for file in try FileManager.default.subpathsOfDirectory(atPath: output.path) where file.hasSuffix(".html") {
            // The one script is the theme's own print button, from the site's assets.
            let html = try read(output.appendingPathComponent(file))
                .replacingOccurrences(
                    of: #"<script src="(https://example\.org/|[./]*)assets/print\.js" defer></script>"#, with: "", options: .regularExpression)
            #expect(!html.contains("<script"), "\(file)")
            #expect(!html.lowercased().contains("href=\"javascript:"), "\(file)")
            #expect(!html.contains("<img src=x"), "\(file)")
            #expect(!html.contains("<iframe"), "\(file)")
            #expect(!html.contains("<svg"), "\(file)")
            #expect(!html.contains("\"onmouseover="), "\(file)")
        }
        let policy = try read(output.appendingPathComponent("evil/en/index.html"))
        #expect(policy.contains("&lt;script&gt;alert('body')&lt;/script&gt;"))
        #expect(policy.contains("<title>Privacy &lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;"))
        #expect(policy.contains("<a href=\"\">link</a>"))
        let contact = try read(output.appendingPathComponent("evil/en/contact/index.html"))
        #expect(contact.contains("Evil &lt;b&gt;Corp&lt;/b&gt; &amp; Sons"))
    }
}

func escapeHTML(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        .replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&#39;")
}
