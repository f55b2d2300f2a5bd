import Foundation
import PolicyFiles
import Testing

/// From nothing to a published policy with the `new` commands, as the README's quick start does.
@Suite struct ScaffoldCommandTests {
    let themes = CLI.root.appendingPathComponent("themes").path

    func files(under folder: URL) throws -> [String] {
        try FileManager.default.subpathsOfDirectory(atPath: folder.path).sorted()
    }

    @Test func aNewSiteCompanyAndLanguageBuildStrictAndPublishOnceFilledIn() throws {
        let parent = try CLI.temporaryDirectory("scaffold")
        let site = parent.appendingPathComponent("privacy")
        let created = try CLI.run(
            ["new", "site", site.path, "--title", "Acme privacy", "--base-url", "https://privacy.acme.example/", "--themes", themes], in: parent)
        #expect(created.status == 0, "\(created.stderr)")
        let made = try files(under: site)
        #expect(
            made.contains("content/site.yml") && made.contains("themes/default/templates/layout.mustache") && made.contains("schemas/company.schema.json")
                && made.contains(".gitignore"))
        // A site without a company is not a site yet: check says what to do.
        let empty = try CLI.run(["check"], in: site)
        #expect(empty.status == 1 && empty.stderr.contains("has no company folders"), "\(empty.stderr)")

        let company = try CLI.run(["new", "company", "acme", "--languages", "en,fr", "--jurisdictions", "gdpr,ccpa"], in: site)
        #expect(company.status == 0, "\(company.stderr)")
        let language = try CLI.run(["new", "language", "acme", "de"], in: site)
        #expect(language.status == 0, "\(language.stderr)")
        #expect(language.stdout.contains("updated content/acme/company.yml"))
        #expect(try read(site.appendingPathComponent("content/acme/company.yml")).contains("languages: [en, fr, de]"))

        // Valid as written: strict check and build pass, and the placeholders are listed.
        let check = try CLI.run(["check", "--strict"], in: site)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stderr.contains("placeholders left (publish refuses them)"))
        #expect(check.stderr.contains("content/acme/de/privacy.md:") && check.stderr.contains("note: placeholder left: [[TODO: translate this text"))
        let build = try CLI.run(["build", "--strict"], in: site)
        #expect(build.status == 0, "\(build.stderr)")
        for page in [
            "public/acme/en/index.html", "public/acme/fr/index.html", "public/acme/de/index.html", "public/acme/en/policy.json", "public/policies.json",
        ] {
            #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent(page).path), "\(page)")
        }
        #expect(try read(site.appendingPathComponent("public/acme/fr/index.html")).contains("Vos droits"))
        #expect(try CLI.run(["schema", "--check"], in: site).status == 0)

        // A placeholder is never published; nothing is written.
        let refused = try CLI.run(["publish", "acme", "--summary", "First version", "--date", "2026-11-30"], in: site)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("content/acme/company.yml:") && refused.stderr.contains("error: placeholder left"))
        #expect(refused.stderr.contains("placeholder(s) left"))
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("content/acme/versions").path))

        // Filled in, it publishes.
        let marker = try NSRegularExpression(pattern: #"\[\[TODO:[^\]]*\]\]"#)
        for path in try files(under: site.appendingPathComponent("content")) where path.hasSuffix(".yml") || path.hasSuffix(".md") {
            let url = site.appendingPathComponent("content").appendingPathComponent(path)
            let text = try read(url)
            let filled = marker.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "Written by the privacy team")
            try filled.write(to: url, atomically: true, encoding: .utf8)
        }
        let clean = try CLI.run(["check", "--strict"], in: site)
        #expect(clean.status == 0 && !clean.stderr.contains("placeholder"), "\(clean.stderr)")
        let published = try CLI.run(["publish", "acme", "--summary", "First version", "--date", "2026-11-30"], in: site)
        #expect(published.status == 0, "\(published.stderr)")
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("content/acme/versions/1.0/de/privacy.md").path))
    }

    /// The README's quick start with the binary alone in PREFIX/bin, found through PATH, in a
    /// folder without themes of its own: the default theme is built into the binary.
    @Test func theQuickStartWorksWithAnInstalledBinaryOnThePath() throws {
        let prefix = try CLI.temporaryDirectory("prefix")
        try FileManager.default.createDirectory(at: prefix.appendingPathComponent("bin"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CLI.binary, to: prefix.appendingPathComponent("bin/policysite"))
        let work = try CLI.temporaryDirectory("quickstart")
        let script = """
            set -e
            export PATH='\(prefix.path)/bin':/usr/bin:/bin
            cd '\(work.path)'
            policysite new site my-privacy && cd my-privacy
            policysite new company acme --languages en,fr --jurisdictions gdpr,ccpa
            policysite build --strict
            """
        let result = try CLI.tool("/bin/sh", ["-c", script])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: work.appendingPathComponent("my-privacy/public/acme/fr/index.html").path))
    }

    @Test func theScaffoldNeverOverwritesAFile() throws {
        let site = try CLI.temporaryDirectory("overwrite")
        #expect(try CLI.run(["new", "site", site.path, "--themes", themes]).status == 0)
        let again = try CLI.run(["new", "site", site.path, "--themes", themes])
        #expect(again.status == 1 && again.stderr.contains("site.yml already exists; nothing was written"))
        #expect(try CLI.run(["new", "company", "acme"], in: site).status == 0)
        let before = try read(site.appendingPathComponent("content/acme/en/privacy.md"))
        let twice = try CLI.run(["new", "company", "acme"], in: site)
        #expect(twice.status == 1 && twice.stderr.contains("content/acme already exists"))
        let existing = try CLI.run(["new", "language", "acme", "en"], in: site)
        #expect(existing.status == 1 && existing.stderr.contains("the language is there already"))
        #expect(try read(site.appendingPathComponent("content/acme/en/privacy.md")) == before)
        let bad = try CLI.run(["new", "company", "beta", "--jurisdictions", "gdrp"], in: site)
        #expect(bad.status == 1 && bad.stderr.contains("unknown jurisdiction 'gdrp'; expected one of: gdpr"))
        // The placeholders of a new site without --title or --base-url are flagged too.
        let check = try CLI.run(["check", "--strict"], in: site)
        #expect(check.status == 0 && check.stderr.contains("content/site.yml:"), "\(check.stderr)")
    }
}
