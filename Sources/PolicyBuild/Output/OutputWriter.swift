import CAtomicRename
import Foundation
import PolicyConcurrency
import PolicyFiles
public import PolicyRender

/// Writes a complete site without ever leaving a half-written one: files go to a staging
/// folder beside the output, which then replaces the output in one atomic exchange. Files whose
/// bytes did not change are hard-linked from the previous output instead of rewritten, so their
/// modification times (and anything syncing on them) stay put.
///
/// With `keepsPrevious`, the folder the exchange takes out is kept (`SpareGeneration`) and
/// becomes the next build's staging folder, brought up to date instead of filled from scratch.
public struct OutputWriter {
    public var outputPath: String
    public var keepsPrevious: Bool
    private let files = FileManager.default

    public init(outputPath: String, keepsPrevious: Bool = false) {
        self.outputPath = outputPath
        self.keepsPrevious = keepsPrevious
    }

    public struct Summary: Sendable, Equatable {
        public var written = 0
        public var unchanged = 0
        /// The output folder was replaced (a build in which nothing differed leaves it be).
        public var replaced = false
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
    ///
    /// The staging folder is made only once a file differs from the output: until then the
    /// files that stay are only noted. A build in which nothing changed (every file the same
    /// and no file gone) then writes, links and swaps nothing at all.
    public final class Staging {
        let writer: OutputWriter
        let output: URL
        let folder: URL
        /// `output` and `folder` as paths, made once.
        private let outputPath: String, folderPath: String
        /// Whether there was an output to compare files with when the build began: without
        /// one, every file is new and none can be kept, so the file system is not asked about
        /// each page (no other build writes the output meanwhile: the build holds its lock).
        private let outputExisted: Bool
        private var directories = Set<String>()
        private(set) var summary = Summary()
        /// Files kept from the output, noted while the staging folder does not exist yet.
        private var pending: [String] = []
        private var materialized = false
        /// Every file of the new site so far.
        private var produced = SpareGeneration.FileSet()
        /// The last swap's record, when it describes the output there now.
        private let record: SpareGeneration?
        /// While the staging folder is the spare generation being brought up to date: its files
        /// not yet claimed by the new site, with their inodes. Left over at the end, they are
        /// removed.
        private var unclaimed: [String: UInt64]?
        /// The output folder, open while a spare generation is brought up to date: its files'
        /// inodes are looked up from it.
        private var outputFolder: Int32 = -1
        /// Inodes of output files the caller has looked up already (set before adding pages).
        var knownInodes: [String: UInt64] = [:]
        /// The files this build wrote or linked into the staging folder. Every other file of
        /// the new output is the inode the output had, untouched (no link made or removed), so
        /// its stamp (`RenderCache.stamp`: inode, change time, size) is the one recorded before.
        private(set) var touched: Set<String> = []

        public init(writer: OutputWriter) throws {
            self.writer = writer
            let files = FileManager.default
            output = URL(fileURLWithPath: writer.outputPath).standardizedFileURL
            outputPath = output.path
            outputExisted = files.fileExists(atPath: outputPath)
            let parent = output.deletingLastPathComponent()
            try files.createDirectory(at: parent, withIntermediateDirectories: true)
            OutputWriter.removeLeftovers(of: output)
            folder = parent.appendingPathComponent(
                ".\(output.lastPathComponent).staging-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
            folderPath = folder.path
            record = writer.keepsPrevious ? SpareGeneration.load(output: outputPath) : nil
        }

        /// Creates the staging folder, from the spare generation when there is one, and brings
        /// into it every file noted as kept so far.
        private func materialize() throws {
            guard !materialized else { return }
            materialized = true
            let spare = SpareGeneration.sparePath(for: output.path)
            if writer.keepsPrevious, rename(spare, folder.path) == 0 {
                // Named as a staging folder from here on: a build killed now leaves it to be
                // removed by the next one.
                outputFolder = open(output.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
                unclaimed = Dictionary(OutputWriter.filesWithInodes(under: folder).map { ($0.path, $0.inode) }) { first, _ in first }
            } else {
                try? FileManager.default.removeItem(at: folder)
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            }
            for path in pending { try keep(path) }
            pending = []
        }

        /// Brings a file whose bytes stay into the staging folder. A spare generation holds it
        /// already when its file is the output's (the same inode, linked by an earlier build);
        /// whatever else it holds there (an older file, or one the output's was replaced by
        /// since) is replaced by a link to the output's file.
        private func keep(_ path: String) throws {
            // Mutated in place: a copy of the dictionary would be a copy of 50,000 paths per file.
            if unclaimed != nil {
                if let inode = unclaimed!.removeValue(forKey: path), inode == outputInode(path) { return }
                StagingFiles.clear(folderPath + "/" + path)
            }
            try writer.keep(path, in: folderPath, previous: outputPath, directories: &directories)
            // A new link changes the change time of the output's file.
            touched.insert(path)
        }

        private func outputInode(_ path: String) -> UInt64? {
            if let known = knownInodes[path] { return known }
            var info = stat()
            return fstatat(outputFolder, path, &info, AT_SYMLINK_NOFOLLOW) == 0 ? UInt64(info.st_ino) : nil
        }

        /// A file whose bytes are those already in the output.
        private func kept(_ path: String) throws {
            summary.unchanged += 1
            produced.insert(path)
            if materialized {
                try keep(path)
            } else {
                pending.append(path)
            }
        }

        private func add(_ path: String, _ data: Data) throws {
            if outputExisted, let existing = FileManager.default.contents(atPath: outputPath + "/" + path), existing == data {
                try kept(path)
                return
            }
            try materialize()
            let target = try writer.target(path, in: folderPath, directories: &directories)
            if unclaimed != nil {
                // The spare generation's file may be a link to the output's: replaced, never
                // written through.
                unclaimed!.removeValue(forKey: path)
                StagingFiles.clear(target)
            }
            try writeUnsynced(data, to: target)
            touched.insert(path)
            produced.insert(path)
            summary.written += 1
        }

        public func add(_ pages: [RenderedPage]) throws {
            for page in pages {
                if page.isUnchanged {
                    try kept(page.path)
                } else {
                    try add(page.path, page.contents)
                }
            }
        }

        public func finish(assets: [(source: String, destination: String)]) throws -> Summary {
            for asset in assets {
                try add(asset.destination, try Data(contentsOf: URL(fileURLWithPath: asset.source)))
            }
            // Nothing differed: the output is the new site already, unless it holds files the
            // new site no longer has. The last build's record knows the files it left without a
            // walk; a file put into the output by hand since then goes with the next build that
            // writes anything (walking 35,000 folders for it would cost more than the build).
            if !materialized {
                if let record {
                    if record.files == produced { return summary }
                } else if Set(pending) == Set(OutputWriter.files(under: output)) {
                    if writer.keepsPrevious { recordOutput() }
                    return summary
                }
            }
            try materialize()
            if let unclaimed { StagingFiles.remove(unclaimed.keys, in: folder.path) }
            closeOutputFolder()
            if writer.keepsPrevious { SpareGeneration.forget(output: output.path) }
            let oldSiteInStaging = try writer.swap(folder, into: output)
            summary.replaced = true
            guard writer.keepsPrevious else {
                if oldSiteInStaging { OutputWriter.removeFolder(folder.path) }
                return summary
            }
            keepAsSpare(oldSiteInStaging)
            return summary
        }

        /// Moves the old site (in the staging folder after the swap) to where the next build
        /// finds it, and records the output's files.
        private func keepAsSpare(_ oldSiteInStaging: Bool) {
            let spare = SpareGeneration.sparePath(for: output.path)
            OutputWriter.removeFolder(spare)
            if oldSiteInStaging {
                try? FileManager.default.createDirectory(atPath: (spare as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                if rename(folder.path, spare) != 0 { OutputWriter.removeFolder(folder.path) }
            }
            recordOutput()
        }

        /// Records the output folder and the files this build left in it.
        private func recordOutput() {
            guard let token = SpareGeneration.Token(path: output.path) else { return }
            SpareGeneration(output: token, files: produced).save(output: output.path)
        }

        private func closeOutputFolder() {
            if outputFolder >= 0 { close(outputFolder) }
            outputFolder = -1
        }

        deinit { closeOutputFolder() }

        /// Removes the staging folder; the output is untouched.
        public func abort() {
            closeOutputFolder()
            if materialized { OutputWriter.removeFolder(folder.path) }
        }
    }

    /// Every file below `folder` (anything but a folder), relative to it. Reads directory entries' types
    /// instead of a `stat` per file (a thousand-company output has 50,000 files), and walks the
    /// top-level folders (one per company) on every core.
    static func files(under folder: URL) -> [String] {
        filesWithInodes(under: folder).map(\.path)
    }

    /// `files(under:)` with each file's inode number, from its directory entry.
    static func filesWithInodes(under folder: URL) -> [(path: String, inode: UInt64)] {
        @Sendable func walk(_ directory: String, _ prefix: String, into files: inout [(path: String, inode: UInt64)]) {
            for (name, kind, inode) in DirectoryListing.entries(atPath: directory) ?? [] {
                switch kind {
                case .directory: walk(directory + "/" + name, prefix + name + "/", into: &files)
                // Symbolic links and the like are listed too: the site has none, so they go.
                case .file, .other: files.append((prefix + name, inode))
                }
            }
        }
        let top = DirectoryListing.entries(atPath: folder.path) ?? []
        let root = folder.path
        let below = ConcurrentMap.map(top.filter { $0.kind == .directory }.map(\.name)) { name in
            var files: [(path: String, inode: UInt64)] = []
            walk(root + "/" + name, name + "/", into: &files)
            return files
        }
        return top.filter { $0.kind != .directory }.map { ($0.name, $0.inode) } + below.joined()
    }

    /// Where `path` goes in the staging folder, its folder created once per build. Paths are
    /// joined as strings, not through a `URL` per file: `path` is relative to the output and
    /// `staging` a folder path, so `staging/path` names the file.
    fileprivate func target(_ path: String, in staging: String, directories: inout Set<String>) throws -> String {
        try Self.makeDirectory(Self.parentFolder(of: path), in: staging, &directories)
        return staging + "/" + path
    }

    /// `a/b` for `a/b/c`, empty for `c`.
    private static func parentFolder(of path: String) -> String {
        path.lastIndex(of: "/").map { String(path[..<$0]) } ?? ""
    }

    /// Creates `folder` (relative to `root`) and any missing parent, one `mkdir` each, once
    /// per build: most pages have a folder of their own, so this is 35,000 folders on a
    /// thousand-company site.
    private static func makeDirectory(_ folder: String, in root: String, _ directories: inout Set<String>) throws {
        guard !folder.isEmpty, !directories.contains(folder) else { return }
        try makeDirectory(parentFolder(of: folder), in: root, &directories)
        let path = root + "/" + folder
        if mkdir(path, 0o755) != 0 {
            guard errno == EEXIST else { throw fileWriteError(path) }
            // A spare generation may hold a file where the new site has a folder.
            var info = stat()
            if lstat(path, &info) != 0 || info.st_mode & S_IFMT != S_IFDIR {
                StagingFiles.clear(path)
                guard mkdir(path, 0o755) == 0 else { throw fileWriteError(path) }
            }
        }
        directories.insert(folder)
    }

    /// Brings a file whose bytes stay from the previous output: a hard link (its modification
    /// time stays put), or a copy where the file system cannot link.
    fileprivate func keep(_ path: String, in staging: String, previous: String, directories: inout Set<String>) throws {
        let target = try target(path, in: staging, directories: &directories)
        let old = previous + "/" + path
        if link(old, target) != 0 { try files.copyItem(atPath: old, toPath: target) }
    }

    /// Replaces `output` with `staging`. True when the old output is then in `staging` (an
    /// atomic exchange); otherwise the old output was moved aside and removed once the new one
    /// was in place.
    fileprivate func swap(_ staging: URL, into output: URL) throws -> Bool {
        guard files.fileExists(atPath: output.path) else {
            try files.moveItem(at: staging, to: output)
            return false
        }
        // One atomic exchange where the system can: the output is never missing, even for a
        // moment.
        if policysite_exchange_paths(staging.path, output.path) == 0 { return true }
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
        return false
    }

    /// To be called by whatever writes into the output outside a build (serve's one-company
    /// path): the record of the files the last build left there no longer holds, so the next
    /// build walks the output, and drops a page that was added there for content changed back
    /// since.
    public static func outputChangedOutsideABuild(_ outputPath: String) {
        SpareGeneration.forget(output: outputPath)
    }

    /// Removes the folder at `path` if there is one: `removeTree`, and Foundation's removal for
    /// whatever that could not remove.
    public static func removeFolder(_ path: String) {
        if !removeTree(path), access(path, F_OK) == 0 { try? FileManager.default.removeItem(atPath: path) }
    }

    /// Removes `path` and everything below it with `unlinkat`, reading each entry's type from
    /// its directory entry (Foundation's removal stats every file; the old site of a thousand
    /// companies is 50,000 of them). False when something could not be removed.
    static func removeTree(_ path: String) -> Bool {
        func empty(_ directory: Int32) -> Bool {
            guard let handle = fdopendir(directory) else {
                close(directory)
                return false
            }
            defer { closedir(handle) }
            let folder = dirfd(handle)
            let entries = DirectoryListing.entries(of: handle) { name in
                var info = stat()
                return fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0 ? info.st_mode : nil
            }
            var removed = true
            for (name, kind, _) in entries {
                if kind == .directory {
                    let child = openat(folder, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                    removed = child >= 0 && empty(child) && unlinkat(folder, name, AT_REMOVEDIR) == 0 && removed
                } else {
                    removed = unlinkat(folder, name, 0) == 0 && removed
                }
            }
            return removed
        }
        let directory = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard directory >= 0, empty(directory) else { return false }
        return rmdir(path) == 0
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
    public static func isRunning(_ pid: Int32) -> Bool {
        pid == ProcessInfo.processInfo.processIdentifier || kill(pid, 0) == 0 || errno == EPERM
    }
}
