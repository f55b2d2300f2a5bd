// `stat`'s members: the compiler files the struct under CDispatch (OutputFolder imports it),
// so a whole-module (release) build asks for it here too under MemberImportVisibility.
import CDispatch
import Foundation

/// What identifies one version of a file: saving through a rename changes the inode, an
/// in-place write changes the size or the modification time.
struct FileStamp: Equatable, Sendable {
    var isDirectory: Bool
    var modified: Int64
    var size: Int64
    var inode: UInt64

    /// `lstat`, not `stat`: a symlink is watched as itself and never followed out of the tree.
    init?(path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        let time = info.st_mtim
        isDirectory = (info.st_mode & S_IFMT) == S_IFDIR
        modified = Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
        size = Int64(info.st_size)
        inode = UInt64(info.st_ino)
    }
}
