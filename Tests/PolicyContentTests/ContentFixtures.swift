import PolicyContent
import PolicyFiles
import PolicyModel

/// Small builders for in-memory `content/` trees.
enum Content {
    static let site = """
        title: Test site
        base_url: https://example.org/
        default_language: en

        """

    static func company(_ name: String = "Acme", extra: String = "") -> String {
        "legal_name: \(name) Ltd\ndisplay_name: \(name)\nprivacy_email: privacy@example.org\n" + extra
    }

    /// A policy file. Line 3 is `version`, line 6 is `cookies`, so tests can point at them.
    static func policy(
        version: String = "1.0", categories: [String] = ["essential"], rights: [String] = ["access"],
        body: String = "## Introduction\n\nWe keep little data.\n"
    ) -> String {
        var text = "---\ntitle: Privacy Policy\nversion: \"\(version)\"\neffective: 2025-01-01\nlast_updated: 2025-02-01\ncookies:\n"
        for category in categories { text += "  - category: \(category)\n    purpose: Needed\n" }
        text += "rights:\n  items:\n"
        for right in rights { text += "    - right: \(right)\n" }
        return text + "---\n" + body
    }

    /// site.yml plus one company `acme` with a policy in each language.
    static func fileSystem(languages: [String] = ["en"], site: String = Content.site, company: String = Content.company()) -> InMemoryFileSystem {
        var files = ["content/site.yml": site, "content/acme/company.yml": company]
        for language in languages { files["content/acme/\(language)/privacy.md"] = policy() }
        return InMemoryFileSystem(files: files)
    }

    static func load(_ fileSystem: InMemoryFileSystem) -> LoadResult {
        ContentLoader(fileSystem: fileSystem).load(contentPath: "content")
    }
}
