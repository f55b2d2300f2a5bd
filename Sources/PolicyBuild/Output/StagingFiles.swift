import Foundation

/// Changes to the spare folder while it is being brought up to date as a staging folder.
enum StagingFiles {
    /// Removes whatever is at `path` (a file, or a folder the new site has a file in place of).
    static func clear(_ path: String) {
        if unlink(path) != 0 && (errno == EISDIR || errno == EPERM) { _ = OutputWriter.removeTree(path) }
    }

    /// Removes the files of `stale` and then every folder they leave empty.
    static func remove(_ stale: some Collection<String>, in root: String) {
        var folders = Set<String>()
        for path in stale {
            unlink(root + "/" + path)
            var folder = Substring(path)
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                folders.insert(String(folder))
            }
        }
        // Deepest first; a folder that still holds something stays.
        for folder in folders.sorted(by: { $0.count > $1.count }) { rmdir(root + "/" + folder) }
    }
}
