import CAtomicRename
import Foundation
import PolicyModel
public import PolicyRender

/// Writes a complete site without ever leaving a half-written one: files go to a staging
/// folder beside the output, which then replaces the output in two renames. Files whose bytes
/// did not change are hard-linked from the previous output instead of rewritten, so their
/// modification times (and anything syncing on them) stay put.
public struct OutputWriter {
    public var outputPath: String
    private let files = FileManager.default

    public init(outputPath: String) {
        self.outputPath = outputPath
    }

    public struct Summary: Sendable, Equatable {
        public var written = 0
        public var unchanged = 0
    }

    public func write(_ pages: [RenderedPage], assets: [(source: String, destination: String)]) throws -> Summary {
        let staging = try Staging(writer: self)
        do {
            try staging.add(pages)
            return try staging.finish(assets: assets)
        } catch {
            staging.abort()
            throw error
        }
    }

    /// A build in progress: pages can be added in batches as they are rendered, so a large site
    /// never has to be held in memory whole. Nothing is visible in the output until `finish`.
    public final class Staging {
        let writer: OutputWriter
        let output: URL
        let folder: URL
        private var directories = Set<String>()
        private(set) var summary = Summary()

        public init(writer: OutputWriter) throws {
            self.writer = writer
            let files = FileManager.default
            output = URL(fileURLWithPath: writer.outputPath).standardizedFileURL
            let parent = output.deletingLastPathComponent()
            try files.createDirectory(at: parent, withIntermediateDirectories: true)
            OutputWriter.removeLeftovers(of: output)
            folder = parent.appendingPathComponent(
                ".\(output.lastPathComponent).staging-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
            try? files.removeItem(at: folder)
            try files.createDirectory(at: folder, withIntermediateDirectories: true)
        }

        public func add(_ pages: [RenderedPage]) throws {
            for page in pages {
                if page.isUnchanged {
                    try writer.keep(page.path, in: folder, previous: output, directories: &directories)
                    summary.unchanged += 1
                    continue
                }
                try writer.place(page.path, in: folder, previous: output, directories: &directories, summary: &summary) { target in
                    try page.contents.write(to: target)
                } same: { existing in
                    existing == page.contents
                }
            }
        }

        public func finish(assets: [(source: String, destination: String)]) throws -> Summary {
            for asset in assets {
                let data = try Data(contentsOf: URL(fileURLWithPath: asset.source))
                try writer.place(asset.destination, in: folder, previous: output, directories: &directories, summary: &summary) { target in
                    try data.write(to: target)
                } same: { existing in
                    existing == data
                }
            }
            try writer.swap(folder, into: output)
            return summary
        }

        /// Removes the staging folder; the output is untouched.
        public func abort() {
            try? FileManager.default.removeItem(at: folder)
        }
    }

    fileprivate func place(
        _ path: String, in staging: URL, previous: URL, directories: inout Set<String>, summary: inout Summary,
        write: (URL) throws -> Void, same: (Data) -> Bool
    ) throws {
        let target = staging.appendingPathComponent(path)
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty, directories.insert(folder).inserted {
            try files.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        }
        let old = previous.appendingPathComponent(path)
        if let existing = try? Data(contentsOf: old), same(existing), (try? files.linkItem(at: old, to: target)) != nil {
            summary.unchanged += 1
        } else {
            try write(target)
            summary.written += 1
        }
    }

    /// Links a page the render step did not redo from the previous output.
    fileprivate func keep(_ path: String, in staging: URL, previous: URL, directories: inout Set<String>) throws {
        let target = staging.appendingPathComponent(path)
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty, directories.insert(folder).inserted {
            try files.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        }
        try files.linkItem(at: previous.appendingPathComponent(path), to: target)
    }

    /// Replaces `output` with `staging`: the old output is moved aside first and removed only
    /// once the new one is in place.
    fileprivate func swap(_ staging: URL, into output: URL) throws {
        guard files.fileExists(atPath: output.path) else {
            try files.moveItem(at: staging, to: output)
            return
        }
        // One atomic exchange where the system can: the output is never missing, even for a
        // moment. The staging folder then holds the old site and is removed.
        if policysite_exchange_paths(staging.path, output.path) == 0 {
            try? files.removeItem(at: staging)
            return
        }
        let aside = output.deletingLastPathComponent().appendingPathComponent(
            ".\(output.lastPathComponent).old-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
        try files.moveItem(at: output, to: aside)
        do {
            try files.moveItem(at: staging, to: output)
        } catch {
            try? files.moveItem(at: aside, to: output)
            throw error
        }
        try? files.removeItem(at: aside)
    }

    /// Cleans up after a build that was killed: staging folders and set-aside outputs of
    /// processes that no longer run are removed, and if the kill fell between moving the old
    /// output aside and moving the new one in, the old output is put back first.
    static func removeLeftovers(of output: URL, isRunning: (Int32) -> Bool = OutputWriter.isRunning) {
        let files = FileManager.default
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        var stale: [(url: URL, kind: String, owner: Int32?)] = []
        for entry in (try? files.contentsOfDirectory(atPath: parent.path)) ?? [] {
            for kind in ["staging", "old"] where entry.hasPrefix(".\(name).\(kind)-") {
                let owner = entry.dropFirst(".\(name).\(kind)-".count).split(separator: "-").first.flatMap { Int32($0) }
                if owner.map({ !isRunning($0) }) ?? true { stale.append((parent.appendingPathComponent(entry), kind, owner)) }
            }
        }
        // Folders named by a process id are this version's; older ones are a last resort.
        let asides = stale.filter { $0.kind == "old" }.sorted { ($0.owner != nil ? 0 : 1) < ($1.owner != nil ? 0 : 1) }
        if !files.fileExists(atPath: output.path), let aside = asides.first {
            try? files.moveItem(at: aside.url, to: output)
            stale.removeAll { $0.url == aside.url }
        }
        for leftover in stale { try? files.removeItem(at: leftover.url) }
    }

    /// Whether a process with this id exists (signal 0 checks without sending anything).
    static func isRunning(_ pid: Int32) -> Bool {
        pid == ProcessInfo.processInfo.processIdentifier || kill(pid, 0) == 0 || errno == EPERM
    }
}
