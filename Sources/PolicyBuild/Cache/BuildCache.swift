public import Foundation
public import PolicyContent
import PolicyFiles
import PolicyRender

/// `.policysite-cache/` beside an output folder: everything a build keeps for the next build into
/// the same output, and where each part lives. Every file here is a `CacheRecord` (one format,
/// one rule: a record is used only when the inputs it was made from hash as the reader's do):
///
/// - `<output>.pages`: each page's fingerprint (`PageInputs`) and the stamp of its file in the
///   output (`RenderCache`), under the build key;
/// - `<output>.companies.json` and `<output>.index-<digest>.json`: what each company's files
///   were and its entry in the site-wide files (`CompanyManifest`, `CompanyIndexFile`), under
///   the build key;
/// - `<output>.generation.json`: the output folder's identity and the files the writer left
///   there (`SpareGeneration`), under that identity, and `<output>.previous/`, the output the last
///   swap took out, the next staging folder;
/// - `archive/<sha256>.json`: parsed archived texts (`ArchiveCache`), under their bytes' hash
///   and what their checks depended on;
/// - `<output>.lock`: one build at a time into the output.
public struct BuildCache: Sendable {
    /// The folder itself.
    public let folder: String
    /// The output folder's name, which starts the name of every file of its own here.
    private let name: String

    public init(output: String) {
        let url = URL(fileURLWithPath: output).standardizedFileURL
        folder = url.deletingLastPathComponent().appendingPathComponent(CacheFolder.name).path
        name = url.lastPathComponent
    }

    func file(_ suffix: String) -> String { folder + "/" + name + suffix }

    var lockFile: String { file(".lock") }
    var pagesFile: String { file(".pages") }
    var companiesFile: String { file(".companies.json") }
    var generationFile: String { file(".generation.json") }
    var spareFolder: String { file(".previous") }
    /// Every index file's name starts with this.
    var indexPrefix: String { name + ".index-" }
    public var archiveFolder: String { folder + "/archive" }

    /// Parsed archived texts, kept here.
    public func archives(readOnly: Bool = false) -> ArchiveCache { ArchiveCache(directory: archiveFolder, readOnly: readOnly) }

    /// Creates the folder (records are written into it without asking).
    func create() {
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    /// The key of the pages and companies records of a build: what every page depends on
    /// besides its company's own files. Each page's fingerprint and each company's record start
    /// from it, so a change here is a change to every one of them.
    static func buildKey(theme: Theme, outline: SiteOutline, drafts: Bool) -> String {
        let languages = outline.folderLanguages.map(\.rawValue).sorted().joined(separator: ",")
        return CacheRecord.key([theme.fingerprint, outline.configHash, languages, outline.contextKey, drafts ? "drafts" : ""])
    }
}
