import Foundation
import PolicyContent
import PolicyDiagnostics
import PolicyFiles
import PolicyModel
import PolicyRender

#if canImport(Glibc)
import Glibc
#endif

/// What the last successful build learned about each company, kept beside the output
/// (`BuildCache.companiesFile`, a `CacheRecord` under the build key and the day) so the next
/// build can skip a company whose files did not change: it is neither read nor parsed nor
/// rendered, its pages stay as they are and its entries in the site-wide files come from the
/// manifest's index file.
///
/// A company is skipped only when every file in its folder has the size, modification time
/// and inode recorded, the build's key (code, theme, site.yml, the site's languages, the
/// theme's regimes) is the same, none of its published versions was waiting for a future date,
/// and every page it had is still in the output with a known fingerprint. Anything else loads it.
struct CompanyManifest: Codable, Equatable {
    struct Record: Codable, Equatable {
        /// `FolderDigest.digest` of its folder: every file's path, size, modification time, inode.
        var files: String
        var slug: String
        /// The digest of its index entry (`CompanyIndexEntry.digest`). The entries themselves
        /// are in the index file, read only when the site-wide files must be made again: they
        /// are nine tenths of what a thousand companies' manifest would hold.
        var entry: String
        /// Its warnings, reported again on every build that skips it.
        var diagnostics: [Diagnostic]
    }

    /// A record that can stand in for loading its company, with the pages it wrote (relative
    /// to the output) and their fingerprints (the render cache's pages under its slug, not
    /// stored twice), and each page's inode in the output, which the writer needs again.
    struct Reuse {
        var record: Record
        var pages: [(path: String, fingerprint: String, inode: UInt64)]
    }

    /// The key the manifest was made under (`key(build:today:)`), the key of its record.
    var key: String
    /// By company folder name under content/.
    var companies: [String: Record] = [:]
    /// The company folders in the order the site lists them, and the site-wide files (home
    /// page, sitemap, `policies.json`, schemas) made from their entries: a build that skips
    /// every company, in the same order, has the same site-wide files.
    var order: [String] = []
    var siteFiles: [String] = []
    /// The name of the index file (`CompanyIndexFile`) holding every company's entry.
    var indexFile = ""

    static let kind = "companies"

    static func path(for output: String) -> String { BuildCache(output: output).companiesFile }

    /// The key of the manifest: the build key (`BuildCache.buildKey`) and the day, which counts
    /// here and not in most pages' fingerprints: `--as-of` shows another history, and a company
    /// published later than the day must be loaded to learn so.
    static func key(build: String, today: PolicyDate) -> String { CacheRecord.key([build, today.description]) }

    /// The manifest of the last build into `output` when it was made under `key`; empty otherwise.
    static func load(output: String, key: String) -> CompanyManifest {
        guard let data = CacheRecord.read(path(for: output), kind: kind, key: key),
            let manifest = try? JSONDecoder().decode(CompanyManifest.self, from: data), manifest.key == key
        else { return CompanyManifest(key: key) }
        return manifest
    }

    /// Saves the manifest after its index file, so a manifest never names an index file that is
    /// not there, then removes index files no manifest names any more.
    func save(output: String, entries: [String: CompanyIndexEntry]?) {
        BuildCache(output: output).create()
        if let entries, !CompanyIndexFile.save(entries, output: output, name: indexFile, key: key) { return }
        guard let data = try? JSONEncoder().encode(self), (try? CacheRecord.write(data, kind: Self.kind, key: key, to: Self.path(for: output))) != nil
        else { return }
        CompanyIndexFile.removeAll(output: output, except: indexFile)
    }
}
