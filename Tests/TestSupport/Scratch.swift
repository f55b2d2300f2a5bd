public import Foundation

/// Where tests make their folders: one folder per test process in the system's temporary
/// folder, removed with everything in it when the process exits. Tests copy whole sites and
/// build them; left behind, a run of the suite filled `/tmp` with thousands of folders.
public enum Scratch {
    public static let directory: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("policysite-tests-\(getpid())")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { Scratch.removeAll() }
        return url
    }()

    /// Twice if need be: a child process a test killed may still be writing as the first pass runs.
    static func removeAll() {
        if (try? FileManager.default.removeItem(at: directory)) == nil {
            usleep(200_000)
            try? FileManager.default.removeItem(at: directory)
        }
    }
}
