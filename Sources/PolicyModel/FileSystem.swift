public import Foundation

/// The file operations PolicySite needs, so tests can run against an in-memory tree.
public protocol FileSystem: Sendable {
    func contentsOfDirectory(_ path: String) throws -> [String]
    func isDirectory(_ path: String) -> Bool
    func fileExists(_ path: String) -> Bool
    func readFile(_ path: String) throws -> Data
}

public struct LocalFileSystem: FileSystem {
    public init() {}

    public func contentsOfDirectory(_ path: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path).sorted()
    }

    public func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    public func fileExists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    public func readFile(_ path: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: path))
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
        guard !names.isEmpty else { throw CocoaError(.fileReadNoSuchFile) }
        return names.sorted()
    }

    public func isDirectory(_ path: String) -> Bool {
        let prefix = path.hasSuffix("/") ? path : path + "/"
        return files.keys.contains { $0.hasPrefix(prefix) }
    }

    public func fileExists(_ path: String) -> Bool { files[path] != nil || isDirectory(path) }

    public func readFile(_ path: String) throws -> Data {
        guard let data = files[path] else { throw CocoaError(.fileReadNoSuchFile) }
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
/// for every file: build output and caches can be made again, and syncing each of a site's
/// 50,000 files was 4% of a cold build. An existing file is truncated and written in place, so
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
