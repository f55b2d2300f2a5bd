import Foundation
import PolicyFiles
import PolicyModel

/// Shows the content loader a `content/` that holds only site.yml and some company folders,
/// so reloading one company reads one folder instead of the whole corpus.
struct CompanySubsetFileSystem: FileSystem {
    let base: any FileSystem
    let contentPath: String
    let folderNames: Set<String>

    func contentsOfDirectory(_ path: String) throws -> [String] {
        let entries = try base.contentsOfDirectory(path)
        guard path == contentPath else { return entries }
        return entries.filter { $0 == ContentLayout.siteFile || folderNames.contains($0) }
    }

    func isDirectory(_ path: String) -> Bool { base.isDirectory(path) }
    func fileExists(_ path: String) -> Bool { base.fileExists(path) }
    func readFile(_ path: String) throws -> Data { try base.readFile(path) }
}
