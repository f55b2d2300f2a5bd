public import Foundation

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
