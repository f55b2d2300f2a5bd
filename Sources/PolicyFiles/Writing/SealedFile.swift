public import Foundation

/// A build-cache file that proves it is as PolicySite wrote it. Its first line is a SHA-256 of
/// the rest: a file edited by hand, truncated or torn by a crash reads as absent, and the build
/// does the work the file would have saved, so no state of `.policysite-cache/` can change
/// what a build writes, only how fast. (An older copy put back is intact but is keyed by older
/// inputs: each cache checks its own key.)
///
/// Written under a temporary name and renamed, without `fsync`: a cache lost in a crash is a miss.
public enum SealedFile {
    static let prefix = "policysite-sealed "
    /// Temporary files are named `.<name>.tmp-<pid>-<random>`, so leftovers of killed processes can be told apart.
    static let temporaryMark = ".tmp-"

    public static func write(_ payload: Data, to path: String) throws {
        var data = Data((prefix + sha256Hex(payload) + "\n").utf8)
        data.append(payload)
        let name = (path as NSString).lastPathComponent
        let temporary =
            (path as NSString).deletingLastPathComponent + "/." + name + temporaryMark + "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try writeUnsynced(data, to: temporary)
        guard rename(temporary, path) == 0 else {
            let error = fileWriteError(path)
            unlink(temporary)
            throw error
        }
    }

    /// The payload, or nil when the file is missing, not sealed, or not as it was sealed.
    public static func read(_ path: String) -> Data? {
        guard let data = FileManager.default.contents(atPath: path), let newline = data.firstIndex(of: UInt8(ascii: "\n")) else { return nil }
        let header = String(decoding: data[data.startIndex..<newline], as: UTF8.self)
        guard header.hasPrefix(prefix) else { return nil }
        let payload = data[(newline + 1)...]
        return sha256Hex(payload) == header.dropFirst(prefix.count) ? Data(payload) : nil
    }

    /// Removes, from a cache folder, the temporary files of processes that no longer run, and
    /// the temporary files Foundation's atomic writes left there in earlier versions
    /// (`.dat.nosync…`), which no process finishes once it was killed.
    public static func removeLeftovers(in folder: String) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name.hasPrefix(".") {
            let stale: Bool
            if name.hasPrefix(".dat.nosync") {
                stale = true
            } else if let mark = name.range(of: temporaryMark, options: .backwards) {
                let owner = name[mark.upperBound...].split(separator: "-").first.flatMap { Int32($0) }
                stale = owner.map { $0 != getpid() && kill($0, 0) != 0 && errno == ESRCH } ?? false
            } else {
                stale = false
            }
            if stale { unlink(folder + "/" + name) }
        }
    }
}
