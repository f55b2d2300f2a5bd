import Foundation
import PolicyFiles
import PolicyModel
import PolicyRender

#if canImport(Glibc)
import Glibc
#endif

/// Size, modification time (nanoseconds) and inode of a file: an edit, a replacement by
/// rename (editors' safe save) or a touch changes at least one.
enum FolderDigest {
    /// A digest of the stamps of every regular file below `folder` with their relative paths;
    /// nil when it cannot be read. One digest per company keeps the manifest small: a build
    /// only asks whether anything in the folder changed.
    static func digest(under folder: String) -> String? {
        var stamps: [(path: String, stamp: String)] = []
        func walk(_ directory: String, _ prefix: String) -> Bool {
            guard let entries = DirectoryListing.entries(atPath: directory) else { return false }
            for (name, kind, _) in entries {
                let path = directory + "/" + name
                if kind == .directory {
                    guard walk(path, prefix + name + "/") else { return false }
                    continue
                }
                var info = stat()
                guard lstat(path, &info) == 0 else { return false }
                stamps.append((prefix + name, "\(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec) \(info.st_ino)"))
            }
            return true
        }
        guard walk(folder, "") else { return nil }
        let text = stamps.sorted { $0.path < $1.path }.map { $0.path + "\u{0}" + $0.stamp }.joined(separator: "\n")
        return sha256Hex(Data(text.utf8))
    }
}
