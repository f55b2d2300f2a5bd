import Foundation
import PolicyFiles
import TestSupport
import Testing

/// No command follows a symbolic link out of the content and themes folders, and none prints
/// what such a link points to: a `company.yml` linked to a secret must never reach a CI log or
/// the published site. Every case runs in a `Sandbox`, the secret outside the site folder.
@Suite struct SymlinkContainmentTests {
    /// A copy of the example site, and a secret file beside it (outside content/ and themes/).
    static func site() throws -> (Sandbox, secret: String) {
        let sandbox = try Sandbox()
        for folder in ["content", "themes"] {
            try FileManager.default.copyItem(at: CLI.root.appendingPathComponent(folder), to: sandbox.site.appendingPathComponent(folder))
        }
        let secret = "SECRET-\(UUID().uuidString)"
        // YAML that would load as a company, so a command that followed the link would print or publish it.
        try Data("legal_name: \(secret)\ndisplay_name: \(secret)\n".utf8).write(to: sandbox.middle.appendingPathComponent("secret.yml"))
        return (sandbox, secret)
    }

    static func link(_ path: String, to target: String, in site: URL) throws {
        let url = site.appendingPathComponent(path)
        try? FileManager.default.removeItem(at: url)
        try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: target)
    }

    /// Every command that reads content, as CI runs them.
    static let commands: [[String]] = [
        ["check"], ["check", "--format", "github"], ["check", "--format", "json"], ["build", "-o", "public"], ["lint"],
        ["publish", "caltryx-tech", "--summary", "First version."], ["versions", "caltryx-tech"],
    ]

    @Test func aCompanyFileLinkedOutsideIsRefusedAndNeverPrinted() throws {
        let (sandbox, secret) = try Self.site()
        try Self.link("content/caltryx-tech/company.yml", to: "../../../secret.yml", in: sandbox.site)
        for command in Self.commands {
            let result = try CLI.run(command, in: sandbox.site)
            #expect(result.status != 0, "\(command) passed")
            #expect(!(result.stdout + result.stderr).contains(secret), "\(command) printed the secret")
            #expect(!(result.stdout + result.stderr).contains("secret.yml"), "\(command) named the link's target")
        }
        let check = try CLI.run(["check"], in: sandbox.site)
        #expect(
            check.stderr.contains(
                "content/caltryx-tech/company.yml: error: is a symbolic link to a place outside the site's folders, so it is not read"),
            "\(check.stderr)")
        #expect(!FileManager.default.fileExists(atPath: sandbox.site.appendingPathComponent("public").path))
        #expect(sandbox.brokenCanaries.isEmpty)
    }

    @Test func aCompanyFolderLinkedOutsideIsRefused() throws {
        let (sandbox, _) = try Self.site()
        let outside = sandbox.middle.appendingPathComponent("evilco")
        try FileManager.default.copyItem(at: sandbox.site.appendingPathComponent("content/ite"), to: outside)
        try Self.link("content/evilco", to: outside.path, in: sandbox.site)
        let result = try CLI.run(["build", "-o", "public"], in: sandbox.site)
        #expect(result.status == 1)
        #expect(result.stderr.contains("is reached through content/evilco, a symbolic link to a place outside the site's folders"), "\(result.stderr)")
    }

    @Test func themeFilesLinkedOutsideAreNeitherRenderedNorCopied() throws {
        let (sandbox, secret) = try Self.site()
        try Self.link("themes/default/assets/key.txt", to: "../../../../secret.yml", in: sandbox.site)
        let asset = try CLI.run(["build", "-o", "public"], in: sandbox.site)
        #expect(asset.status == 1)
        #expect(asset.stderr.contains("themes/default/assets/key.txt: error: is a symbolic link to a place outside"), "\(asset.stderr)")
        try FileManager.default.removeItem(at: sandbox.site.appendingPathComponent("themes/default/assets/key.txt"))

        try Self.link("themes/default/templates/not-found.mustache", to: "../../../../secret.yml", in: sandbox.site)
        let template = try CLI.run(["build", "-o", "public"], in: sandbox.site)
        #expect(template.status == 1)
        #expect(template.stderr.contains("themes/default/templates/not-found.mustache: error: is a symbolic link to a place outside"))
        // Reported once, as a link, not again as a missing template.
        #expect(!template.stderr.contains("template is missing"), "\(template.stderr)")
        #expect(!(template.stdout + template.stderr).contains(secret))

        try Self.link("themes/default/i18n/en.yml", to: "../../../../secret.yml", in: sandbox.site)
        let strings = try CLI.run(["check"], in: sandbox.site)
        #expect(strings.status == 1)
        #expect(!(strings.stdout + strings.stderr).contains(secret))
        #expect(!FileManager.default.fileExists(atPath: sandbox.site.appendingPathComponent("public").path))
    }

    @Test func linksInsideTheSiteAndALinkedContentFolderAreFollowed() throws {
        let (sandbox, _) = try Self.site()
        // The content folder itself is a link the user chose: followed.
        try FileManager.default.moveItem(at: sandbox.site.appendingPathComponent("content"), to: sandbox.middle.appendingPathComponent("policies"))
        try Self.link("content", to: "../policies", in: sandbox.site)
        // A link inside the site that stays inside it: followed.
        try Self.link("themes/default/assets/logo.svg", to: "favicon.svg", in: sandbox.site)
        let build = try CLI.run(["build", "-q", "-o", "public"], in: sandbox.site)
        #expect(build.status == 0, "\(build.stderr)")
        let copied = try Data(contentsOf: sandbox.site.appendingPathComponent("public/assets/logo.svg"))
        #expect(copied == (try Data(contentsOf: sandbox.site.appendingPathComponent("themes/default/assets/favicon.svg"))))
        #expect(sandbox.brokenCanaries.isEmpty)
    }
}
