import Foundation
import PolicyConcurrency
import PolicyFiles
import PolicyModel
import PolicyRender
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Remembers, for every page of the last successful build, its fingerprint (`PageInputs`) and
/// a stamp of the file the build left in the output. A page whose fingerprint is unchanged and
/// whose file in the output still has its stamp is not rendered again: the writer keeps the
/// existing file. Kept in memory by long-lived builders (serve) and on disk in the build cache
/// (`BuildCache.pagesFile`, a `CacheRecord` under the build key) for the CLI.
///
/// The stamp (inode, change time, size) is what makes the output safe to trust: an edit by hand
/// changes the change time whatever the modification time is set back to, and an older copy put
/// back is a new inode; either way the page is rendered and compared again.
public final class RenderCache: Sendable {
    private struct State {
        var fingerprints: [String: String] = [:]
        /// Every file the last build left in the output that it may keep unseen (its pages and
        /// its site-wide files), with its stamp.
        var stamps: [String: String] = [:]
        /// The output folder whose manifest `fingerprints` holds.
        var loadedFrom: String?
        /// `fingerprints` and `stamps` are what the manifest file on disk says (not so after `record`).
        var persisted = false
    }

    private let state = Mutex(State())

    public init() {}

    /// One line per file, `<fingerprint> <stamp> <path>` (`-` as the fingerprint of a site-wide
    /// file), in a `CacheRecord` of kind `pages`: Foundation's JSON coding of 50,000 paths was a
    /// fifth of a one-file rebuild.
    static let kind = "pages"
    /// The fingerprint recorded for a file that has a stamp but no fingerprint.
    static let noFingerprint = "-"

    static func decode(_ data: Data) -> (fingerprints: [String: String], stamps: [String: String])? {
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> ([String: String], [String: String])? in
            let newline = UInt8(ascii: "\n"), space = UInt8(ascii: " ")
            var fingerprints: [String: String] = [:], stamps: [String: String] = [:]
            fingerprints.reserveCapacity(bytes.count / 120)
            stamps.reserveCapacity(bytes.count / 120)
            var start = 0
            while start < bytes.count {
                let end = bytes[start...].firstIndex(of: newline) ?? bytes.count
                guard let gap = bytes[start..<end].firstIndex(of: space), let second = bytes[(gap + 1)..<end].firstIndex(of: space) else { return nil }
                let path = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[(second + 1)..<end]), as: UTF8.self)
                let fingerprint = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<gap]), as: UTF8.self)
                if fingerprint != noFingerprint { fingerprints[path] = fingerprint }
                stamps[path] = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[(gap + 1)..<second]), as: UTF8.self)
                start = end + 1
            }
            return (fingerprints, stamps)
        }
    }

    static func encode(_ fingerprints: [String: String], stamps: [String: String]) -> Data {
        let newline = UInt8(ascii: "\n"), space = UInt8(ascii: " ")
        var bytes: [UInt8] = []
        bytes.reserveCapacity(stamps.count * 140)
        // A path with a line break cannot be written on a line: that page is rendered again.
        for (path, stamp) in stamps where !path.utf8.contains(newline) {
            let fingerprint = fingerprints[path] ?? noFingerprint
            guard !fingerprint.utf8.contains(space) else { continue }
            bytes += fingerprint.utf8
            bytes.append(space)
            bytes += stamp.utf8
            bytes.append(space)
            bytes += path.utf8
            bytes.append(newline)
        }
        return Data(bytes)
    }

    /// A file's stamp in the output: inode, change time (nanoseconds) and size.
    static func stamp(_ info: stat) -> String {
        "\(info.st_ino)-\(info.st_ctim.tv_sec).\(info.st_ctim.tv_nsec)-\(info.st_size)"
    }

    /// The stamp of `path` in the output folder open as `folder`; nil when it is not there.
    static func stamp(of path: String, in folder: Int32) -> String? {
        var info = stat()
        return fstatat(folder, path, &info, AT_SYMLINK_NOFOLLOW) == 0 && info.st_mode & S_IFMT == S_IFREG ? stamp(info) : nil
    }

    /// Reads the pages record of the last build into `output` made under `key`, once per cache.
    func prepare(output: String, key: String) {
        state.withLock { state in
            guard state.loadedFrom != output else { return }
            state.loadedFrom = output
            let decoded = CacheRecord.read(BuildCache(output: output).pagesFile, kind: Self.kind, key: key).flatMap(Self.decode)
            state.fingerprints = decoded?.fingerprints ?? [:]
            state.stamps = decoded?.stamps ?? [:]
            state.persisted = decoded != nil
        }
    }

    func isCurrent(_ path: String, _ fingerprint: String, output: String) -> Bool {
        let (known, stamp) = state.withLock { ($0.fingerprints[path], $0.stamps[path]) }
        guard known == fingerprint, let stamp else { return false }
        var info = stat()
        return lstat(output + "/" + path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG && Self.stamp(info) == stamp
    }

    /// Whether `path` in the output is the file the last build left there.
    func isIntact(_ path: String, output: String) -> Bool {
        guard let stamp = state.withLock({ $0.stamps[path] }) else { return false }
        var info = stat()
        return lstat(output + "/" + path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG && Self.stamp(info) == stamp
    }

    /// The pages the last build recorded with their fingerprints and stamps, by their first
    /// folder (a company's slug).
    func pagesByFolder() -> [String: [(path: String, fingerprint: String, stamp: String)]] {
        state.withLock { state in
            var pages: [String: [(path: String, fingerprint: String, stamp: String)]] = [:]
            for (path, fingerprint) in state.fingerprints {
                guard let slash = path.firstIndex(of: "/"), let stamp = state.stamps[path] else { continue }
                pages[String(path[..<slash]), default: []].append((path, fingerprint, stamp))
            }
            return pages
        }
    }

    /// Records the fingerprints of a build whose output was written, and the stamps of its
    /// pages and `siteFiles` as they are now in the output. Only the files in `changed` (those
    /// the build wrote or linked, `OutputWriter.Staging.touched`) are asked for their stamps
    /// again: the stamps recorded before still hold for every other file they name, since its
    /// inode was neither replaced nor linked. A one-file rebuild of 50,000 pages then makes a
    /// handful of `stat` calls here instead of one per page.
    func save(_ current: [String: String], siteFiles: [String], output: String, key: String, changed: Set<String>) {
        var known = state.withLock { $0.loadedFrom == output ? $0.stamps : [:] }
        for path in changed { known[path] = nil }
        let paths = Array(current.keys) + siteFiles
        let stamps = Self.stamps(of: paths, output: output, known: known)
        let unchanged = state.withLock { state in
            defer { state = State(fingerprints: current, stamps: stamps, loadedFrom: output, persisted: true) }
            return state.persisted && state.loadedFrom == output && state.fingerprints == current && state.stamps == stamps
        }
        // The file already says exactly this: writing 50,000 fingerprints again is not free.
        guard !unchanged else { return }
        let cache = BuildCache(output: output)
        cache.create()
        try? CacheRecord.write(Self.encode(current, stamps: stamps), kind: Self.kind, key: key, to: cache.pagesFile)
    }

    /// The stamps of `paths` in the output, on every core; those in `known` are taken from it.
    static func stamps(of paths: [String], output: String, known: [String: String] = [:]) -> [String: String] {
        let folder = open(output, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { return [:] }
        defer { close(folder) }
        let chunks = stride(from: 0, to: paths.count, by: 2048).map { Array(paths[$0..<min($0 + 2048, paths.count)]) }
        let found = ConcurrentMap.map(chunks) { chunk in
            chunk.compactMap { path in (known[path] ?? stamp(of: path, in: folder)).map { (path, $0) } }
        }
        return Dictionary(found.joined()) { first, _ in first }
    }

    /// Adds the fingerprints of pages written by a partial rebuild (serve's one-company path).
    /// The fingerprints file on disk no longer describes the output, and is removed: a later
    /// `build` into the same folder that trusted it would keep pages serve wrote for content
    /// that has changed back since.
    public func record(_ written: [String: String], output: String) {
        unlink(BuildCache(output: output).pagesFile)
        let stamps = Self.stamps(of: Array(written.keys), output: output)
        state.withLock { state in
            if state.loadedFrom != output {
                state.fingerprints = [:]
                state.stamps = [:]
            }
            state.fingerprints.merge(written) { _, new in new }
            state.stamps.merge(stamps) { _, new in new }
            state.loadedFrom = output
            state.persisted = false
        }
    }

    /// Forgets everything, e.g. after a failed write left the output in an unknown state.
    public func reset() {
        state.withLock { state in
            state.fingerprints = [:]
            state.stamps = [:]
            state.persisted = false
        }
    }
}
