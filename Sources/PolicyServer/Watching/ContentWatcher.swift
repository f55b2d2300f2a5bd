import Foundation

/// Notices edits under `content/` and `themes/`: through inotify on Linux, by polling
/// elsewhere or when inotify is unavailable. Polling is portable and, because a
/// folder is listed again only when its own modification time moved (an entry was added,
/// removed or renamed into it), one pass over a 1,000-company corpus is a few thousand `lstat`
/// calls rather than a full directory walk.
public struct ContentWatcher: Sendable {
    public var roots: [String]
    public var interval: Duration
    /// Off in tests of the polling path itself.
    public var useInotify: Bool
    private let sleep: @Sendable (Duration) async throws -> Void

    public init(
        roots: [String], interval: Duration = .milliseconds(100), useInotify: Bool = true,
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    ) {
        self.roots = roots
        self.interval = interval
        self.useInotify = useInotify
        self.sleep = sleep
    }

    /// Calls `onChange` with the paths that changed (added, modified or removed) after each
    /// poll that found any, until the task is cancelled. Edits made while `onChange` runs are
    /// picked up by the next poll, so a slow rebuild coalesces a burst of saves.
    public func watch(onChange: @Sendable (Set<String>) async -> Void) async {
        #if os(Linux)
        if useInotify, let inotify = InotifyWatcher(roots: roots) {
            // The kernel queues events between checks, so a short tick costs one read() each.
            await inotify.watch(tick: .milliseconds(5), sleep: sleep, onChange: onChange)
            return
        }
        #endif
        var snapshot = scan()
        while !Task.isCancelled {
            do { try await sleep(interval) } catch { return }
            let (next, changed) = rescan(snapshot)
            snapshot = next
            if !changed.isEmpty { await onChange(changed) }
        }
    }

    func scan() -> TreeSnapshot {
        var snapshot = TreeSnapshot()
        for root in roots { walk(root, into: &snapshot) }
        return snapshot
    }

    /// Stats what `previous` knew, lists only folders whose stamp moved, and reports every
    /// path whose stamp differs.
    func rescan(_ previous: TreeSnapshot) -> (TreeSnapshot, Set<String>) {
        var next = TreeSnapshot()
        var changed = Set<String>()
        var relist: [String] = []
        for (path, old) in previous.entries {
            guard let stamp = FileStamp(path: path) else {
                changed.insert(path)
                continue
            }
            next.entries[path] = stamp
            if stamp != old {
                if stamp.isDirectory && old.isDirectory { relist.append(path) } else { changed.insert(path) }
            }
        }
        for root in roots where previous.entries[root] == nil && FileStamp(path: root) != nil { relist.append(root) }
        for folder in relist {
            for name in Self.visibleEntries(folder) {
                let path = folder + "/" + name
                if next.entries[path] == nil, previous.entries[path] == nil {
                    var added = TreeSnapshot()
                    walk(path, into: &added)
                    next.entries.merge(added.entries) { new, _ in new }
                    changed.formUnion(added.entries.keys)
                }
            }
        }
        return (next, changed)
    }

    private func walk(_ path: String, into snapshot: inout TreeSnapshot) {
        guard let stamp = FileStamp(path: path) else { return }
        snapshot.entries[path] = stamp
        guard stamp.isDirectory else { return }
        for name in Self.visibleEntries(path) { walk(path + "/" + name, into: &snapshot) }
    }

    /// Hidden files and editor backups (`.privacy.md.swp`, `privacy.md~`) are not content.
    static func visibleEntries(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") && !$0.hasSuffix("~") }
    }
}
