import Foundation

/// Writes several files as one change: every file is first written to a temporary file next
/// to its destination, then all are renamed into place. If anything fails, files already
/// replaced are restored from their backups and new folders are removed, so a failed publish
/// leaves the content exactly as it was.
public struct FileTransaction {
    private var writes: [(path: String, data: Data)] = []
    private let files = FileManager.default
    /// Renames a file; tests swap it to fail part-way through.
    private let move: (String, String) throws -> Void

    public init(move: @escaping (String, String) throws -> Void = { try FileManager.default.moveItem(atPath: $0, toPath: $1) }) {
        self.move = move
    }

    public mutating func write(_ data: Data, to path: String) {
        writes.append((path, data))
    }

    public mutating func write(_ text: String, to path: String) {
        write(Data(text.utf8), to: path)
    }

    public var paths: [String] { writes.map(\.path) }

    /// The files this transaction would write, for checking the result before committing.
    public var pending: [String: Data] {
        Dictionary(writes.map { ($0.path, $0.data) }, uniquingKeysWith: { _, last in last })
    }

    public func commit() throws {
        let token = UUID().uuidString.prefix(8)
        var createdFolders: [String] = []
        var staged: [(temporary: String, destination: String)] = []
        var replaced: [(backup: String, destination: String)] = []
        var placed: [String] = []
        do {
            for (path, data) in writes {
                var isDirectory: ObjCBool = false
                if files.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                    throw CocoaError(.fileWriteFileExists, userInfo: [NSFilePathErrorKey: path, NSLocalizedDescriptionKey: "\(path) is a folder"])
                }
                let folder = (path as NSString).deletingLastPathComponent
                createdFolders += try createFolders(folder)
                let temporary = "\(folder)/.\((path as NSString).lastPathComponent).publish-\(token)"
                guard files.createFile(atPath: temporary, contents: data) else {
                    throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary])
                }
                staged.append((temporary, path))
            }
            for (temporary, destination) in staged {
                if files.fileExists(atPath: destination) {
                    let backup = destination + ".backup-\(token)"
                    try move(destination, backup)
                    replaced.append((backup, destination))
                }
                try move(temporary, destination)
                placed.append(destination)
            }
        } catch {
            for path in placed { try? files.removeItem(atPath: path) }
            for (backup, destination) in replaced { try? files.moveItem(atPath: backup, toPath: destination) }
            for (temporary, _) in staged { try? files.removeItem(atPath: temporary) }
            for folder in createdFolders.reversed() { try? files.removeItem(atPath: folder) }
            throw error
        }
        for (backup, _) in replaced { try? files.removeItem(atPath: backup) }
    }

    /// Creates `folder` and any missing parents; returns the ones it created, outermost first.
    private func createFolders(_ folder: String) throws -> [String] {
        var missing: [String] = []
        var current = folder
        while !current.isEmpty, current != "/", !files.fileExists(atPath: current) {
            missing.insert(current, at: 0)
            current = (current as NSString).deletingLastPathComponent
        }
        for path in missing { try files.createDirectory(atPath: path, withIntermediateDirectories: false) }
        return missing
    }
}
