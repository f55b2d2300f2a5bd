import Foundation
import PolicyDiagnostics
import PolicyFiles
import PolicyModel
import PolicyRender
import TestSupport
import Testing

@testable import PolicyBuild

/// A CLI rebuild skips companies whose files did not change (`CompanyManifest`); whatever it
/// skips, its output must be the output of a cold build of the same content.
@Suite struct IncrementalBuildTests {
    @Test func aRebuildLoadsOnlyWhatChangedAndWritesWhatAColdBuildWrites() throws {
        let options = try BuildFixtures.makeSite("incremental")
        let content = options.contentPath
        let first = try SiteBuilder().build(options)
        #expect(first.companiesReused == 0)
        let again = try SiteBuilder().build(options)
        #expect(again.companiesReused == BuildFixtures.companies && again.written == 0)
        // Nothing loaded, so the site-wide files are kept, unless one is gone from the output.
        try FileManager.default.removeItem(atPath: options.outputPath + "/sitemap.xml")
        let restored = try SiteBuilder().build(options)
        #expect(restored.companiesReused == BuildFixtures.companies && restored.written == 1)
        #expect(BuildFixtures.files(under: options.outputPath) == (try BuildFixtures.coldBuild(options)))

        // One policy edited: its summary is on the home page and in policies.json too.
        try BuildFixtures.policy(summary: "Edited summary", body: "## Introduction\n\nEdited.\n")
            .write(toFile: content + "/c05/en/privacy.md", atomically: true, encoding: .utf8)
        let edited = try SiteBuilder().build(options)
        #expect(edited.companiesReused == BuildFixtures.companies - 1)
        var output = BuildFixtures.files(under: options.outputPath)
        #expect(output == (try BuildFixtures.coldBuild(options)))
        #expect(String(decoding: output["index.html"] ?? Data(), as: UTF8.self).contains("Edited summary"))

        // The skipped companies' entries come from the index file beside the manifest. Damaged,
        // it is not trusted: those companies are loaded again for their entries.
        let cache = (CompanyManifest.path(for: options.outputPath) as NSString).deletingLastPathComponent
        let prefix = (options.outputPath as NSString).lastPathComponent + ".index-"
        let indexFiles = try FileManager.default.contentsOfDirectory(atPath: cache).filter { $0.hasPrefix(prefix) }
        #expect(indexFiles.count == 1)
        for file in indexFiles { try "{\"c01\": 7}".write(toFile: cache + "/" + file, atomically: true, encoding: .utf8) }
        try BuildFixtures.policy(summary: "Edited again", body: "## Introduction\n\nEdited.\n")
            .write(toFile: content + "/c05/en/privacy.md", atomically: true, encoding: .utf8)
        let recovered = try SiteBuilder().build(options)
        #expect(recovered.companiesReused == BuildFixtures.companies - 1)
        #expect(BuildFixtures.files(under: options.outputPath) == (try BuildFixtures.coldBuild(options)))
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache).filter { $0.hasPrefix(prefix) }.count == 1)

        // The English text moves to 1.1: the French pages (not re-rendered for English prose)
        // must now say they lag behind their source.
        try BuildFixtures.policy(summary: "Policy 6 en").replacingOccurrences(of: "version: \"1.0\"", with: "version: \"1.1\"")
            .write(toFile: content + "/c06/en/privacy.md", atomically: true, encoding: .utf8)
        _ = try SiteBuilder().build(options)
        #expect(BuildFixtures.files(under: options.outputPath) == (try BuildFixtures.coldBuild(options)))

        // A company removed: its pages go, the others are still skipped.
        try FileManager.default.removeItem(atPath: content + "/c20")
        let removed = try SiteBuilder().build(options)
        #expect(removed.companiesReused == BuildFixtures.companies - 1)
        output = BuildFixtures.files(under: options.outputPath)
        #expect(!output.keys.contains { $0.hasPrefix("c20/") })
        #expect(output == (try BuildFixtures.coldBuild(options)))

        // site.yml changes what every page shows: nothing is skipped.
        let site = try String(contentsOfFile: content + "/site.yml", encoding: .utf8)
        try site.replacingOccurrences(of: "title: Streams", with: "title: Rivers").write(toFile: content + "/site.yml", atomically: true, encoding: .utf8)
        let retitled = try SiteBuilder().build(options)
        #expect(retitled.companiesReused == 0)
        #expect(BuildFixtures.files(under: options.outputPath) == (try BuildFixtures.coldBuild(options)))

        // A page deleted from the output by hand is written again.
        try FileManager.default.removeItem(atPath: options.outputPath + "/c07/fr/cookies/index.html")
        let repaired = try SiteBuilder().build(options)
        #expect(repaired.companiesReused == BuildFixtures.companies - 2)
        #expect(FileManager.default.fileExists(atPath: options.outputPath + "/c07/fr/cookies/index.html"))
    }

    /// After a rebuild, the stamp recorded for every page is the stamp of its file in the
    /// output: a rebuild stats only the files it wrote or linked (`Staging.touched`) and takes
    /// the others' stamps from the last record, which holds because their inodes were neither
    /// replaced nor linked. A stale stamp would only cost a render, but it would cost it on
    /// every later build.
    @Test func aRebuildRecordsTheStampOfEveryFileAsItIsInTheOutput() throws {
        let options = try BuildFixtures.makeSite("incremental-stamps")
        let builder = SiteBuilder()
        _ = try builder.build(options)
        // The first rebuild stages the whole site once (no spare folder yet); the second
        // brings the spare up to date, linking only what differs.
        for summary in ["First edit", "Second edit"] {
            try BuildFixtures.policy(summary: summary, body: "## Introduction\n\n\(summary).\n")
                .write(toFile: options.contentPath + "/c05/en/privacy.md", atomically: true, encoding: .utf8)
            let report = try builder.build(options)
            #expect(report.written > 0)
            let pages = BuildFixtures.files(under: options.outputPath).keys.filter { $0.hasSuffix(".html") }
            #expect(pages.count > 100)
            let stale = pages.filter { !builder.renderCache.isIntact($0, output: options.outputPath) }
            #expect(stale.count == 0, "\(summary): \(stale.sorted().prefix(5))")
        }
    }

    /// An archived version whose text is the current one names the current page as its
    /// canonical address. Editing the current text, and undoing the edit, changes that page
    /// although its own text never changes: a rebuild must render it again both times.
    @Test func anArchivedPageFollowsWhetherItsTextIsTheCurrentOne() throws {
        let folder = Scratch.directory.appendingPathComponent("archived-\(UUID().uuidString.prefix(8))")
        try FileManager.default.copyItem(at: Repository.content, to: folder.appendingPathComponent("content"))
        let options = BuildOptions(
            contentPath: folder.appendingPathComponent("content").path, themesPath: Repository.themes.path,
            outputPath: folder.appendingPathComponent("public").path)
        let policy = options.contentPath + "/digi-smart-manager/en/privacy.md"
        let original = try String(contentsOfFile: policy, encoding: .utf8)
        _ = try SiteBuilder().build(options)
        let archived = "digi-smart-manager/en/versions/1.1/index.html"
        func canonical() -> String {
            let page = String(decoding: BuildFixtures.files(under: options.outputPath)[archived] ?? Data(), as: UTF8.self)
            return page.components(separatedBy: "<link rel=\"canonical\" href=\"").dropFirst().first?.components(separatedBy: "\"").first ?? ""
        }
        #expect(canonical().hasSuffix("/digi-smart-manager/en/"))
        try (original + "\nA paragraph not yet published.\n").write(toFile: policy, atomically: true, encoding: .utf8)
        _ = try SiteBuilder().build(options)
        #expect(canonical().hasSuffix("/digi-smart-manager/en/versions/1.1/"))
        #expect(BuildFixtures.files(under: options.outputPath) == (try BuildFixtures.coldBuild(options)))
        try original.write(toFile: policy, atomically: true, encoding: .utf8)
        _ = try SiteBuilder().build(options)
        #expect(canonical().hasSuffix("/digi-smart-manager/en/"))
        #expect(BuildFixtures.files(under: options.outputPath) == (try BuildFixtures.coldBuild(options)))
    }

    @Test func aSkippedCompanyStillReportsItsWarnings() throws {
        var options = try BuildFixtures.makeSite("warnings", fallback: false)
        // French says 0.9 while English says 1.0: a stale translation, a warning.
        let french = BuildFixtures.policy(summary: "Ancienne").replacingOccurrences(of: "version: \"1.0\"", with: "version: \"0.9\"")
        try french.write(toFile: options.contentPath + "/c03/fr/privacy.md", atomically: true, encoding: .utf8)
        let first = try SiteBuilder().build(options)
        #expect(first.diagnostics.contains { $0.code == "stale-translation" })
        let again = try SiteBuilder().build(options)
        #expect(again.companiesReused == BuildFixtures.companies)
        #expect(again.diagnostics == first.diagnostics)
        options.strict = true
        #expect(throws: BuildError.self) { _ = try SiteBuilder().build(options) }
    }
}
