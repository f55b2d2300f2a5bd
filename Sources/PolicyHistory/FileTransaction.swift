public import Foundation

/// Writes several files as one change that survives being killed at any moment.
///
/// 1. A journal (`.policysite-journal.json` in `root`) records the plan: every destination, its
///    temporary file, and the folders to create, in state `preparing`.
/// 2. Folders and temporary files (hidden, so loading content ignores them) are written.
/// 3. The journal is switched to `committing` by an atomic rename: the commit point.
/// 4. Temporary files are renamed over their destinations (each rename is atomic).
/// 5. The journal is removed.
///
/// `recover(root:)`, which every command runs first, finishes an interrupted transaction: one
/// still `preparing` is rolled back (nothing had been replaced), one `committing` is rolled
/// forward (every new file already exists in full). So the files are always all old or all new.
/// A failure inside this process (a full disk) rolls back on the spot, from backups.
public struct FileTransaction {
    private var writes: [(path: String, data: Data)] = []
    /// Renames a file; tests swap it to fail part-way through.
    private let move: @Sendable (String, String) throws -> Void

    /// The folder whose journal this transaction writes (content/).
    public let root: String

    public init(root: String, move: @escaping @Sendable (String, String) throws -> Void = FileTransaction.rename) {
        self.root = root
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

    struct Journal: Codable {
        enum State: String, Codable { case preparing, committing }
        struct Step: Codable {
            var temporary: String
            var destination: String
            var backup: String
        }
        var state: State
        var steps: [Step]
        /// Folders the transaction creates, outermost first.
        var folders: [String]
    }

    static func journalPath(_ root: String) -> String { root + "/.policysite-journal.json" }

    public func commit() throws {
        let files = FileManager.default
        let token = UUID().uuidString.prefix(8)
        var folders: [String] = []
        for folder in Set(writes.map { ($0.path as NSString).deletingLastPathComponent }).sorted() {
            for missing in Self.missingFolders(folder) where !folders.contains(missing) { folders.append(missing) }
        }
        let steps = writes.map { write -> Journal.Step in
            let folder = (write.path as NSString).deletingLastPathComponent
            let name = (write.path as NSString).lastPathComponent
            return Journal.Step(temporary: "\(folder)/.\(name).publish-\(token)", destination: write.path, backup: "\(folder)/.\(name).backup-\(token)")
        }
        var journal = Journal(state: .preparing, steps: steps, folders: folders)
        try Self.save(journal, root: root)
        Self.pause()
        var replaced: [Journal.Step] = []
        do {
            for folder in folders { try files.createDirectory(atPath: folder, withIntermediateDirectories: false) }
            for (step, write) in zip(steps, writes) {
                var isDirectory: ObjCBool = false
                if files.fileExists(atPath: step.destination, isDirectory: &isDirectory), isDirectory.boolValue {
                    throw CocoaError(
                        .fileWriteFileExists, userInfo: [NSFilePathErrorKey: step.destination, NSLocalizedDescriptionKey: "\(step.destination) is a folder"])
                }
                // A plain write: the temporary file has a name the journal knows. (Foundation's
                // atomic writes and createFile go through a randomly named file of their own,
                // which a kill would leave behind.)
                try write.data.write(to: URL(fileURLWithPath: step.temporary))
                Self.pause()
            }
            journal.state = .committing
            try Self.save(journal, root: root)
            Self.pause()
            for step in steps {
                // A hard link keeps the old file as a backup while the rename replaces it
                // atomically, so readers never see the destination missing.
                if files.fileExists(atPath: step.destination) { try files.linkItem(atPath: step.destination, toPath: step.backup) }
                try move(step.temporary, step.destination)
                replaced.append(step)
                Self.pause()
            }
        } catch {
            // In-process failure: put every replaced file back, then undo the rest.
            for step in replaced.reversed() {
                if files.fileExists(atPath: step.backup) {
                    try? Self.rename(step.backup, step.destination)
                } else {
                    try? files.removeItem(atPath: step.destination)
                }
            }
            Self.rollBack(Journal(state: .preparing, steps: steps, folders: folders), root: root)
            throw error
        }
        Self.finish(journal, root: root)
    }

    /// `rename(2)`: replaces the destination atomically, so it is never missing or half-written.
    public static func rename(_ from: String, _ to: String) throws {
        guard Foundation.rename(from, to) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    }

    /// Completes or undoes a transaction a killed process left in `root`. Returns what it did,
    /// for the command to say, or nil when there was nothing to recover.
    @discardableResult
    public static func recover(root: String) -> String? {
        // A journal being written when the process died: its plan never started.
        try? FileManager.default.removeItem(atPath: journalPath(root) + ".tmp")
        guard let data = FileManager.default.contents(atPath: journalPath(root)),
            let journal = try? JSONDecoder().decode(Journal.self, from: data)
        else { return nil }
        switch journal.state {
        case .preparing:
            rollBack(journal, root: root)
            return "an interrupted publish was rolled back; nothing it planned was kept"
        case .committing:
            for step in journal.steps where FileManager.default.fileExists(atPath: step.temporary) {
                try? rename(step.temporary, step.destination)
            }
            finish(journal, root: root)
            return "an interrupted publish was completed"
        }
    }

    private static func rollBack(_ journal: Journal, root: String) {
        let files = FileManager.default
        for step in journal.steps {
            try? files.removeItem(atPath: step.temporary)
            try? files.removeItem(atPath: step.backup)
        }
        for folder in journal.folders.reversed() where ((try? files.contentsOfDirectory(atPath: folder)) ?? []).isEmpty {
            try? files.removeItem(atPath: folder)
        }
        try? files.removeItem(atPath: journalPath(root))
    }

    private static func finish(_ journal: Journal, root: String) {
        for step in journal.steps { try? FileManager.default.removeItem(atPath: step.backup) }
        try? FileManager.default.removeItem(atPath: journalPath(root))
    }

    /// Writes the journal atomically: a temporary file of a known name, renamed over it (so a
    /// kill leaves at most that file, which `recover` removes).
    private static func save(_ journal: Journal, root: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let temporary = journalPath(root) + ".tmp"
        try encoder.encode(journal).write(to: URL(fileURLWithPath: temporary))
        try rename(temporary, journalPath(root))
    }

    /// Folders of `folder`'s path that do not exist yet, outermost first.
    private static func missingFolders(_ folder: String) -> [String] {
        var missing: [String] = []
        var current = folder
        while !current.isEmpty, current != "/", !FileManager.default.fileExists(atPath: current) {
            missing.insert(current, at: 0)
            current = (current as NSString).deletingLastPathComponent
        }
        return missing
    }

    /// The kill test widens the windows between steps with POLICYSITE_COMMIT_PAUSE_MS, so a
    /// SIGKILL lands inside the transaction rather than before or after it.
    private static let pauseMicroseconds: UInt32 = {
        guard let text = ProcessInfo.processInfo.environment["POLICYSITE_COMMIT_PAUSE_MS"], let ms = UInt32(text) else { return 0 }
        return ms * 1000
    }()

    private static func pause() {
        if pauseMicroseconds > 0 { usleep(pauseMicroseconds) }
    }
}
