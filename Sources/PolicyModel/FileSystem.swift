public import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The file operations PolicySite needs, so tests can run against an in-memory tree.
public protocol FileSystem: Sendable {
    func contentsOfDirectory(_ path: String) throws -> [String]
    func isDirectory(_ path: String) -> Bool
    func fileExists(_ path: String) -> Bool
    func readFile(_ path: String) throws -> Data
}

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

/// Another file system with some files replaced or added, e.g. the files a publish is about
/// to write, so the result can be checked before anything touches the disk.
public struct OverlayFileSystem: FileSystem {
    public var base: any FileSystem
    /// Path → new bytes.
    public var files: [String: Data]

    public init(base: any FileSystem, files: [String: Data]) {
        self.base = base
        self.files = files
    }

    public func contentsOfDirectory(_ path: String) throws -> [String] {
        let prefix = path.hasSuffix("/") ? path : path + "/"
        let added = files.keys.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count).split(separator: "/")[0]) }
        let existing = (try? base.contentsOfDirectory(path)) ?? []
        if existing.isEmpty && added.isEmpty { return try base.contentsOfDirectory(path) }
        return Array(Set(existing + added)).sorted()
    }

    public func isDirectory(_ path: String) -> Bool {
        let prefix = path.hasSuffix("/") ? path : path + "/"
        return base.isDirectory(path) || files.keys.contains { $0.hasPrefix(prefix) }
    }

    public func fileExists(_ path: String) -> Bool { files[path] != nil || isDirectory(path) || base.fileExists(path) }

    public func readFile(_ path: String) throws -> Data {
        if let data = files[path] { return data }
        return try base.readFile(path)
    }
}

/// A file tree held in memory: paths are `/`-separated, directories implied by file paths.
public struct InMemoryFileSystem: FileSystem {
    public var files: [String: Data]

    public init(files: [String: String] = [:]) {
        self.files = files.mapValues { Data($0.utf8) }
    }

    public mutating func write(_ path: String, _ text: String) { files[path] = Data(text.utf8) }

    public func contentsOfDirectory(_ path: String) throws -> [String] {
        let prefix = path.hasSuffix("/") ? path : path + "/"
        let names = Set(files.keys.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count).split(separator: "/")[0]) })
        guard !names.isEmpty else { throw FileAccessError.missing(path) }
        return names.sorted()
    }

    public func isDirectory(_ path: String) -> Bool {
        let prefix = path.hasSuffix("/") ? path : path + "/"
        return files.keys.contains { $0.hasPrefix(prefix) }
    }

    public func fileExists(_ path: String) -> Bool { files[path] != nil || isDirectory(path) }

    public func readFile(_ path: String) throws -> Data {
        guard let data = files[path] else { throw isDirectory(path) ? FileAccessError.isFolder(path) : FileAccessError.missing(path) }
        return data
    }
}

/// Joins path segments with `/`, the way content paths are shown in messages.
public func joinPath(_ parts: String...) -> String {
    parts.filter { !$0.isEmpty }.joined(separator: "/").replacingAll("//", with: "/")
}

/// The folder holding `path` (`content` → ``, `a/b/content` → `a/b`, `/x/content/` → `/x`).
public func parentPath(_ path: String) -> String {
    var trimmed = Substring(path)
    while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
    guard let slash = trimmed.lastIndex(of: "/") else { return "" }
    return slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
}

extension StringProtocol {
    /// Without leading and trailing spaces, tabs and carriage returns. Foundation's
    /// `trimmingCharacters(in:)` goes through NSString and was a sixth of a build's time.
    public var trimmedSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}

extension StringProtocol {
    /// Lines split at "\n" on UTF-8 bytes, empty lines kept. Character-based `split` costs a
    /// grapheme break check per character, which showed in profiles of large corpora.
    public var lines: [Substring] {
        let text = Substring(self)
        var result: [Substring] = []
        var start = text.startIndex
        let utf8 = text.utf8
        var index = utf8.startIndex
        while index != utf8.endIndex {
            if utf8[index] == UInt8(ascii: "\n") {
                result.append(text[start..<index])
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        result.append(text[start...])
        return result
    }
}

/// Writes `data` to a file at `path` without the `fsync` that Foundation's `Data.write` makes
/// for every file: build output and caches can be made again from the content, so a file a
/// crash loses costs a rebuild, never data (a site has tens of thousands). An existing file is truncated and written in place, so
/// a hard-linked one would change at every link: write only to new paths (a staging folder, a
/// temporary name), never to a file of the published output.
public func writeUnsynced(_ data: Data, to path: String) throws {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw fileWriteError(path) }
    defer { close(descriptor) }
    try data.withUnsafeBytes { buffer in
        var offset = 0
        while offset < buffer.count {
            let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw fileWriteError(path)
            }
            offset += written
        }
    }
}

/// The error for a failed system call on `path`, from `errno`.
public func fileWriteError(_ path: String) -> any Error {
    CocoaError(
        .fileWriteUnknown, userInfo: [NSFilePathErrorKey: path, NSUnderlyingErrorKey: POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)])
}
