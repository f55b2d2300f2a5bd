import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The output a build replaced, kept as the next build's staging folder
/// (`.policysite-cache/<output>.previous`).
///
/// A build never writes into the output: it fills a staging folder and swaps it in whole, so the
/// output is always the old site or the new one. A fresh staging folder must hold every file,
/// and linking 50,000 files into 35,000 new folders takes seconds, even when one page changed.
/// The folder the last swap took out is nearly the site already: it differs from the current
/// output only in the files the last build wrote, and from the new site also in those this
/// build writes. Bringing it up to date costs a walk of its folders and a few links.
///
/// The record says which output and which spare folder it describes (by device and inode), so
/// an output replaced by hand, a spare folder half-updated by a killed build, or a record
/// written for another pair is never trusted: the build then stages from scratch.
struct SpareGeneration: Codable, Equatable {
    /// A folder's identity: a swap exchanges the folders' names, their inodes stay. The change
    /// time (nanoseconds) is part of it because a folder removed and made again often gets the
    /// inode number just freed; it also changes when the folder is renamed or gains or loses
    /// an entry, which only makes the build stage from scratch once.
    struct Token: Codable, Equatable {
        var device: UInt64
        var inode: UInt64
        var changed: Int64

        init?(path: String) {
            var info = stat()
            guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return nil }
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
            changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
        }
    }

    var output: Token
    /// Absent when the build found no output to replace (the first build).
    var spare: Token?
    /// The files the build that made the output wrote: where the spare folder's files are not
    /// the output's. Every other file of the spare folder is a link to the output's own.
    var written: [String]
    /// The output's files, as a count and an order-free hash of their paths, so a build that
    /// makes the same files and writes none knows the output holds nothing else without walking
    /// its 35,000 folders.
    var files: FileSet

    static func recordPath(for output: String) -> String {
        RenderCache.cacheFile(".generation.json", for: output)
    }

    static func sparePath(for output: String) -> String {
        RenderCache.cacheFile(".previous", for: output)
    }

    /// The record of the last swap into `output`, when it still describes the folders there.
    static func load(output: String) -> SpareGeneration? {
        guard let data = FileManager.default.contents(atPath: recordPath(for: output)),
            let record = try? JSONDecoder().decode(SpareGeneration.self, from: data), Token(path: output) == record.output
        else { return nil }
        return record
    }

    /// Whether the spare folder is the one recorded.
    func spareIsCurrent(output: String) -> Bool {
        spare != nil && Token(path: Self.sparePath(for: output)) == spare
    }

    func save(output: String) {
        let path = Self.recordPath(for: output)
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try? JSONEncoder().encode(self).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    static func forget(output: String) {
        unlink(recordPath(for: output))
    }

    /// A set of paths as its size and the sum of their hashes (FNV-1a, 64 bits): adding a path
    /// changes the sum whatever the order paths come in.
    struct FileSet: Codable, Equatable {
        var count = 0
        var sum: UInt64 = 0

        mutating func insert(_ path: String) {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in path.utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x100_0000_01b3
            }
            count += 1
            sum = sum &+ hash
        }
    }
}

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
