import Foundation
import PolicyFiles

/// The output a build replaced, kept as the next build's staging folder
/// (`.policysite-cache/<output>.previous`), and what the writer knows of the output it left.
///
/// A build never writes into the output: it fills a staging folder and swaps it in whole, so the
/// output is always the old site or the new one. A fresh staging folder must hold every file,
/// and linking 50,000 files into 35,000 new folders takes seconds, even when one page changed.
/// The folder the last swap took out is nearly the site already: most of its files are links to
/// the output's own (the same inodes). Bringing it up to date costs a walk of its folders,
/// which reads each file's inode from its directory entry, one `stat` per output file kept,
/// and a link for each file that differs. Nothing about the spare folder is taken on trust: a
/// file is kept only when it is the output's, so a spare folder half-updated by a killed
/// build, or an output whose files were replaced since, still gives exactly the new site.
///
/// The record lets a build that writes nothing skip walking the output to learn whether it
/// holds files the new site no longer has: it names the output folder (device, inode, change
/// time) and the set of files the writer left there.
struct SpareGeneration: Codable, Equatable {
    /// A folder's identity. The change time (nanoseconds) is part of it because a folder
    /// removed and made again often gets the inode number just freed; it also changes when the
    /// folder gains or loses an entry, which only costs one walk.
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

        var key: String { CacheRecord.key(["\(device) \(inode) \(changed)"]) }
    }

    var output: Token
    /// The output's files, as a count and an order-free hash of their paths.
    var files: FileSet

    static func recordPath(for output: String) -> String { BuildCache(output: output).generationFile }

    static func sparePath(for output: String) -> String { BuildCache(output: output).spareFolder }

    static let kind = "generation"

    /// The record of the last build into `output`, when the output folder is still the one it
    /// names: the record's key is the folder's identity.
    static func load(output: String) -> SpareGeneration? {
        guard let token = Token(path: output), let data = CacheRecord.read(recordPath(for: output), kind: kind, key: token.key),
            let record = try? JSONDecoder().decode(SpareGeneration.self, from: data), token == record.output
        else { return nil }
        return record
    }

    func save(output: String) {
        BuildCache(output: output).create()
        if let data = try? JSONEncoder().encode(self) { try? CacheRecord.write(data, kind: Self.kind, key: self.output.key, to: Self.recordPath(for: output)) }
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
