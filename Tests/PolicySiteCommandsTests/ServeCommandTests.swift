import Foundation
import PolicyFiles
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `policysite serve` as a user runs it: the real binary as a child process, stopped with
/// Ctrl-C or SIGTERM, or killed. Its temporary folder goes in a scratch `TMPDIR` two folders
/// deep, with canary files beside it that must survive whatever serve removes.
@Suite(.serialized) struct ServeCommandTests {
    /// A scratch folder with a copy of content/, and `tmp/` to use as `TMPDIR`, each holding a canary.
    struct Workspace {
        let folder: URL
        var tmp: URL { folder.appendingPathComponent("tmp") }
        var content: URL { folder.appendingPathComponent("content") }
        var environment: [String: String] { CLI.scratchEnvironment.merging(["TMPDIR": tmp.path]) { $1 } }
        static let canaryText = "canary: serve must not remove this\n"

        init(_ name: String = #function) throws {
            folder = try CLI.temporaryDirectory(name).appendingPathComponent("inner")
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("tmp"), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("content"), to: content)
            for canary in canaries { try Self.canaryText.write(to: canary, atomically: true, encoding: .utf8) }
        }

        var canaries: [URL] {
            [folder.deletingLastPathComponent(), folder, tmp].map { $0.appendingPathComponent("canary.txt") }
        }

        func canariesSurvive() -> Bool {
            canaries.allSatisfy { (try? String(contentsOf: $0, encoding: .utf8)) == Self.canaryText }
        }

        /// The names in `tmp/` that serve made: `policysite-serve-…`.
        func serveFolders() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: tmp.path).filter { $0.hasPrefix("policysite-serve-") }.sorted()
        }

        /// The serve folders still there after `timeout`, but `expected`: a stopped server
        /// removes what it can in 0.3 s and leaves the rest to an `rm -rf` that outlives it.
        func serveFoldersOnceRemoved(expected: [String] = [], timeout: Duration = .seconds(30)) throws -> [String] {
            let deadline = ContinuousClock.now + timeout
            while try serveFolders() != expected.sorted() && ContinuousClock.now < deadline { usleep(20_000) }
            return try serveFolders()
        }
    }

    /// One running `policysite serve --port 0`, its standard output and error collected as they come.
    final class Server: @unchecked Sendable {
        let process = Process()
        private let lock = NSLock()
        private var outText = "", errText = ""
        private(set) var port = 0

        var stdout: String { lock.withLock { outText } }
        var stderr: String { lock.withLock { errText } }
        var pid: Int32 { process.processIdentifier }

        init(_ workspace: Workspace) throws {
            process.executableURL = CLI.binary
            process.arguments = ["serve", "--port", "0", "--content", workspace.content.path, "--themes", CLI.root.appendingPathComponent("themes").path]
            process.currentDirectoryURL = workspace.folder
            process.environment = workspace.environment
            let out = Pipe(), err = Pipe()
            process.standardOutput = out
            process.standardError = err
            for (pipe, isOut) in [(out, true), (err, false)] {
                pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
                    let text = String(decoding: handle.availableData, as: UTF8.self)
                    guard let self else { return }
                    self.lock.withLock { if isOut { self.outText += text } else { self.errText += text } }
                }
            }
            try process.run()
        }

        /// Waits for the "Serving http://127.0.0.1:<port>/" line and returns once it came.
        func waitUntilServing(timeout: Duration = .seconds(60)) throws {
            let deadline = ContinuousClock.now + timeout
            while ContinuousClock.now < deadline && process.isRunning {
                if let range = stdout.range(of: "Serving http://127.0.0.1:"),
                    let port = Int(stdout[range.upperBound...].prefix { $0.isNumber })
                {
                    self.port = port
                    return
                }
                usleep(10_000)
            }
            throw ServeTestFailure("serve did not start: \(stdout) \(stderr)")
        }

        /// Sends `signal` and returns how long the process took to exit, or nil when it still ran
        /// after `patience` (it is then killed, so no test leaves it behind).
        func stop(with signal: Int32, patience: Duration = .seconds(5)) -> Duration? {
            let sent = ContinuousClock.now
            kill(pid, signal)
            while process.isRunning && ContinuousClock.now - sent < patience { usleep(1_000) }
            let elapsed = ContinuousClock.now - sent
            guard !process.isRunning else {
                kill(pid, SIGKILL)
                process.waitUntilExit()
                return nil
            }
            process.waitUntilExit()
            return elapsed
        }
    }

    /// A client on a plain socket: by default a browser's `EventSource`, connected once the
    /// stream's first comment came.
    final class Client {
        private let socket: Int32

        init(
            port: Int, request: String = "GET /__policysite/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n",
            waitFor expected: String? = ": connected"
        ) throws {
            socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard connected == 0 else { throw ServeTestFailure("cannot connect to port \(port): errno \(errno)") }
            // Reads give up after 10 s instead of hanging the test.
            var timeout = timeval(tv_sec: 10, tv_usec: 0)
            setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            _ = request.withCString { send(socket, $0, strlen($0), 0) }
            guard let expected else { return }
            var received = ""
            while !received.contains(expected) {
                guard let chunk = read() else { throw ServeTestFailure("no \(expected.debugDescription) in \(received)") }
                received += chunk
            }
        }

        /// The next bytes, or nil at the end of the stream (or after the 10 s timeout).
        private func read() -> String? {
            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = recv(socket, &buffer, buffer.count, 0)
            return count > 0 ? String(decoding: buffer[..<count], as: UTF8.self) : nil
        }

        /// True when the server ended the stream, false when it stayed open for 10 s.
        func endedByServer() -> Bool {
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = recv(socket, &buffer, buffer.count, 0)
                if count > 0 { continue }
                return count == 0 || errno == ECONNRESET
            }
        }

        deinit { close(socket) }
    }

    /// Ctrl-C, SIGTERM and SIGHUP (the terminal closed) stop serve within a second however many
    /// browsers listen for reloads, and take its temporary folder with it.
    @Test(arguments: [(SIGTERM, 0), (SIGINT, 0), (SIGTERM, 1), (SIGINT, 1), (SIGHUP, 1), (SIGTERM, 6), (SIGINT, 6)])
    func aSignalStopsServeAtOnceWithOpenEventStreams(_ signal: Int32, _ streams: Int) throws {
        let workspace = try Workspace("signal-\(signal)-\(streams)")
        let server = try Server(workspace)
        try server.waitUntilServing()
        let streamsOpen = try (0..<streams).map { _ in try Client(port: server.port) }
        let folders = try workspace.serveFolders()
        #expect(folders.count == 1 && folders[0].hasPrefix("policysite-serve-\(server.pid)-"), "\(folders)")
        let elapsed = server.stop(with: signal)
        let name = [SIGINT: "SIGINT", SIGTERM: "SIGTERM", SIGHUP: "SIGHUP"][signal]!
        print("serve with \(streams) event streams: \(name) to exit in \(elapsed.map { "\($0)" } ?? "never (killed after 5 s)")")
        #expect(elapsed != nil && elapsed! < .seconds(1), "\(name) with \(streams) open event streams: \(elapsed.map { "\($0)" } ?? "still running after 5 s")")
        #expect(server.process.terminationReason == .exit && server.process.terminationStatus == 0, "\(server.stderr)")
        #expect(try workspace.serveFoldersOnceRemoved() == [], "the temporary folder outlived serve")
        for stream in streamsOpen { #expect(stream.endedByServer()) }
        #expect(workspace.canariesSurvive())
    }

    /// A client that asked for a large file and stopped reading holds its response open; the
    /// stop does not wait for it (nor for an event stream beside it).
    @Test func aClientThatStopsReadingDoesNotHoldUpTheStop() throws {
        let workspace = try Workspace()
        let server = try Server(workspace)
        try server.waitUntilServing()
        let folder = try #require(try workspace.serveFolders().first)
        let large = workspace.tmp.appendingPathComponent("\(folder)/site/large.bin")
        try Data(count: 16 << 20).write(to: large)
        let stream = try Client(port: server.port)
        let stalled = try Client(port: server.port, request: "GET /large.bin HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", waitFor: nil)
        usleep(300_000)
        let elapsed = server.stop(with: SIGTERM)
        print("serve with a stalled download and an event stream: SIGTERM to exit in \(elapsed.map { "\($0)" } ?? "never (killed after 5 s)")")
        #expect(elapsed != nil && elapsed! < .seconds(1), "\(elapsed.map { "\($0)" } ?? "still running after 5 s")")
        #expect(try workspace.serveFoldersOnceRemoved() == [], "the temporary folder outlived serve")
        #expect(stream.endedByServer() && stalled.endedByServer())
        #expect(workspace.canariesSurvive())
    }

    /// A large temporary folder (a thousand companies write 50,000 files) does not hold up the
    /// stop: 4,000 files here, which took 12 s to unlink in the server before it exited.
    @Test func aLargeTemporaryFolderDoesNotHoldUpTheStop() throws {
        let workspace = try Workspace()
        let server = try Server(workspace)
        try server.waitUntilServing()
        let folder = try #require(try workspace.serveFolders().first)
        let site = workspace.tmp.appendingPathComponent("\(folder)/site")
        for company in 0..<80 {
            let pages = site.appendingPathComponent("bulk-\(company)/en")
            try FileManager.default.createDirectory(at: pages, withIntermediateDirectories: true)
            // createFile syncs each file, which makes unlinking them slow: a slow disk, at will.
            for page in 0..<50 {
                _ = FileManager.default.createFile(atPath: pages.appendingPathComponent("\(page).html").path, contents: Data("<p>\(page)</p>".utf8))
            }
        }
        let elapsed = server.stop(with: SIGTERM, patience: .seconds(120))
        print("serve with 4,000 more files in its folder: SIGTERM to exit in \(elapsed.map { "\($0)" } ?? "never (killed after 120 s)")")
        #expect(elapsed != nil && elapsed! < .seconds(1), "\(elapsed.map { "\($0)" } ?? "still running after 120 s")")
        #expect(try workspace.serveFoldersOnceRemoved() == [], "the temporary folder outlived serve")
        #expect(workspace.canariesSurvive())
    }

    /// A server killed with SIGKILL cannot clean up; the next serve removes what it left, and
    /// only that: folders of live servers, and anything serve did not make, stay.
    @Test func theNextServeRemovesTheFoldersOfKilledServers() throws {
        let workspace = try Workspace()
        let fileManager = FileManager.default
        let tmp = workspace.tmp
        // Things that must survive: a live process's folder (this test's), names serve does
        // not make, a file and a symlink under a dead pid's name, and a canary behind a link.
        let dead = try Self.deadPID()
        let me = getpid()
        let outside = workspace.folder.appendingPathComponent("outside")
        try fileManager.createDirectory(at: outside, withIntermediateDirectories: true)
        try Workspace.canaryText.write(to: outside.appendingPathComponent("canary.txt"), atomically: true, encoding: .utf8)
        let keep = [
            "policysite-serve-\(me)-0000AAAA", "policysite-serve-notes", "policysite-serve-\(dead)", "policysite-serve-\(dead)-draft",
            "policysite-serve-1A2B3C4D", "policysite-serve-\(dead)-0000BBBB", "policysite-serve-\(dead)-0000CCCC",
        ]
        for name in keep.prefix(5) {
            try fileManager.createDirectory(at: tmp.appendingPathComponent(name), withIntermediateDirectories: true)
            try Workspace.canaryText.write(to: tmp.appendingPathComponent(name + "/canary.txt"), atomically: true, encoding: .utf8)
        }
        try Workspace.canaryText.write(to: tmp.appendingPathComponent(keep[5]), atomically: true, encoding: .utf8)
        try fileManager.createSymbolicLink(at: tmp.appendingPathComponent(keep[6]), withDestinationURL: outside)
        // A leftover made by hand, as a dead server would have left it, holding a link out.
        let fake = tmp.appendingPathComponent("policysite-serve-\(dead)-0000DDDD")
        try fileManager.createDirectory(at: fake.appendingPathComponent("site"), withIntermediateDirectories: true)
        try fileManager.createSymbolicLink(at: fake.appendingPathComponent("site/outside"), withDestinationURL: outside)

        let killed = try Server(workspace)
        try killed.waitUntilServing()
        kill(killed.pid, SIGKILL)
        killed.process.waitUntilExit()
        let left = try workspace.serveFolders().filter { $0.hasPrefix("policysite-serve-\(killed.pid)-") }
        #expect(left.count == 1, "SIGKILL left \(left)")

        let next = try Server(workspace)
        try next.waitUntilServing()
        let present = try workspace.serveFolders()
        for name in left + [fake.lastPathComponent] { #expect(!present.contains(name), "\(name) was not removed") }
        for name in keep { #expect(present.contains(name), "\(name) was removed") }
        #expect(present.contains { $0.hasPrefix("policysite-serve-\(next.pid)-") }, "\(present)")
        for name in keep.prefix(5) {
            #expect((try? String(contentsOf: tmp.appendingPathComponent(name + "/canary.txt"), encoding: .utf8)) == Workspace.canaryText, "\(name)")
        }
        #expect((try? String(contentsOf: outside.appendingPathComponent("canary.txt"), encoding: .utf8)) == Workspace.canaryText)
        #expect(workspace.canariesSurvive())

        #expect(next.stop(with: SIGTERM) != nil)
        #expect(try workspace.serveFoldersOnceRemoved(expected: keep) == keep.sorted())
    }

    /// The pid of a process that has exited (and been reaped).
    static func deadPID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "exit 0"]
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }
}

struct ServeTestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
