import Foundation
import PolicyFiles
import Testing

/// `new` refuses, before writing anything, every value `check` would reject, and `schema`
/// writes only into a folder of its own. Each test works two folders deep in a fresh scratch
/// folder with a canary file in every folder above the site, and checks they survive.
@Suite struct ScaffoldRefusalTests {
    let themes = CLI.root.appendingPathComponent("themes").path

    /// `<scratch>/<a>/<b>/`, with a canary in each of the three folders.
    func sandbox() throws -> (folder: URL, canaries: [URL]) {
        let top = try CLI.temporaryDirectory("refusal")
        let folder = top.appendingPathComponent("a").appendingPathComponent("b")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let canaries = [top, top.appendingPathComponent("a"), folder].map { $0.appendingPathComponent("canary.txt") }
        for canary in canaries { try Data("canary\n".utf8).write(to: canary) }
        return (folder, canaries)
    }

    func expectCanaries(_ canaries: [URL]) {
        for canary in canaries { #expect((try? read(canary)) == "canary\n", "\(canary.path)") }
    }

    /// Every file under `folder`, relative to it.
    func listing(_ folder: URL) -> [String] {
        ((try? FileManager.default.subpathsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    @Test func newSiteRefusesWhatCheckWouldReject() throws {
        let (folder, canaries) = try sandbox()
        let cases: [([String], String)] = [
            (["--base-url", "ftp://x"], "base_url 'ftp://x' is not an absolute URL"),
            (["--base-url", "javascript:alert(1)"], "base_url 'javascript:alert(1)' is not an absolute URL"),
            (["--title", "Acme \u{1B}[31mprivacy"], "'title' holds the control character U+001B"),
            (["--title", ""], "'title' is empty"),
            (["--title", String(repeating: "A", count: 400)], "'title' is 400 characters long"),
        ]
        for (options, message) in cases {
            let site = folder.appendingPathComponent("site")
            let refused = try CLI.run(["new", "site", site.path, "--themes", themes] + options, in: folder)
            #expect(refused.status == 1, "\(options)")
            #expect(refused.stderr.contains(message), "\(refused.stderr)")
            #expect(refused.stderr.contains("nothing was written"), "\(refused.stderr)")
            #expect(!FileManager.default.fileExists(atPath: site.path), "\(options) wrote \(listing(site))")
        }
        expectCanaries(canaries)
    }

    @Test func newCompanyRefusesWhatCheckWouldReject() throws {
        let (folder, canaries) = try sandbox()
        let site = folder.appendingPathComponent("site")
        let created = try CLI.run(["new", "site", site.path, "--title", "Acme privacy", "--themes", themes], in: folder)
        #expect(created.status == 0, "\(created.stderr)")
        let before = listing(site)
        let cases: [([String], String)] = [
            (["a--b"], "'a--b' cannot be a company folder"),
            ([String(repeating: "a", count: 300)], "cannot be a company folder; expected lowercase letters, digits and single hyphens, at most 64 characters"),
            (["acme", "--name", "Acme\u{1B}]0;owned\u{07}"], "'legal_name' holds the control character U+001B"),
            (["acme", "--name", " "], "'legal_name' is empty"),
        ]
        for (arguments, message) in cases {
            let refused = try CLI.run(["new", "company"] + arguments, in: site)
            #expect(refused.status == 1, "\(arguments)")
            #expect(refused.stderr.contains(message), "\(refused.stderr)")
            #expect(!refused.stderr.contains("NSCocoaErrorDomain"), "\(refused.stderr)")
            #expect(refused.stderr.count < 1_000, "\(refused.stderr)")
            #expect(listing(site) == before, "\(arguments)")
        }
        // What new refuses, check refuses too.
        try FileManager.default.createDirectory(at: site.appendingPathComponent("content/a--b"), withIntermediateDirectories: true)
        try Data("legal_name: A\ndisplay_name: A\n".utf8).write(to: site.appendingPathComponent("content/a--b/company.yml"))
        let check = try CLI.run(["check"], in: site)
        #expect(check.status == 1 && check.stderr.contains("content/a--b/company.yml:1:1: error: slug 'a--b' cannot be used in URLs"), "\(check.stderr)")
        expectCanaries(canaries)
    }

    @Test func schemaWritesOnlyIntoAFolderOfItsOwn() throws {
        let (folder, canaries) = try sandbox()
        let site = folder.appendingPathComponent("site")
        let created = try CLI.run(["new", "site", site.path, "--title", "Acme privacy", "--themes", themes], in: folder)
        #expect(created.status == 0, "\(created.stderr)")
        try Data("notes\n".utf8).write(to: site.appendingPathComponent("notes.txt"))
        let other = site.appendingPathComponent("other")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        try Data("mine\n".utf8).write(to: other.appendingPathComponent("mine.txt"))
        let before = listing(site)
        let cases: [(String, String)] = [
            ("notes.txt", "notes.txt is a file, not a folder; nothing was written"),
            ("content", "content is in the content folder (content); nothing was written"),
            ("./content/", "./content/ is in the content folder (content); nothing was written"),
            ("content/acme", "content/acme is in the content folder (content); nothing was written"),
            ("themes/default", "themes/default is in the themes folder (themes); nothing was written"),
            ("other", "other holds files `policysite schema` did not write (mine.txt); nothing was written"),
        ]
        for (output, message) in cases {
            let refused = try CLI.run(["schema", "-o", output], in: site)
            #expect(refused.status == 1, "\(output)")
            #expect(refused.stderr.contains(message), "\(refused.stderr)")
            #expect(!refused.stderr.contains("NSCocoaErrorDomain"), "\(refused.stderr)")
            #expect(listing(site) == before, "schema -o \(output)")
        }
        #expect(try read(site.appendingPathComponent("notes.txt")) == "notes\n")
        // A new folder, and again the folder `schema` made (and the site's own schemas/).
        for output in ["fresh", "fresh", "schemas"] {
            let written = try CLI.run(["schema", "-o", output], in: site)
            #expect(written.status == 0, "\(written.stderr)")
        }
        #expect(listing(site.appendingPathComponent("fresh")) == listing(site.appendingPathComponent("schemas")))
        expectCanaries(canaries)
    }
}
