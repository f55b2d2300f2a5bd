import Foundation

/// An advisory lock on a site's content folder: `flock(2)` on `content/.policysite.lock`.
///
/// `publish` holds it exclusively from its recovery check to its last rename, so two publishes
/// never pick the same version or write over each other's changelog; commands that only read
/// content may hold it shared, so they never read a publish half-way. The kernel releases it
/// when the holder exits, however it exits, so a killed publish never leaves the site locked.
/// The exclusive holder writes its process id into the file for the message of whoever waits.
///
/// The lock is held until the value goes out of scope (or `release()` consumes it).
public struct SiteLock: ~Copyable {
    public enum Mode: Sendable { case shared, exclusive }

    public enum Failure: Error, CustomStringConvertible, Equatable {
        /// Another process held the lock for the whole wait.
        case busy(path: String, holder: Int32?, waited: Duration)
        /// The lock file cannot be opened or locked (not a regular file, no permission).
        case unusable(path: String, reason: String)

        public var description: String {
            switch self {
            case let .busy(path, holder, waited):
                let folder = (path as NSString).deletingLastPathComponent
                // Only a publish (the exclusive holder) leaves its process id.
                let who = holder.map { "another publish of \(folder) is running (pid \($0))" } ?? "other policysite commands are reading \(folder)"
                return
                    "\(who) and did not finish within \(waited.components.seconds) s; nothing was written. Run the command again when it has finished"
            case let .unusable(path, reason):
                return "cannot lock \(path) (\(reason)); expected a regular file the command may open, or none (it is created)"
            }
        }
    }

    public static let fileName = ".policysite.lock"

    public static func path(contentPath: String) -> String { joinPath(contentPath, fileName) }

    public let path: String
    public let mode: Mode
    private let descriptor: Int32

    /// Takes the lock of `contentPath`, waiting up to `timeout` for another holder; `waiting` is
    /// called once, with the holder's process id when known, if the lock is taken. Returns nil
    /// when there is nothing to lock: the folder does not exist, or (for a shared lock only) it
    /// is read-only, so no publish can run in it either.
    public static func acquire(
        _ mode: Mode, contentPath: String, timeout: Duration = .seconds(600), poll: Duration = .milliseconds(20),
        waiting: (Int32?) -> Void = { _ in }
    ) throws(Failure) -> SiteLock? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: contentPath, isDirectory: &isDirectory), isDirectory.boolValue else { return nil }
        return try acquire(mode, file: path(contentPath: contentPath), timeout: timeout, poll: poll, waiting: waiting)
    }

    /// The same lock on any lock file (a build's output has one beside it), created if need be.
    /// Nil only for a shared lock on a file that cannot be created where nothing may be written.
    public static func acquire(
        _ mode: Mode, file path: String, timeout: Duration = .seconds(600), poll: Duration = .milliseconds(20), waiting: (Int32?) -> Void = { _ in }
    ) throws(Failure) -> SiteLock? {
        // O_NOFOLLOW: the exclusive holder writes into the file, never through a link elsewhere.
        var descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        if descriptor < 0, mode == .shared, errno == EROFS || errno == EACCES || errno == EPERM {
            descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
            if descriptor < 0, errno == ENOENT || errno == EROFS || errno == EACCES || errno == EPERM { return nil }
        }
        guard descriptor >= 0 else { throw .unusable(path: path, reason: Self.reason(errno)) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            close(descriptor)
            throw .unusable(path: path, reason: "not a regular file")
        }
        let operation = mode == .exclusive ? LOCK_EX : LOCK_SH
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        var announced = false
        while flock(descriptor, operation | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else {
                let reason = Self.reason(errno)
                close(descriptor)
                throw .unusable(path: path, reason: reason)
            }
            if !announced {
                waiting(holder(descriptor))
                announced = true
            }
            guard clock.now < deadline else {
                let holder = holder(descriptor)
                close(descriptor)
                throw .busy(path: path, holder: holder, waited: timeout)
            }
            usleep(UInt32(poll / .microseconds(1)))
        }
        if mode == .exclusive {
            let pid = Data("\(getpid())\n".utf8)
            _ = ftruncate(descriptor, 0)
            _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        }
        return SiteLock(path: path, mode: mode, descriptor: descriptor)
    }

    /// Releases the lock now rather than at the end of the scope.
    public consuming func release() {}

    deinit {
        // The id is of no use once released; the file stays (removing a lock file races with
        // whoever opened it to wait).
        if mode == .exclusive { _ = ftruncate(descriptor, 0) }
        close(descriptor)
    }

    /// The process id the exclusive holder wrote, if that process is still running.
    private static func holder(_ descriptor: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0,
            let pid = Int32(String(decoding: buffer.prefix(count), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)),
            pid > 0, kill(pid, 0) == 0 || errno == EPERM
        else { return nil }
        return pid
    }

    private static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }
}
