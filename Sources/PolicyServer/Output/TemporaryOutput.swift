// DispatchSemaphore, and `stat`'s members, which the compiler files under CDispatch.
import CDispatch
public import Foundation
import PolicyBuild

/// The folder `serve` builds into when no `--output` is given:
/// `<temporary folder>/policysite-serve-<pid>-<8 hex digits>`, readable by its owner only
/// (it holds unpublished drafts). The server removes it when it stops; one that was killed
/// (SIGKILL, a crash, a power cut) cannot, so each `serve` first removes the folders of
/// servers that no longer run. The pid in the name says whose folder it is: a folder is removed
/// only when its name has exactly that form, it is a real folder (not a link) of the current
/// user, and no process with its pid runs. Anything else there is left alone.
public struct TemporaryOutput: Sendable {
    public static let prefix = "policysite-serve-"

    /// The folder the server's folder goes in (the system's temporary folder, `TMPDIR`).
    public let parent: String
    /// This server's pid, written into the name.
    public let processID: Int32
    private let isRunning: @Sendable (Int32) -> Bool

    public init(
        parent: String = FileManager.default.temporaryDirectory.path, processID: Int32 = ProcessInfo.processInfo.processIdentifier,
        isRunning: @escaping @Sendable (Int32) -> Bool = TemporaryOutput.processIsRunning
    ) {
        self.parent = parent
        self.processID = processID
        self.isRunning = isRunning
    }

    public enum Failure: Error, CustomStringConvertible, Equatable {
        case cannotCreate(path: String, reason: String)

        public var description: String {
            switch self {
            case let .cannotCreate(path, reason):
                return "cannot create the preview's temporary folder \(path): \(reason); set TMPDIR to a writable folder or pass --output"
            }
        }
    }

    /// Creates a new folder for this server (mode 0700) and returns its path.
    public func create() throws(Failure) -> String {
        for _ in 0..<8 {
            let suffix = String(format: "%08X", UInt32.random(in: 0...UInt32.max))
            let path = (parent as NSString).appendingPathComponent("\(Self.prefix)\(processID)-\(suffix)")
            if mkdir(path, 0o700) == 0 { return path }
            guard errno == EEXIST else { throw .cannotCreate(path: path, reason: String(cString: strerror(errno))) }
        }
        throw .cannotCreate(path: parent, reason: "every name tried already exists")
    }

    /// Removes the folders that servers no longer running left in `parent`; returns their names.
    @discardableResult
    public func removeLeftovers() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []
        var removed: [String] = []
        for name in names.sorted() {
            guard let owner = Self.owner(ofFolderNamed: name), owner != processID, !isRunning(owner) else { continue }
            let path = (parent as NSString).appendingPathComponent(name)
            var info = stat()
            guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR, info.st_uid == getuid() else { continue }
            // Symbolic links inside the folder are removed, never followed.
            OutputWriter.removeFolder(path)
            if access(path, F_OK) != 0 { removed.append(name) }
        }
        return removed
    }

    /// Removes this server's folder when it stops, without holding up the stop for more than
    /// `patience`: unlinking a freshly built site is disk-bound and slow on a busy disk (15,000
    /// pages of a 300-company site took about a minute here). What is left then is removed by an
    /// `rm -rf` that outlives the server, and should that be stopped too, by the next serve
    /// (the folder's name carries this server's pid).
    public static func remove(_ path: String, patience: Duration = .milliseconds(300)) {
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            OutputWriter.removeFolder(path)
            done.signal()
        }
        let (seconds, attoseconds) = patience.components
        guard done.wait(timeout: .now() + .nanoseconds(Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000))) == .timedOut else { return }
        let finisher = Process()
        finisher.executableURL = URL(fileURLWithPath: "/bin/rm")
        finisher.arguments = ["-rf", "--", path]
        finisher.standardOutput = FileHandle.nullDevice
        finisher.standardError = FileHandle.nullDevice
        try? finisher.run()
    }

    /// The pid in `policysite-serve-<pid>-<8 hex digits>`; nil for any other name.
    static func owner(ofFolderNamed name: String) -> Int32? {
        guard name.hasPrefix(prefix) else { return nil }
        let parts = name.dropFirst(prefix.count).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let digits = parts.first, let suffix = parts.last,
            !digits.isEmpty, digits.count <= 10, digits.first != "0", digits.allSatisfy({ $0.isASCII && $0.isNumber }),
            suffix.count == 8, suffix.allSatisfy({ $0.isASCII && $0.isHexDigit }),
            let pid = Int32(digits), pid > 0
        else { return nil }
        return pid
    }

    /// True when a process with `pid` exists, also one of another user (EPERM).
    public static func processIsRunning(_ pid: Int32) -> Bool {
        OutputWriter.isRunning(pid)
    }
}
