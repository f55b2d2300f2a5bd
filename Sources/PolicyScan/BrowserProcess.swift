public import Foundation
import Synchronization

/// One headless Chromium started for one scan run: its own fresh profile folder, the DevTools
/// endpoint it chose, and the clean-up that ends the process and removes the profile, whatever
/// way the scan ends (done, failed, timed out, or interrupted: see `terminateAll`).
public final class BrowserProcess: Sendable {
    public enum LaunchError: Error, CustomStringConvertible {
        case notFound(String)
        case noEndpoint(browser: String, seconds: Int)
        case exited(browser: String, status: Int32)

        public var description: String {
            switch self {
            case .notFound(let what):
                return "no Chromium found (\(what)); install it (Debian: apt-get install chromium, or scripts/setup --test) or give its path with --browser"
            case .noEndpoint(let browser, let seconds):
                return
                    "\(browser) did not open its DevTools port within \(seconds) s; check that it starts headless on this machine (\(browser) --headless about:blank)"
            case .exited(let browser, let status):
                return "\(browser) exited with status \(status) before opening its DevTools port; run it by hand with --headless to see why"
            }
        }
    }

    /// The process id, for tests that check it is gone.
    public let pid: Int32
    /// The fresh profile folder, removed by `close`.
    public let profile: URL
    /// `ws://127.0.0.1:PORT/devtools/browser/ID`.
    public let endpoint: String
    private let process: Process

    /// The browsers of this process still running, so an interrupt can end them all.
    private static let running = Mutex<[Int32: URL]>([:])
    private static let interruption = Mutex(false)

    /// Whether `terminateAll` ran: a scan failing now failed because its browser was ended.
    public static var interrupted: Bool { interruption.withLock { $0 } }

    /// The first Chromium found: `explicit`, else `chromium`, `chromium-browser`, `google-chrome`
    /// on `PATH`.
    public static func locate(_ explicit: String?) throws -> String {
        if let explicit {
            guard FileManager.default.isExecutableFile(atPath: explicit) else { throw LaunchError.notFound("--browser \(explicit) is not an executable file") }
            return explicit
        }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for folder in path.split(separator: ":") {
                let candidate = "\(folder)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        throw LaunchError.notFound("none of chromium, chromium-browser, google-chrome is on PATH")
    }

    /// Starts `browser` headless on a fresh profile in `profileParent` (the temporary folder by
    /// default) and waits for the DevTools endpoint it writes to `DevToolsActivePort`.
    public static func launch(_ browser: String, profileParent: URL? = nil, timeout: Double = 20) throws -> BrowserProcess {
        let parent = profileParent ?? FileManager.default.temporaryDirectory
        let profile = parent.appendingPathComponent("policysite-scan-\(UUID().uuidString.prefix(8))", isDirectory: true)
        try FileManager.default.createDirectory(at: profile, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        var arguments = [
            "--headless", "--remote-debugging-port=0", "--remote-debugging-address=127.0.0.1",
            // The WebSocket client sends `Origin: ws://127.0.0.1`; DevTools refuses any origin not listed.
            "--remote-allow-origins=ws://127.0.0.1", "--user-data-dir=\(profile.path)",
            "--no-first-run", "--no-default-browser-check", "--disable-gpu", "--disable-extensions", "--disable-sync",
            // Chromium's own traffic (updates, safe browsing) is not the site's and would only be noise.
            "--disable-background-networking", "--disable-component-update", "--mute-audio", "--window-size=1280,900",
        ]
        // Chromium refuses to start as root with its sandbox on (CI containers run as root).
        if geteuid() == 0 { arguments.append("--no-sandbox") }
        arguments.append("about:blank")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            try? FileManager.default.removeItem(at: profile)
            throw error
        }
        running.withLock { $0[process.processIdentifier] = profile }
        let portFile = profile.appendingPathComponent("DevToolsActivePort")
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let text = try? String(contentsOf: portFile, encoding: .utf8) {
                let lines = text.split(separator: "\n")
                if lines.count >= 2, let port = Int(lines[0]) {
                    return BrowserProcess(process: process, profile: profile, endpoint: "ws://127.0.0.1:\(port)\(lines[1])")
                }
            }
            if !process.isRunning {
                let status = process.terminationStatus
                cleanUp(process.processIdentifier, profile: profile, process: process)
                throw LaunchError.exited(browser: browser, status: status)
            }
            if Date() > deadline {
                cleanUp(process.processIdentifier, profile: profile, process: process)
                throw LaunchError.noEndpoint(browser: browser, seconds: Int(timeout))
            }
            usleep(50_000)
        }
    }

    private init(process: Process, profile: URL, endpoint: String) {
        self.process = process
        self.pid = process.processIdentifier
        self.profile = profile
        self.endpoint = endpoint
    }

    /// Ends the browser (SIGTERM, then SIGKILL after 5 s) and removes its profile folder.
    public func close() {
        Self.cleanUp(pid, profile: profile, process: process)
    }

    private static func cleanUp(_ pid: Int32, profile: URL, process: Process?) {
        stop(pid)
        process?.waitUntilExit()
        removeProfile(profile)
        running.withLock { _ = $0.removeValue(forKey: pid) }
    }

    /// Removes the profile, again if need be: Chromium's helper processes outlive the browser
    /// process by a few milliseconds and may still write a file into it while it is removed.
    private static func removeProfile(_ profile: URL) {
        for _ in 0..<50 {
            try? FileManager.default.removeItem(at: profile)
            if !FileManager.default.fileExists(atPath: profile.path) { return }
            usleep(100_000)
        }
    }

    /// SIGTERM lets Chromium end its renderer and GPU processes itself; SIGKILL only if it hangs.
    private static func stop(_ pid: Int32) {
        guard kill(pid, 0) == 0 else { return }
        kill(pid, SIGTERM)
        // Foundation's Process reaps the child, so the id disappears once it has exited.
        for _ in 0..<100 {
            if kill(pid, 0) != 0 { return }
            usleep(50_000)
        }
        kill(pid, SIGKILL)
    }

    /// Ends every browser this process started and removes their profiles: called on SIGINT or
    /// SIGTERM, where no `defer` runs.
    public static func terminateAll() {
        interruption.withLock { $0 = true }
        let all = running.withLock { $0 }
        for (pid, profile) in all {
            stop(pid)
            removeProfile(profile)
        }
        running.withLock { $0.removeAll() }
    }
}
