import Foundation
import PolicyDiagnostics
import PolicyFiles
import PolicyModel
import Synchronization

/// Parsed archived policies kept on disk between runs (`.policysite-cache/archive/` beside the
/// output), keyed by the file's SHA-256. Published versions never change, yet every build used
/// to parse all of them again: on a corpus with three versions per company that was most of a
/// rebuild with no change.
///
/// Each entry is a `CacheRecord` (the build cache's one format) keyed by the file's hash, the
/// checking context (custom cookie categories, the theme's regimes) and the code that parsed it.
/// Only documents that parsed without a problem are kept, and an entry is used only when it was
/// made under the same key and decodes without an error; anything else is a miss and the file is parsed as usual, so the
/// cache can change how fast a build is, never what it reports. Field locations inside the
/// front matter are not kept: archived texts are checked by their hash, not by cross-file checks.
public final class ArchiveCache: Sendable {
    public let directory: String
    /// Entries are read but never written (`check`, which writes nothing).
    public let readOnly: Bool

    /// The directory is created once per process, not once per entry.
    private let createdDirectory = Mutex(false)

    public init(directory: String, readOnly: Bool = false) {
        self.directory = directory
        self.readOnly = readOnly
    }

    /// The same entries, read but never written.
    public var readingOnly: ArchiveCache { readOnly ? self : ArchiveCache(directory: directory, readOnly: true) }

    struct Entry: Codable {
        var path: String
        var language: LanguageCode
        var frontMatter: PolicyFrontMatter
        var body: String
        var bodyLine: Int
        var fieldLocations: [String: SourceLocation]
    }

    /// A key for what validation depended on; entries made under another are not used.
    static func contextKey(_ context: DecodingContext) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let registry = context.jurisdictions.flatMap { try? encoder.encode($0) } ?? Data()
        return sha256Hex(Data(context.customCookieCategories.sorted().joined(separator: ",").utf8) + registry)
    }

    private func file(_ hash: String) -> URL { URL(fileURLWithPath: directory).appendingPathComponent(hash + ".json") }

    static let kind = "archive"

    /// The key of the entry for a file with this hash parsed under this context.
    static func key(hash: String, contextKey: String) -> String { CacheRecord.key([hash, contextKey]) }

    func lookup(path: String, hash: String, context: DecodingContext, contextKey: String) -> PolicyDocument? {
        guard let data = CacheRecord.read(file(hash).path, kind: Self.kind, key: Self.key(hash: hash, contextKey: contextKey)) else { return nil }
        let decoder = JSONDecoder()
        decoder.userInfo[.policyDecodingContext] = context
        guard let entry = try? decoder.decode(Entry.self, from: data), entry.path == path else { return nil }
        return PolicyDocument(
            path: path, language: entry.language, frontMatter: entry.frontMatter, body: entry.body, bodyLine: entry.bodyLine,
            contentHash: hash, fieldLocations: entry.fieldLocations)
    }

    func store(_ document: PolicyDocument, contextKey: String) {
        guard !readOnly else { return }
        let entry = Entry(
            path: document.path, language: document.language, frontMatter: document.frontMatter, body: document.body,
            bodyLine: document.bodyLine, fieldLocations: document.fieldLocations)
        guard let data = try? JSONEncoder().encode(entry) else { return }
        createdDirectory.withLock { created in
            if !created { created = (try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)) != nil }
        }
        // Sealed: an entry edited by hand, or torn by a crash, is a miss.
        try? CacheRecord.write(data, kind: Self.kind, key: Self.key(hash: document.contentHash, contextKey: contextKey), to: file(document.contentHash).path)
    }
}
