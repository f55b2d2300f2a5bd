#if os(Linux)
// `stat`'s members: the compiler files the struct under CDispatch (OutputFolder imports it),
// so a whole-module (release) build asks for it here too under MemberImportVisibility.
import CDispatch
import Foundation

/// Change events from the Linux kernel instead of polling: on a 1,000-company corpus a polling
/// pass stats some 30,000 paths, inotify costs nothing until a file is written and reports it
/// within milliseconds. One watch per folder; new folders get theirs as they appear.
///
/// `@unchecked` because `folders` is mutable; safe because only `init` (before the watcher is
/// shared) and the single task running `watch` touch it, and the descriptor is a `let` closed
/// in `deinit`, when no task can hold the watcher any more.
final class InotifyWatcher: @unchecked Sendable {
    private let descriptor: Int32
    private let roots: [String]
    /// Watch descriptor → folder. Touched only by the one task running `watch`.
    private var folders: [Int32: String] = [:]
    private static let mask = UInt32(IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB | IN_DELETE_SELF)

    /// nil when inotify is unavailable or the folders exceed the watch limit; the caller polls.
    init?(roots: [String]) {
        self.roots = roots
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        var existing = Set<String>()
        for root in roots where !addTree(root, found: &existing) {
            close(descriptor)
            return nil
        }
    }

    deinit { close(descriptor) }

    /// Adds a watch on `folder` and every folder below it; new files found are added to
    /// `found` (a folder that appeared brings its files with it).
    @discardableResult
    private func addTree(_ folder: String, found: inout Set<String>) -> Bool {
        var info = stat()
        guard lstat(folder, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return true }
        let watch = inotify_add_watch(descriptor, folder, Self.mask)
        guard watch >= 0 else { return false }
        folders[watch] = folder
        for name in ContentWatcher.visibleEntries(folder) {
            let path = folder + "/" + name
            found.insert(path)
            guard addTree(path, found: &found) else { return false }
        }
        return true
    }

    /// Checks for events every `tick`; once some arrived, waits until a tick brings no more
    /// (an editor's save is often several writes and a rename) and reports them together.
    func watch(tick: Duration, sleep: @Sendable (Duration) async throws -> Void, onChange: @Sendable (Set<String>) async -> Void) async {
        var pending = Set<String>()
        while !Task.isCancelled {
            do { try await sleep(tick) } catch { return }
            let before = pending.count
            drain(into: &pending)
            if !pending.isEmpty && pending.count == before {
                let changes = pending
                pending = []
                await onChange(changes)
            }
        }
    }

    private func drain(into changes: inout Set<String>) {
        let size = 64 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 8)
        defer { buffer.deallocate() }
        while true {
            let count = read(descriptor, buffer, size)
            guard count > 0 else { return }
            var offset = 0
            while offset + 16 <= count {
                let watch = buffer.loadUnaligned(fromByteOffset: offset, as: Int32.self)
                let mask = buffer.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                let length = Int(buffer.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                let name = length > 0 ? String(cString: buffer.advanced(by: offset + 16).assumingMemoryBound(to: CChar.self)) : ""
                offset += 16 + length
                handle(watch: watch, mask: mask, name: name, into: &changes)
            }
        }
    }

    private func handle(watch: Int32, mask: UInt32, name: String, into changes: inout Set<String>) {
        if mask & UInt32(IN_Q_OVERFLOW) != 0 {
            // Events were lost: report a folder, which makes the session rebuild everything.
            changes.formUnion(roots)
            return
        }
        if mask & UInt32(IN_IGNORED) != 0 {
            folders[watch] = nil
            return
        }
        guard let folder = folders[watch] else { return }
        if name.isEmpty {
            changes.insert(folder)
            return
        }
        guard !name.hasPrefix("."), !name.hasSuffix("~") else { return }
        let path = folder + "/" + name
        changes.insert(path)
        if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
            addTree(path, found: &changes)
        }
    }
}
#endif
