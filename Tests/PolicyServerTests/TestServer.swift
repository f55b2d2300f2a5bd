import Foundation
import NIOCore
import NIOPosix
import PolicyBuild
import TestSupport

@testable import PolicyServer

/// A preview server on a free loopback port, serving a private copy of the repository's
/// content/ and themes/ so tests can edit files freely.
final class TestServer: @unchecked Sendable {
    static let root = Repository.root

    let folder: URL
    let session: PreviewSession
    let port: Int
    private let task: Task<Void, any Error>
    private let logText: LockedText

    var content: URL { folder.appendingPathComponent("content") }
    var output: URL { folder.appendingPathComponent("out/site") }
    /// What the session printed to the terminal so far.
    var log: String { logText.value }

    private init(folder: URL, session: PreviewSession, port: Int, task: Task<Void, any Error>, log: LockedText) {
        self.folder = folder
        self.session = session
        self.port = port
        self.task = task
        self.logText = log
    }

    /// The idle timeout is long by default: under a loaded full run the test's own task can wait
    /// many seconds for a thread between connecting and writing, and a 15-second timeout then
    /// closes the connection first ("I/O on closed channel"). The test of the timeout passes its own.
    static func start(_ name: String = #function, idleTimeout: Duration = .seconds(300), maxEventStreams: Int = 64, heartbeat: Duration = .seconds(15))
        async throws -> TestServer
    {
        let folder = Scratch.directory.appendingPathComponent("policysite-serve-\(name.filter(\.isLetter))-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for item in ["content", "themes"] {
            try FileManager.default.copyItem(at: root.appendingPathComponent(item), to: folder.appendingPathComponent(item))
        }
        let log = LockedText()
        let options = BuildOptions(
            contentPath: folder.appendingPathComponent("content").path, themesPath: folder.appendingPathComponent("themes").path,
            outputPath: folder.appendingPathComponent("out/site").path)
        let session = PreviewSession(options: options, log: { log.append($0) })
        await session.buildAll()
        let server = PreviewServer(
            host: "127.0.0.1", port: 0, session: session, watcher: ContentWatcher(roots: session.watchedRoots, interval: .milliseconds(40)),
            idleTimeout: idleTimeout, maxEventStreams: maxEventStreams, heartbeat: heartbeat)
        let bound = AsyncStream.makeStream(of: Int.self)
        let task = Task {
            try await server.run { port in bound.continuation.yield(port) }
            bound.continuation.finish()
        }
        var iterator = bound.stream.makeAsyncIterator()
        guard let port = await iterator.next() else {
            _ = try await task.value
            throw TestFailure("the server stopped before listening")
        }
        return TestServer(folder: folder, session: session, port: port, task: task, log: log)
    }

    /// Stops the server (as Ctrl-C would) and removes the temporary folder.
    func stop() async throws {
        task.cancel()
        _ = try await task.value
        try? FileManager.default.removeItem(at: folder)
    }

    func get(_ path: String) async throws -> HTTPReply {
        try await RawHTTP.send("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", port: port)
    }

    /// Rewrites a content file (path relative to content/) and returns once it is on disk.
    func edit(_ path: String, _ change: (String) -> String) throws {
        let url = content.appendingPathComponent(path)
        let text = try String(contentsOf: url, encoding: .utf8)
        try Data(change(text).utf8).write(to: url)
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

final class LockedText: @unchecked Sendable {
    private var text = ""
    private let lock = NSLock()

    var value: String {
        get { lock.withLock { text } }
        set { lock.withLock { text = newValue } }
    }

    func append(_ more: String) { lock.withLock { text += more } }
}

/// One HTTP response as bytes came over the wire.
struct HTTPReply {
    var status: Int
    var headers: [String: String]
    var body: String

    func header(_ name: String) -> String? { headers[name.lowercased()] }
}

/// A bare HTTP/1.1 client on SwiftNIO. It sends the request line exactly as written, which
/// URL-based clients do not: they normalise `/../` away before it ever reaches the server.
enum RawHTTP {
    static func connect(port: Int) async throws -> NIOAsyncChannel<ByteBuffer, ByteBuffer> {
        try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton).connect(host: "127.0.0.1", port: port) { channel in
            channel.eventLoop.makeCompletedFuture { try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel) }
        }
    }

    /// Sends `request` and reads the reply; with `untilHeaders`, stops at the end of the head
    /// (for streams that never end).
    static func send(_ request: String, port: Int, untilHeaders: Bool = false) async throws -> HTTPReply {
        let channel = try await connect(port: port)
        return try await channel.executeThenClose { inbound, outbound in
            try await outbound.write(ByteBuffer(string: request))
            var bytes: [UInt8] = []
            for try await var chunk in inbound {
                bytes += chunk.readBytes(length: chunk.readableBytes) ?? []
                if let reply = parse(bytes, complete: untilHeaders) { return reply }
            }
            guard let reply = parse(bytes, complete: true) else { throw TestFailure("incomplete response: \(String(decoding: bytes, as: UTF8.self))") }
            return reply
        }
    }

    /// Sends `requests` (several, back to back) and reads until the server closes the
    /// connection: the responses in the order they came.
    static func sendPipelined(_ requests: String, port: Int) async throws -> [HTTPReply] {
        let channel = try await connect(port: port)
        var bytes: [UInt8] = try await channel.executeThenClose { inbound, outbound in
            try await outbound.write(ByteBuffer(string: requests))
            var bytes: [UInt8] = []
            for try await var chunk in inbound { bytes += chunk.readBytes(length: chunk.readableBytes) ?? [] }
            return bytes
        }
        var replies: [HTTPReply] = []
        while let reply = parse(bytes), let length = reply.header("content-length").flatMap(Int.init) {
            replies.append(reply)
            let head = String(decoding: bytes, as: UTF8.self).range(of: "\r\n\r\n")!
            bytes.removeFirst(String(decoding: bytes, as: UTF8.self)[..<head.upperBound].utf8.count + length)
        }
        return replies
    }

    /// The response once all of it has arrived (by Content-Length, or at end of stream).
    static func parse(_ bytes: [UInt8], complete: Bool = false) -> HTTPReply? {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let end = text.range(of: "\r\n\r\n") else { return nil }
        let lines = text[..<end.lowerBound].components(separatedBy: "\r\n")
        guard let statusLine = lines.first, let status = Int(statusLine.split(separator: " ")[1]) else { return nil }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let headerBytes = text[..<end.upperBound].utf8.count
        let body = Array(bytes[headerBytes...])
        if let length = headers["content-length"].flatMap(Int.init) {
            guard body.count >= length else { return nil }
            return HTTPReply(status: status, headers: headers, body: String(decoding: body.prefix(length), as: UTF8.self))
        }
        return complete ? HTTPReply(status: status, headers: headers, body: String(decoding: body, as: UTF8.self)) : nil
    }
}

/// A browser's EventSource, reduced to what tests check: the text received so far.
final class EventListener: @unchecked Sendable {
    private let received = LockedText()
    private var task: Task<Void, Never>?

    var text: String { received.value }

    static func open(port: Int) async throws -> EventListener {
        let listener = EventListener()
        let channel = try await RawHTTP.connect(port: port)
        let received = listener.received
        listener.task = Task {
            try? await channel.executeThenClose { inbound, outbound in
                try await outbound.write(ByteBuffer(string: "GET \(LiveReload.eventsPath) HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n"))
                for try await var chunk in inbound {
                    received.append(chunk.readString(length: chunk.readableBytes) ?? "")
                }
            }
        }
        guard try await listener.wait(for: ": connected") else { throw TestFailure("no event stream: \(listener.text)") }
        return listener
    }

    /// Waits until `text` has arrived; false after `timeout`.
    func wait(for text: String, after offset: Int = 0, timeout: Duration = .seconds(10)) async throws -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if String(received.value.dropFirst(offset)).contains(text) { return true }
            try await Task.sleep(for: .milliseconds(10))
        }
        return false
    }

    func close() async {
        task?.cancel()
        await task?.value
    }
}
