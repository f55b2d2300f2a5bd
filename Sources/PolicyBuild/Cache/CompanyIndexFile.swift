import Foundation
import PolicyFiles
import PolicyModel
import PolicyRender

#if canImport(Glibc)
import Glibc
#endif

/// Every company's index entry, by folder name, in a file of its own beside the manifest
/// (`.policysite-cache/<output>.index-<digest>.json`, a `CacheRecord` under the manifest's
/// key). The name carries a digest of the entries, so a manifest and the index file it names
/// always belong together.
enum CompanyIndexFile {
    /// The cache folder, and the start of every index file's name there (`<output>.index-`).
    private static func location(output: String) -> (folder: String, prefix: String) {
        let cache = BuildCache(output: output)
        return (cache.folder, cache.indexPrefix)
    }

    static let kind = "index"

    static func path(output: String, name: String) -> String {
        (location(output: output).folder as NSString).appendingPathComponent(name)
    }

    /// The name of the index file for entries with these digests, in the site's order, made
    /// under `key` (a file of that name is the same record).
    static func name(output: String, digests: [String], key: String) -> String {
        location(output: output).prefix + sha256Hex(Data(([key] + digests).joined(separator: ",").utf8)).prefix(16) + ".json"
    }

    static func load(output: String, name: String, key: String) -> [String: CompanyIndexEntry]? {
        CacheRecord.read(path(output: output, name: name), kind: kind, key: key).flatMap {
            try? JSONDecoder().decode([String: CompanyIndexEntry].self, from: $0)
        }
    }

    /// Writes the file unless it is there already (same name, same entries).
    static func save(_ entries: [String: CompanyIndexEntry], output: String, name: String, key: String) -> Bool {
        let path = path(output: output, name: name)
        if access(path, F_OK) == 0 { return true }
        guard let data = try? JSONEncoder().encode(entries) else { return false }
        return (try? CacheRecord.write(data, kind: kind, key: key, to: path)) != nil
    }

    static func removeAll(output: String, except name: String) {
        let (folder, prefix) = location(output: output)
        for file in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where file.hasPrefix(prefix) && file != name {
            try? FileManager.default.removeItem(atPath: (folder as NSString).appendingPathComponent(file))
        }
    }
}
