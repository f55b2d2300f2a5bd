import Foundation
import PolicyModel
import PolicyRender

#if canImport(Glibc)
import Glibc
#endif

/// What the last successful build learned about each company, kept beside the output
/// (`.policysite-cache/<output>.companies.json`) so the next build can skip a company whose
/// files did not change: it is neither read nor parsed nor rendered, its pages stay as they
/// are and its entries in the site-wide files come from here.
///
/// A company is skipped only when every file in its folder has the size, modification time
/// and inode recorded, the build's key (code, theme, site.yml, the site's languages, the
/// theme's regimes) is the same, none of its published versions was waiting for a future date,
/// and every page it had is still in the output with a known fingerprint. Anything else loads it.
struct CompanyManifest: Codable, Equatable {
    struct Record: Codable, Equatable {
        var stamps: [String: FileStamp]
        var slug: String
        /// The pages it wrote, relative to the output.
        var pages: [String]
        var index: CompanyIndexEntry
        /// Its warnings, reported again on every build that skips it.
        var diagnostics: [Diagnostic]
    }

    var key: String
    /// By company folder name under content/.
    var companies: [String: Record] = [:]
    /// The company folders in the order the site lists them, and the site-wide files (home
    /// page, sitemap, `policies.json`, schemas) made from their entries: a build that skips
    /// every company, in the same order, has the same site-wide files.
    var order: [String] = []
    var siteFiles: [String] = []

    static func path(for output: String) -> String {
        String(RenderCache.manifestPath(for: output).dropLast(".json".count)) + ".companies.json"
    }

    /// The key of a build: what every page depends on besides its company's own files.
    static func key(theme: Theme, outline: SiteOutline) -> String {
        let languages = outline.folderLanguages.map(\.rawValue).sorted().joined(separator: ",")
        return sha256Hex(
            Data([RenderCache.salt, theme.fingerprint, outline.configHash, languages, outline.contextKey].joined(separator: "\u{0}").utf8))
    }

    /// The manifest of the last build into `output` when it was made under `key`; empty otherwise.
    static func load(output: String, key: String) -> CompanyManifest {
        guard let data = FileManager.default.contents(atPath: path(for: output)),
            let manifest = try? JSONDecoder().decode(CompanyManifest.self, from: data), manifest.key == key
        else { return CompanyManifest(key: key) }
        return manifest
    }

    func save(output: String) {
        let path = Self.path(for: output)
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try? JSONEncoder().encode(self).write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}

/// Size, modification time (nanoseconds) and inode of a file: an edit, a replacement by
/// rename (editors' safe save) or a touch changes at least one.
struct FileStamp: Codable, Equatable, Sendable {
    var size: Int64
    var modified: Int64
    var inode: UInt64

    /// Every regular file below `folder`, by path relative to it; nil when it cannot be read.
    static func stamps(under folder: String) -> [String: FileStamp]? {
        var result: [String: FileStamp] = [:]
        func walk(_ directory: String, _ prefix: String) -> Bool {
            guard let entries = DirectoryListing.entries(atPath: directory) else { return false }
            for (name, kind) in entries {
                let path = directory + "/" + name
                if kind == .directory {
                    guard walk(path, prefix + name + "/") else { return false }
                    continue
                }
                var info = stat()
                guard lstat(path, &info) == 0 else { return false }
                result[prefix + name] = FileStamp(
                    size: Int64(info.st_size), modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
                    inode: UInt64(info.st_ino))
            }
            return true
        }
        return walk(folder, "") ? result : nil
    }
}
