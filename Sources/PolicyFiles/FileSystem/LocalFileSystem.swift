public import Foundation

/// The disk. Confined to some folders (the CLI confines it to the content and themes folders),
/// it refuses to follow a symbolic link out of them: a `company.yml` linked to
/// `/proc/self/environ` or a key would otherwise be read, echoed in an error message or copied
/// into the published site. Errors are `FileAccessError`s, which say what to do.
public struct LocalFileSystem: FileSystem {
    /// The real paths (symbolic links resolved) of the folders reads may reach; unused unless `confined`.
    public let roots: [String]
    public let confined: Bool

    /// Unconfined: every path is followed wherever it leads (tests, tools reading what they are given).
    public init() {
        roots = []
        confined = false
    }

    /// Confined to `folders` and what lies below them, each taken as it really is: a folder that
    /// is itself a link (`content -> ../policies`) is the user's choice and is followed. A folder
    /// that does not exist (yet) adds nothing.
    public init(confinedTo folders: [String]) {
        roots = folders.compactMap(Self.realPath)
        confined = true
    }

    public func contentsOfDirectory(_ path: String) throws -> [String] {
        try confine(path)
        do {
            return try FileManager.default.contentsOfDirectory(atPath: path).sorted()
        } catch {
            var info = stat()
            guard stat(path, &info) == 0 else { throw FileAccessError.fromErrno(path, errno) }
            guard info.st_mode & S_IFMT == S_IFDIR else { throw FileAccessError.notRegularFile(path) }
            throw FileAccessError.unreadable(path, reason: "permission denied")
        }
    }

    public func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    public func fileExists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    /// Reads a regular file whole. Opened without blocking and checked before it is read: a
    /// FIFO named `company.yml` would otherwise hang the build.
    public func readFile(_ path: String) throws -> Data {
        try confine(path)
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileAccessError.fromErrno(path, errno) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw FileAccessError.fromErrno(path, errno) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw FileAccessError.isFolder(path)
        default: throw FileAccessError.notRegularFile(path)
        }
        var data = Data(count: max(Int(info.st_size), 0))
        var length = 0
        while true {
            if length == data.count { data.count += max(4096, data.count) }
            let read = data.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress! + length, buffer.count - length)
            }
            if read < 0 {
                if errno == EINTR { continue }
                throw FileAccessError.fromErrno(path, errno)
            }
            if read == 0 { break }
            length += read
        }
        data.count = length
        return data
    }

    /// Throws when `path` leads out of the roots through a symbolic link. A path that does not
    /// resolve (missing, a dangling link, a loop) passes: the read that follows says which.
    func confine(_ path: String) throws {
        guard confined, let real = Self.realPath(path), !isInsideRoots(real) else { return }
        throw FileAccessError.linkLeavesSite(path: path, link: leavingLink(in: path) ?? path)
    }

    private func isInsideRoots(_ real: String) -> Bool {
        roots.contains { root in real == root || root == "/" || real.hasPrefix(root + "/") }
    }

    /// The deepest symbolic link along `path` whose target lies outside the roots: the one to
    /// name in the message (a link further up, such as a system folder's, is not the author's).
    private func leavingLink(in path: String) -> String? {
        var prefix = path.hasPrefix("/") ? "" : nil as String?
        var found: String?
        for component in path.split(separator: "/") {
            let next = prefix.map { $0 + "/" + component } ?? String(component)
            prefix = next
            var info = stat()
            guard lstat(next, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { continue }
            if let target = Self.realPath(next), !isInsideRoots(target) { found = next }
        }
        return found
    }

    /// `path` with every symbolic link resolved, absolute; nil when it does not resolve.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
