import Foundation
import PolicyDiagnostics
import PolicyFiles
import PolicyModel
import PolicyRender
import TestSupport
import Testing

@testable import PolicyBuild

/// Sites and builds several suites of this target share: generated sites with more companies
/// than a chunk holds, the example site loaded with its theme, and cold builds to compare
/// rebuilds with. Not a suite: the suites call these.
enum BuildFixtures {
    /// Three chunks of 16: the last one holds companies 32–36.
    static let companies = 37

    /// The example site's `site.yml` and one of its companies (digi-smart-manager: two archived
    /// versions in English and Hindi) copied into `folder`, with options building it into
    /// `folder/public` with the repository's themes.
    static func exampleCompany(in folder: URL, _ company: String = "digi-smart-manager") throws -> BuildOptions {
        let content = folder.appendingPathComponent("content")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Repository.content.appendingPathComponent("site.yml"), to: content.appendingPathComponent("site.yml"))
        try FileManager.default.copyItem(at: Repository.content.appendingPathComponent(company), to: content.appendingPathComponent(company))
        return BuildOptions(contentPath: content.path, themesPath: Repository.themes.path, outputPath: folder.appendingPathComponent("public").path)
    }

    /// A site of `companies` companies `c00`… in English and French; the last one alone is also
    /// in German, so under `fallback` every company needs German pages before the last chunk
    /// is read. `policies` overrides a company's English text.
    static func makeSite(_ name: String, fallback: Bool = true, policies: [Int: String] = [:]) throws -> BuildOptions {
        let folder = Scratch.directory.appendingPathComponent("stream-\(name)-\(UUID().uuidString.prefix(8))")
        func write(_ path: String, _ text: String) throws {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: false, encoding: .utf8)
        }
        try write(
            "content/site.yml",
            "title: Streams\nbase_url: https://example.org/\ndefault_language: en\n" + (fallback ? "options:\n  missing_translation: fallback\n" : ""))
        for index in 0..<companies {
            let slug = String(format: "c%02d", index)
            let languages = index == companies - 1 ? ["en", "fr", "de"] : ["en", "fr"]
            try write(
                "content/\(slug)/company.yml",
                "legal_name: Company \(index) Ltd\ndisplay_name: Company \(index)\nprivacy_email: privacy@c\(index).example\nlanguages: [\(languages.joined(separator: ", "))]\n"
            )
            for language in languages {
                let body = language == "en" ? policies[index] : nil
                try write("content/\(slug)/\(language)/privacy.md", policy(summary: "Policy \(index) \(language)", body: body))
            }
        }
        return BuildOptions(
            contentPath: folder.appendingPathComponent("content").path, themesPath: Repository.themes.path,
            outputPath: folder.appendingPathComponent("public").path)
    }

    static func policy(summary: String, body: String? = nil) -> String {
        """
        ---
        title: Privacy Policy
        version: "1.0"
        effective: 2025-01-01
        last_updated: 2025-02-01
        summary: \(summary)
        cookies:
          - category: essential
            purpose: Keep you signed in
        rights:
          items:
            - right: access
        ---
        \(body ?? "## Introduction\n\nWe keep little data.\n")
        """
    }

    static func files(under folder: String) -> [String: Data] {
        var result: [String: Data] = [:]
        for path in OutputWriter.files(under: URL(fileURLWithPath: folder)) {
            result[path] = FileManager.default.contents(atPath: folder + "/" + path)
        }
        return result
    }

    static func coldBuild(_ options: BuildOptions) throws -> [String: Data] {
        var cold = options
        cold.outputPath = options.outputPath + "-cold-\(UUID().uuidString.prefix(6))"
        _ = try SiteBuilder().build(cold)
        return files(under: cold.outputPath)
    }

    /// Builds into `options`' output again and returns the files that differ from a cold build
    /// of the same content (empty when none).
    static func rebuildDifferingFromCold(_ options: BuildOptions) throws -> [String] {
        _ = try SiteBuilder().build(options)
        let cold = try coldBuild(options)
        let built = files(under: options.outputPath)
        return Set(built.keys).union(cold.keys).filter { built[$0] != cold[$0] }.sorted()
    }

    /// The example site (`content/`), loaded with its theme.
    static func exampleSite() throws -> PreparedSite {
        let options = BuildOptions(contentPath: Repository.content.path, themesPath: Repository.themes.path, outputPath: "unused")
        let (prepared, diagnostics) = load(options)
        return try #require(prepared, "\(diagnostics)")
    }

    /// The whole site at `options` and its theme, loaded by the driver of every build (nil when
    /// some content has a problem), for tests that render it in one go (`SiteBuilder.render`).
    static func load(_ options: BuildOptions, builder: SiteBuilder = SiteBuilder()) -> (PreparedSite?, [Diagnostic]) {
        let driver = SiteDriver(builder: builder, options: options, publishedBy: PolicyDate(builder.now()), bodies: .shared(builder.bodies))
        let (opened, problems) = driver.open()
        guard let opening = opened else { return (nil, problems) }
        var sink = RecordingSink()
        let outcome = driver.run(opening, into: &sink)
        guard case .finished(let diagnostics) = outcome else { return (nil, outcome.diagnostics) }
        return (PreparedSite(site: opening.site(with: sink.companies), theme: opening.theme, diagnostics: diagnostics), diagnostics)
    }
}
