import Foundation
import PolicyModel
import PolicyRender
import TestSupport
import Testing

@testable import PolicyBuild

/// `build` and `check` load, render and drop a chunk of companies at a time. These sites have
/// more companies than a chunk holds, so pages, links and problems cross chunk boundaries.
@Suite struct StreamingBuildTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// Three chunks of 16: the last one holds companies 32–36.
    static let companies = 37

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
            contentPath: folder.appendingPathComponent("content").path, themesPath: root.appendingPathComponent("themes").path,
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

    @Test func aStreamedBuildWritesExactlyWhatTheWholeSiteRenders() throws {
        let options = try Self.makeSite("same")
        let report = try SiteBuilder().build(options)
        #expect(report.prepared == nil, "a CLI build keeps no site in memory")
        let builder = SiteBuilder()
        let (prepared, diagnostics) = builder.prepare(options)
        let whole = try #require(prepared)
        #expect(!diagnostics.hasErrors)
        let pages = builder.render(whole)
        let written = Self.files(under: options.outputPath)
        let assets = Set(whole.theme.assetCopies.map(\.destination))
        #expect(Set(written.keys).subtracting(assets) == Set(pages.map(\.path)))
        for page in pages { #expect(written[page.path] == page.contents, "\(page.path) differs from the whole-site render") }
        // The German fallback pages of the first chunk exist, though only the last company is in German.
        #expect(written["c00/de/index.html"] != nil && written["c36/de/index.html"] != nil)
        let home = String(decoding: try #require(written["index.html"]), as: UTF8.self)
        #expect((0..<Self.companies).allSatisfy { home.contains("Policy \($0) en") })
    }

    @Test func linksAcrossChunksAreCheckedWithTheirAnchors() throws {
        // c00 (first chunk) links forward into c36 (last chunk); c36 links back into c00.
        let forward =
            "## Introduction\n\nSee [ours](../../c36/en/#introduction) and [theirs](../../c36/en/#no-such-heading), [home](../../) and [its top](../../#no-home-anchor).\n"
        let backward = "## Introduction\n\nSee [c00](../../c00/fr/#introduction) and [gone](../../c00/en/#missing-anchor) and [nowhere](../../c99/en/).\n"
        let options = try Self.makeSite("links", policies: [0: forward, 36: backward])
        let problems = SiteChecker().check(options).filter { $0.code == "broken-link" }
        let messages = problems.map(\.message)
        // c00's English text is also its German page (fallback), so its broken links are on both;
        // the home page comes after every company, and its anchors are checked all the same.
        #expect(problems.count == 6, "\(messages)")
        #expect(messages.filter { $0.contains("#no-home-anchor") }.count == 2)
        #expect(messages.contains { $0.contains("#no-such-heading") && $0.contains("on c00/en/index.html") })
        #expect(messages.contains { $0.contains("#no-such-heading") && $0.contains("on c00/de/index.html") })
        #expect(messages.contains { $0.contains("#missing-anchor") })
        #expect(messages.contains { $0.contains("c99") && $0.contains("does not have") })
        // A forward link is reported at its line in the Markdown, like any other.
        let forwardProblem = try #require(problems.first { $0.message.contains("#no-such-heading") })
        #expect(forwardProblem.location.file.hasSuffix("c00/en/privacy.md") && forwardProblem.location.line == 16)
    }

    @Test func problemsInEveryChunkAreReportedAndTheOutputIsKept() throws {
        var options = try Self.makeSite("broken", fallback: false)
        _ = try SiteBuilder().build(options)
        let before = Self.files(under: options.outputPath)
        let content = options.contentPath
        try "---\ntitle: [unclosed\n---\n".write(toFile: content + "/c00/en/privacy.md", atomically: false, encoding: .utf8)
        try "legal_name: X\nbogus_field: 1\n".write(toFile: content + "/c36/company.yml", atomically: false, encoding: .utf8)
        // A slug taken in the first chunk and claimed again in the last.
        try FileManager.default.copyItem(atPath: content + "/c01", toPath: content + "/c99")
        try "legal_name: C99\ndisplay_name: C99\nprivacy_email: a@b.example\nslug: c01\nlanguages: [en, fr]\n".write(
            toFile: content + "/c99/company.yml", atomically: false, encoding: .utf8)
        options.strict = true
        #expect {
            _ = try SiteBuilder().build(options)
        } throws: { error in
            guard case BuildError.invalidContent(let diagnostics) = error else { return false }
            let files = Set(diagnostics.errors.map(\.location.file))
            return files.contains { $0.hasSuffix("c00/en/privacy.md") } && files.contains { $0.hasSuffix("c36/company.yml") }
                && diagnostics.contains { $0.code == "duplicate-slug" }
        }
        #expect(Self.files(under: options.outputPath) == before, "a failed build changed the output")
    }
}

/// A CLI rebuild skips companies whose files did not change (`CompanyManifest`); whatever it
/// skips, its output must be the output of a cold build of the same content.
@Suite struct IncrementalBuildTests {
    static func coldBuild(_ options: BuildOptions) throws -> [String: Data] {
        var cold = options
        cold.outputPath = options.outputPath + "-cold-\(UUID().uuidString.prefix(6))"
        _ = try SiteBuilder().build(cold)
        return StreamingBuildTests.files(under: cold.outputPath)
    }

    /// Builds into `options`' output again and returns the files that differ from a cold build
    /// of the same content (empty when none).
    static func rebuildDifferingFromCold(_ options: BuildOptions) throws -> [String] {
        _ = try SiteBuilder().build(options)
        let cold = try coldBuild(options)
        let built = StreamingBuildTests.files(under: options.outputPath)
        return Set(built.keys).union(cold.keys).filter { built[$0] != cold[$0] }.sorted()
    }

    @Test func aRebuildLoadsOnlyWhatChangedAndWritesWhatAColdBuildWrites() throws {
        let options = try StreamingBuildTests.makeSite("incremental")
        let content = options.contentPath
        let first = try SiteBuilder().build(options)
        #expect(first.companiesReused == 0)
        let again = try SiteBuilder().build(options)
        #expect(again.companiesReused == StreamingBuildTests.companies && again.written == 0)
        // Nothing loaded, so the site-wide files are kept, unless one is gone from the output.
        try FileManager.default.removeItem(atPath: options.outputPath + "/sitemap.xml")
        let restored = try SiteBuilder().build(options)
        #expect(restored.companiesReused == StreamingBuildTests.companies && restored.written == 1)
        #expect(StreamingBuildTests.files(under: options.outputPath) == (try Self.coldBuild(options)))

        // One policy edited: its summary is on the home page and in policies.json too.
        try StreamingBuildTests.policy(summary: "Edited summary", body: "## Introduction\n\nEdited.\n")
            .write(toFile: content + "/c05/en/privacy.md", atomically: true, encoding: .utf8)
        let edited = try SiteBuilder().build(options)
        #expect(edited.companiesReused == StreamingBuildTests.companies - 1)
        var output = StreamingBuildTests.files(under: options.outputPath)
        #expect(output == (try Self.coldBuild(options)))
        #expect(String(decoding: output["index.html"] ?? Data(), as: UTF8.self).contains("Edited summary"))

        // The skipped companies' entries come from the index file beside the manifest. Damaged,
        // it is not trusted: those companies are loaded again for their entries.
        let cache = (CompanyManifest.path(for: options.outputPath) as NSString).deletingLastPathComponent
        let prefix = (options.outputPath as NSString).lastPathComponent + ".index-"
        let indexFiles = try FileManager.default.contentsOfDirectory(atPath: cache).filter { $0.hasPrefix(prefix) }
        #expect(indexFiles.count == 1)
        for file in indexFiles { try "{\"c01\": 7}".write(toFile: cache + "/" + file, atomically: true, encoding: .utf8) }
        try StreamingBuildTests.policy(summary: "Edited again", body: "## Introduction\n\nEdited.\n")
            .write(toFile: content + "/c05/en/privacy.md", atomically: true, encoding: .utf8)
        let recovered = try SiteBuilder().build(options)
        #expect(recovered.companiesReused == StreamingBuildTests.companies - 1)
        #expect(StreamingBuildTests.files(under: options.outputPath) == (try Self.coldBuild(options)))
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache).filter { $0.hasPrefix(prefix) }.count == 1)

        // The English text moves to 1.1: the French pages (not re-rendered for English prose)
        // must now say they lag behind their source.
        try StreamingBuildTests.policy(summary: "Policy 6 en").replacingOccurrences(of: "version: \"1.0\"", with: "version: \"1.1\"")
            .write(toFile: content + "/c06/en/privacy.md", atomically: true, encoding: .utf8)
        _ = try SiteBuilder().build(options)
        #expect(StreamingBuildTests.files(under: options.outputPath) == (try Self.coldBuild(options)))

        // A company removed: its pages go, the others are still skipped.
        try FileManager.default.removeItem(atPath: content + "/c20")
        let removed = try SiteBuilder().build(options)
        #expect(removed.companiesReused == StreamingBuildTests.companies - 1)
        output = StreamingBuildTests.files(under: options.outputPath)
        #expect(!output.keys.contains { $0.hasPrefix("c20/") })
        #expect(output == (try Self.coldBuild(options)))

        // site.yml changes what every page shows: nothing is skipped.
        let site = try String(contentsOfFile: content + "/site.yml", encoding: .utf8)
        try site.replacingOccurrences(of: "title: Streams", with: "title: Rivers").write(toFile: content + "/site.yml", atomically: true, encoding: .utf8)
        let retitled = try SiteBuilder().build(options)
        #expect(retitled.companiesReused == 0)
        #expect(StreamingBuildTests.files(under: options.outputPath) == (try Self.coldBuild(options)))

        // A page deleted from the output by hand is written again.
        try FileManager.default.removeItem(atPath: options.outputPath + "/c07/fr/cookies/index.html")
        let repaired = try SiteBuilder().build(options)
        #expect(repaired.companiesReused == StreamingBuildTests.companies - 2)
        #expect(FileManager.default.fileExists(atPath: options.outputPath + "/c07/fr/cookies/index.html"))
    }

    /// An archived version whose text is the current one names the current page as its
    /// canonical address. Editing the current text, and undoing the edit, changes that page
    /// although its own text never changes: a rebuild must render it again both times.
    @Test func anArchivedPageFollowsWhetherItsTextIsTheCurrentOne() throws {
        let folder = Scratch.directory.appendingPathComponent("archived-\(UUID().uuidString.prefix(8))")
        try FileManager.default.copyItem(at: StreamingBuildTests.root.appendingPathComponent("content"), to: folder.appendingPathComponent("content"))
        let options = BuildOptions(
            contentPath: folder.appendingPathComponent("content").path, themesPath: StreamingBuildTests.root.appendingPathComponent("themes").path,
            outputPath: folder.appendingPathComponent("public").path)
        let policy = options.contentPath + "/digi-smart-manager/en/privacy.md"
        let original = try String(contentsOfFile: policy, encoding: .utf8)
        _ = try SiteBuilder().build(options)
        let archived = "digi-smart-manager/en/versions/1.1/index.html"
        func canonical() -> String {
            let page = String(decoding: StreamingBuildTests.files(under: options.outputPath)[archived] ?? Data(), as: UTF8.self)
            return page.components(separatedBy: "<link rel=\"canonical\" href=\"").dropFirst().first?.components(separatedBy: "\"").first ?? ""
        }
        #expect(canonical().hasSuffix("/digi-smart-manager/en/"))
        try (original + "\nA paragraph not yet published.\n").write(toFile: policy, atomically: true, encoding: .utf8)
        _ = try SiteBuilder().build(options)
        #expect(canonical().hasSuffix("/digi-smart-manager/en/versions/1.1/"))
        #expect(StreamingBuildTests.files(under: options.outputPath) == (try Self.coldBuild(options)))
        try original.write(toFile: policy, atomically: true, encoding: .utf8)
        _ = try SiteBuilder().build(options)
        #expect(canonical().hasSuffix("/digi-smart-manager/en/"))
        #expect(StreamingBuildTests.files(under: options.outputPath) == (try Self.coldBuild(options)))
    }

    @Test func aSkippedCompanyStillReportsItsWarnings() throws {
        var options = try StreamingBuildTests.makeSite("warnings", fallback: false)
        // French says 0.9 while English says 1.0: a stale translation, a warning.
        let french = StreamingBuildTests.policy(summary: "Ancienne").replacingOccurrences(of: "version: \"1.0\"", with: "version: \"0.9\"")
        try french.write(toFile: options.contentPath + "/c03/fr/privacy.md", atomically: true, encoding: .utf8)
        let first = try SiteBuilder().build(options)
        #expect(first.diagnostics.contains { $0.code == "stale-translation" })
        let again = try SiteBuilder().build(options)
        #expect(again.companiesReused == StreamingBuildTests.companies)
        #expect(again.diagnostics == first.diagnostics)
        options.strict = true
        #expect(throws: BuildError.self) { _ = try SiteBuilder().build(options) }
    }
}
