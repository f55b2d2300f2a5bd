public import Foundation
import PolicyFiles
import Synchronization

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
/// The journal records the hash of each destination before and of what replaces it, and a
/// roll-forward only touches files still in one of those two states: a file someone edited
/// after the interruption is never overwritten; recovery then changes nothing and says so.
/// A failure inside this process (a full disk) rolls back on the spot, from backups.
///
/// Callers hold the site's exclusive `SiteLock` around `commit` and `recover`.
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
            /// SHA-256 of the destination before the transaction; nil when it did not exist.
            var before: String?
            /// SHA-256 of what the transaction writes there.
            var after: String
        }
        var state: State
        var steps: [Step]
        /// Folders the transaction creates, outermost first.
        var folders: [String]
    }

    public static func journalPath(_ root: String) -> String { root + "/.policysite-journal.json" }

    /// True when a transaction in `root` was interrupted (or is running, for a caller without the lock).
    public static func hasJournal(root: String) -> Bool {
        FileManager.default.fileExists(atPath: journalPath(root)) || FileManager.default.fileExists(atPath: journalPath(root) + ".tmp")
    }

    public enum Failure: Error, CustomStringConvertible {
        case unfinished(String)

        public var description: String {
            switch self {
            case .unfinished(let journal): "\(journal) is still there: an interrupted publish was not resolved; nothing was written"
            }
        }
    }

    /// One step per write: where its new bytes wait, where the old file is kept, and the hash
    /// of each, so recovery can tell which files are still as the transaction left them.
    func journalSteps(token: Substring = UUID().uuidString.prefix(8)) -> [Journal.Step] {
        writes.map { write in
            let folder = (write.path as NSString).deletingLastPathComponent
            let name = (write.path as NSString).lastPathComponent
            return Journal.Step(
                temporary: "\(folder)/.\(name).publish-\(token)", destination: write.path, backup: "\(folder)/.\(name).backup-\(token)",
                before: Self.hash(write.path), after: sha256Hex(write.data))
        }
    }

    public func commit() throws {
        let files = FileManager.default
        // Never plan over a journal recovery left for the user to decide on.
        if files.fileExists(atPath: Self.journalPath(root)) { throw Failure.unfinished(Self.journalPath(root)) }
        var folders: [String] = []
        for folder in Set(writes.map { ($0.path as NSString).deletingLastPathComponent }).sorted() {
            for missing in Self.missingFolders(folder) where !folders.contains(missing) { folders.append(missing) }
        }
        let steps = journalSteps()
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
                Self.countRename()
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

    /// What `recover` found and did.
    public enum Recovery: Equatable, Sendable {
        /// No interrupted transaction.
        case none
        case rolledBack
        case completed
        /// Left as it was for the user to decide; `note` says what was found and the ways out.
        case blocked(note: String)

        /// The line for the user, or nil when there is nothing to say.
        public var note: String? {
            switch self {
            case .none: nil
            case .rolledBack: "an interrupted publish was rolled back; nothing it planned was kept"
            case .completed: "an interrupted publish was completed"
            case .blocked(let note): note
            }
        }
    }

    /// Completes or undoes a transaction a killed process left in `root`. A transaction past its
    /// commit point is completed only when every destination still holds what it held before or
    /// what the transaction wrote; otherwise nothing is touched.
    public static func recover(root: String) -> Recovery {
        // A journal being written when the process died: its plan never started.
        try? FileManager.default.removeItem(atPath: journalPath(root) + ".tmp")
        guard let data = FileManager.default.contents(atPath: journalPath(root)) else { return .none }
        guard let journal = try? JSONDecoder().decode(Journal.self, from: data) else {
            return .blocked(
                note:
                    "\(journalPath(root)) records an interrupted publish but cannot be read, so it was left as it is; check the files under \(root) (e.g. `git status`), then delete \(journalPath(root))"
            )
        }
        switch journal.state {
        case .preparing:
            rollBack(journal, root: root)
            return .rolledBack
        case .committing:
            // A step whose temporary file is gone was renamed into place before the kill: its part
            // is done, and whatever the destination holds now (edits made since) stays. A step
            // still waiting replaces only a destination that holds what it held before.
            var pending: [Journal.Step] = []
            var written: [String] = []
            var changed: [String] = []
            for step in journal.steps {
                guard let waiting = hash(step.temporary) else {
                    written.append(step.before == nil ? "\(step.destination) (new)" : step.destination)
                    continue
                }
                let now = hash(step.destination)
                if waiting == step.after, now == step.before || now == step.after {
                    pending.append(step)
                } else {
                    changed.append(now == nil ? "\(step.destination) (deleted)" : step.destination)
                }
            }
            guard changed.isEmpty else { return .blocked(note: blockedNote(journal, root: root, changed: changed, written: written)) }
            for step in pending { try? rename(step.temporary, step.destination) }
            finish(journal, root: root)
            return .completed
        }
    }

    private static func blockedNote(_ journal: Journal, root: String, changed: [String], written: [String]) -> String {
        let path = journalPath(root)
        let token = journal.steps.first.map { String($0.temporary.split(separator: "-").last ?? "") } ?? ""
        let already =
            written.isEmpty
            ? "" : " It had already written \(written.joined(separator: ", ")): remove the new ones before publishing again."
        return """
            an interrupted publish was NOT completed, because \(changed.count == 1 ? "a file" : "files") it was about to replace \
            changed after it stopped: \(changed.joined(separator: ", ")); nothing was changed. To keep those edits, delete \(path) \
            and the hidden .*.publish-\(token) and .*.backup-\(token) files beside the files it names.\(already) To complete the \
            publish instead (those edits are lost), put those files back as they were before it (e.g. `git checkout -- <file>`) \
            and run any policysite command again
            """
    }

    /// SHA-256 of the file at `path`, nil when there is none.
    static func hash(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map(sha256Hex)
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
        for step in journal.steps {
            try? FileManager.default.removeItem(atPath: step.backup)
            // Left only where the destination already held the same bytes.
            try? FileManager.default.removeItem(atPath: step.temporary)
        }
        try? FileManager.default.removeItem(atPath: journalPath(root))
    }

    /// Writes the journal atomically: a temporary file of a known name, renamed over it (so a
    /// kill leaves at most that file, which `recover` removes).
    private static func save(_ journal: Journal, root: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let temporary = journalPath(root) + ".tmp"
        try encoder.encode(journal).write(to: URL(fileURLWithPath: temporary))
        countRename()
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

    /// The kill test stops the process for good right before its Nth `rename(2)` (journal
    /// saves included) with POLICYSITE_COMMIT_KILL_AT_RENAME, to land at an exact step.
    private static let killAtRename: Int? = ProcessInfo.processInfo.environment["POLICYSITE_COMMIT_KILL_AT_RENAME"].flatMap { Int($0) }
    private static let renames = Atomic<Int>(0)

    private static func countRename() {
        guard let killAtRename else { return }
        if renames.add(1, ordering: .relaxed).newValue == killAtRename { kill(getpid(), SIGKILL) }
    }

    private static func pause() {
        if pauseMicroseconds > 0 { usleep(pauseMicroseconds) }
    }
}
