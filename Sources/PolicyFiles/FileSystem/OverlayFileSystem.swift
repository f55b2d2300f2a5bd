public import Foundation

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
