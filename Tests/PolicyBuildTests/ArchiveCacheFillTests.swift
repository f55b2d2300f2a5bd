import Foundation
import PolicyContent
import PolicyFiles
import PolicyModel
import TestSupport
import Testing

@testable import PolicyBuild

/// A build into a folder with no site yet (CI's fresh clone) reads the archive cache but does
/// not fill it; the next build into the same folder fills it with what it parses.
@Suite struct ArchiveCacheFillTests {
    @Test func aFirstBuildLeavesTheCacheEmptyAndTheNextFillsIt() throws {
        let folder = Scratch.directory.appendingPathComponent("archive-fill-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Repository.content, to: folder.appendingPathComponent("content"))
        var options = BuildOptions(
            contentPath: folder.appendingPathComponent("content").path, themesPath: Repository.themes.path,
            outputPath: folder.appendingPathComponent("public").path)
        let cache = BuildCache(output: options.outputPath).archives()
        options.archiveCache = cache
        let entries = { (try? FileManager.default.contentsOfDirectory(atPath: cache.directory))?.filter { $0.hasSuffix(".json") } ?? [] }

        let cold = try SiteBuilder().build(options)
        #expect(entries().isEmpty, "a first build wrote \(entries())")

        // The company with published versions is loaded again (its facts changed), so its
        // archived texts are parsed again, and now kept.
        let companyFile = folder.appendingPathComponent("content/digi-smart-manager/company.yml")
        try (try String(contentsOf: companyFile, encoding: .utf8) + "\n# reviewed\n").write(to: companyFile, atomically: false, encoding: .utf8)
        let warm = try SiteBuilder().build(options)
        // Every other company of the example site is skipped unchanged.
        let content = folder.appendingPathComponent("content")
        let companies = try FileManager.default.contentsOfDirectory(atPath: content.path).filter {
            FileManager.default.fileExists(atPath: content.appendingPathComponent($0).appendingPathComponent("company.yml").path)
        }
        #expect(companies.count > 1)
        #expect(cold.companiesReused == 0)
        #expect(warm.companiesReused == companies.count - 1)
        #expect(!entries().isEmpty)
    }
}
