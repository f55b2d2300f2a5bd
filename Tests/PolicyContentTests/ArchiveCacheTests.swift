import Foundation
import PolicyDiagnostics
import PolicyFiles
import PolicyModel
import PolicyText
import TestSupport
import Testing

@testable import PolicyContent

/// Archived texts parsed once are read back from the cache as the same documents; an entry
/// made under another checking context, or damaged, is never used.
@Suite struct ArchiveCacheTests {
    static let root = Repository.root

    func copyOfContent() throws -> URL {
        let folder = Scratch.directory.appendingPathComponent("archive-cache-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.root.appendingPathComponent("content"), to: folder.appendingPathComponent("content"))
        return folder
    }

    func load(_ folder: URL, cache: ArchiveCache?) -> LoadResult {
        ContentLoader(themesPath: Self.root.appendingPathComponent("themes").path, archiveCache: cache)
            .load(contentPath: folder.appendingPathComponent("content").path)
    }

    func archives(_ result: LoadResult) -> [ArchivedVersion] { result.site?.companies.flatMap(\.archive) ?? [] }

    @Test func aCachedArchiveLoadsAsTheSameDocuments() throws {
        let folder = try copyOfContent()
        let cache = ArchiveCache(directory: folder.appendingPathComponent("cache").path)
        let uncached = load(folder, cache: nil)
        let first = load(folder, cache: cache)
        let entries = try FileManager.default.contentsOfDirectory(atPath: cache.directory)
        // Every archived text is kept but those whose bytes are a current text's: they take
        // the current parse (`PolicyDocument.relocated`), which needs no cache.
        let companies = uncached.site?.companies ?? []
        let parsed = companies.flatMap { company in
            company.archive.flatMap(\.policies.values).filter { company.policies[$0.language]?.contentHash != $0.contentHash }
        }
        #expect(entries.count == parsed.count && entries.count >= 2)
        #expect(parsed.count < archives(uncached).reduce(0) { $0 + $1.policies.count }, "content/ has a version whose text is the current one")
        let second = load(folder, cache: cache)
        #expect(archives(second) == archives(uncached) && archives(first) == archives(uncached))
        #expect(second.diagnostics == uncached.diagnostics)
        // Read from the cache, not parsed: the front matter's inner locations are not kept.
        let cookie = archives(second).flatMap(\.policies.values).flatMap(\.frontMatter.cookies).first
        #expect(cookie?.category.location == nil)
        #expect(archives(uncached).flatMap(\.policies.values).flatMap(\.frontMatter.cookies).first?.category.location != nil)
    }

    /// `check` reads the cache and writes nothing.
    @Test func aReadOnlyCacheWritesNothing() throws {
        let folder = try copyOfContent()
        let directory = folder.appendingPathComponent("cache").path
        _ = load(folder, cache: ArchiveCache(directory: directory, readOnly: true))
        #expect(!FileManager.default.fileExists(atPath: directory))
        _ = load(folder, cache: ArchiveCache(directory: directory))
        let written = try FileManager.default.contentsOfDirectory(atPath: directory)
        #expect(archives(load(folder, cache: ArchiveCache(directory: directory, readOnly: true))) == archives(load(folder, cache: nil)))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == written)
    }

    @Test func aDamagedOrForeignEntryIsParsedAgain() throws {
        let folder = try copyOfContent()
        let cache = ArchiveCache(directory: folder.appendingPathComponent("cache").path)
        let reference = load(folder, cache: cache)
        for name in try FileManager.default.contentsOfDirectory(atPath: cache.directory) {
            try Data("{ not json".utf8).write(to: URL(fileURLWithPath: cache.directory).appendingPathComponent(name))
        }
        let reloaded = load(folder, cache: cache)
        #expect(archives(reloaded) == archives(reference) && reloaded.diagnostics == reference.diagnostics)
        // Entries made under another context (another set of custom categories) are not used.
        let functional = ArchiveCache.contextKey(DecodingContext(customCookieCategories: ["functional"]))
        let entry = ArchiveCache.Entry(
            path: "x", language: LanguageCode("en")!,
            frontMatter: PolicyFrontMatter(
                title: "T", version: PolicyVersionNumber("1.0")!, effective: PolicyDate("2025-01-01")!, lastUpdated: PolicyDate("2025-01-01")!),
            body: "", bodyLine: 1, fieldLocations: [:])
        let file = cache.directory + "/abc.json"
        try CacheRecord.write(try JSONEncoder().encode(entry), kind: ArchiveCache.kind, key: ArchiveCache.key(hash: "abc", contextKey: functional), to: file)
        #expect(cache.lookup(path: "x", hash: "abc", context: DecodingContext(), contextKey: ArchiveCache.contextKey(DecodingContext())) == nil)
        #expect(cache.lookup(path: "x", hash: "abc", context: DecodingContext(customCookieCategories: ["functional"]), contextKey: functional) != nil)
        // The same entry edited by hand (its body changed, its seal not) is not used either.
        var edited = try Data(contentsOf: URL(fileURLWithPath: file))
        edited.append(contentsOf: Array(" ".utf8))
        try edited.write(to: URL(fileURLWithPath: file))
        #expect(cache.lookup(path: "x", hash: "abc", context: DecodingContext(customCookieCategories: ["functional"]), contextKey: functional) == nil)
    }
}
