#if canImport(Glibc)
import Glibc
#endif

/// A directory's entries read with `readdir`, typed from the entry itself: the output and
/// content walks of a thousand-company site meet 50,000 files, and a `stat` for each (what
/// Foundation's enumerators do) was a large part of a rebuild.
enum DirectoryListing {
    enum Kind { case directory, file, other }

    /// The entries of the open directory `handle`, `.` and `..` left out, with their inode
    /// numbers. `mode` gives an entry's `st_mode` (from `lstat`) for the file systems that do
    /// not report types.
    static func entries(of handle: OpaquePointer, mode: (String) -> mode_t?) -> [(name: String, kind: Kind, inode: UInt64)] {
        var result: [(name: String, kind: Kind, inode: UInt64)] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name == "." || name == ".." { continue }
            let type = Int32(entry.pointee.d_type)
            let kind: Kind
            if type == Int32(DT_UNKNOWN) {
                let format = mode(name).map { $0 & S_IFMT }
                kind = format == S_IFDIR ? .directory : format == S_IFREG ? .file : .other
            } else {
                kind = type == Int32(DT_DIR) ? .directory : type == Int32(DT_REG) ? .file : .other
            }
            result.append((name, kind, UInt64(entry.pointee.d_ino)))
        }
        return result
    }

    /// The entries of the directory at `path`; nil when it cannot be opened.
    static func entries(atPath path: String) -> [(name: String, kind: Kind, inode: UInt64)]? {
        guard let handle = opendir(path) else { return nil }
        defer { closedir(handle) }
        return entries(of: handle) { name in
            var info = stat()
            return lstat(path + "/" + name, &info) == 0 ? info.st_mode : nil
        }
    }
}
