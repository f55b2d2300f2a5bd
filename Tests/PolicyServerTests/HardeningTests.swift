import Foundation
import NIOCore
import NIOPosix
import PolicyFiles
import Testing

@testable import PolicyServer

/// What a hostile page or client must not be able to do to a running preview: read it through
/// DNS rebinding, hold every live-reload slot, or stall it with slow request headers. Every
/// loop is bounded and every connection goes to 127.0.0.1.
@Suite(.serialized) struct HardeningTests {
    @Test func onlyItsOwnHostNamesAreAnswered() async throws {
        let server = try await TestServer.start()
        defer { Task { try? await server.stop() } }
        for host in ["127.0.0.1", "localhost", "localhost:\(server.port)", "127.0.0.1:\(server.port)", "[::1]:\(server.port)", "LOCALHOST"] {
            let reply = try await RawHTTP.send("GET / HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n\r\n", port: server.port)
            #expect(reply.status == 200, "Host: \(host)")
        }
        for host in ["evil.example", "evil.example:\(server.port)", "127.0.0.1.evil.example", "localhost.evil.example"] {
            let reply = try await RawHTTP.send("GET / HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n\r\n", port: server.port)
            #expect(reply.status == 421, "Host: \(host)")
            #expect(reply.body.contains("this preview answers only localhost, 127.0.0.1, [::1]"))
            #expect(!reply.body.contains("<html"))
        }
        #expect(HostCheck(listeningOn: "192.168.1.5").allows("192.168.1.5:8080", port: 8080))
        #expect(!HostCheck(listeningOn: "192.168.1.5").allows("192.168.1.5:8081", port: 8080))
        #expect(HostCheck(listeningOn: "::1").allows("[::1]:8080", port: 8080))
        #expect(HostCheck(listeningOn: "fe80::1").allows("[FE80::1]", port: 8080))
        #expect(!HostCheck(listeningOn: "0.0.0.0").allows("0.0.0.0", port: 8080))
        #expect(!HostCheck(listeningOn: "127.0.0.1").allows("localhost:8080", port: nil))
    }

    /// Only one `Host` header naming the preview itself (with no port or the port it listens
    /// on) is answered; an absolute request target must name it too. Everything else a
    /// rebinding page or a confused proxy could send is refused before it reaches a file.
    @Test func ambiguousOrForeignHostsAreRefused() async throws {
        let server = try await TestServer.start()
        defer { Task { try? await server.stop() } }
        let port = server.port
        func head(_ hosts: [String], target: String = "/", version: String = "1.1") -> String {
            "GET \(target) HTTP/\(version)\r\n" + hosts.map { "Host: \($0)\r\n" }.joined() + "Connection: close\r\n\r\n"
        }
        let answered = [
            head(["localhost."]), head(["127.0.0.2"]), head(["127.1.2.3:\(port)"]), head(["localhost:\(port)"], version: "1.0"),
            head(["localhost:\(port)"], target: "http://localhost:\(port)/"), head(["127.0.0.1"], target: "http://127.0.0.1/"),
        ]
        for request in answered {
            let reply = try await RawHTTP.send(request, port: port)
            #expect(reply.status == 200, "\(request.debugDescription) answered \(reply.status)")
        }
        let refused: [(String, Int)] = [
            (head(["localhost", "evil.example"]), 400), (head(["evil.example", "localhost"]), 400), (head(["localhost", "localhost"]), 400),
            (head([]), 400), (head([], version: "1.0"), 400),
            (head(["localhost"], target: "http://evil.example/"), 421), (head(["localhost:\(port)"], target: "http://evil.example:\(port)/"), 421),
            (head(["localhost"], target: "http://localhost@evil.example/"), 421), (head(["localhost"], target: "http://evil.example"), 421),
            (head(["localhost"], target: "HTTP://EVIL.EXAMPLE/"), 421), (head(["localhost"], target: "https://evil.example/"), 421),
            (head(["localhost:evil"]), 421), (head(["localhost:"]), 421), (head(["localhost:\(port + 1)"]), 421),
            (head(["localhost:0\(port)"]), 421), (head(["localhost:+\(port)"]), 421), (head(["127.0.0.1:\(port):\(port)"]), 421),
            (head(["localhost:\(port)@evil.example"]), 421), (head(["user@localhost"]), 421), (head(["[::1]evil"]), 421),
            (head(["127.0.0.256"]), 421), (head(["127.0.0"]), 421), (head(["127.0.0.1.evil.example:\(port)"]), 421), (head([""]), 421),
        ]
        for (request, status) in refused {
            let reply = try await RawHTTP.send(request, port: port)
            #expect(reply.status == status, "\(request.debugDescription) answered \(reply.status)")
            #expect(!reply.body.contains("<html"), "\(request.debugDescription) got a page")
            #expect(reply.header("connection") == "close", "\(request.debugDescription)")
        }
        // Pipelined: the refusal waits for the answer before it, and nothing after it is answered.
        let pipelined = try await RawHTTP.sendPipelined(
            "GET /assets/style.css HTTP/1.1\r\nHost: localhost\r\n\r\n" + "GET / HTTP/1.1\r\nHost: evil.example\r\n\r\n"
                + "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n", port: port)
        #expect(pipelined.map(\.status) == [200, 421], "\(pipelined.map(\.status))")
        #expect(pipelined.first?.header("content-type") == "text/css; charset=utf-8")
    }

    @Test func liveReloadConnectionsAreBounded() async throws {
        let server = try await TestServer.start(maxEventStreams: 3, heartbeat: .milliseconds(200))
        defer { Task { try? await server.stop() } }
        var listeners: [EventListener] = []
        for _ in 0..<3 { listeners.append(try await EventListener.open(port: server.port)) }
        let refused = try await RawHTTP.send("GET \(LiveReload.eventsPath) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", port: server.port)
        #expect(refused.status == 503)
        #expect(refused.header("Retry-After") == "5")
        // Pages are still served while the slots are full.
        #expect(try await server.get("/").status == 200)
        await listeners.removeLast().close()
        // The next heartbeat finds the browser that left and frees its slot.
        var reopened = false
        for _ in 0..<20 where !reopened {
            try await Task.sleep(for: .milliseconds(250))
            let probe = try await RawHTTP.send(
                "GET \(LiveReload.eventsPath) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", port: server.port, untilHeaders: true)
            reopened = probe.status == 200
        }
        #expect(reopened)
        for listener in listeners { await listener.close() }
    }

    /// 20 clients that send a request head one byte at a time (for 10 s), slower than the idle
    /// timeout (5 s):
    /// other requests are answered at once, the slow ones are cut off, and an open event
    /// stream (which sends nothing for longer than the timeout) is not.
    @Test func slowClientsDoNotStallOthersAndAreCutOff() async throws {
        let server = try await TestServer.start(idleTimeout: .seconds(5))
        defer { Task { try? await server.stop() } }
        let listener = try await EventListener.open(port: server.port)
        let closedByServer = ManagedCounter()
        let slow = Task {
            await withTaskGroup(of: Void.self) { group in
                for _ in 0..<20 {
                    group.addTask {
                        guard let channel = try? await RawHTTP.connect(port: server.port) else { return }
                        try? await channel.executeThenClose { inbound, outbound in
                            let head = Array("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".utf8)
                            // Trickle bytes for up to 4 s; stop when the server hangs up.
                            // The server hangs up (end of stream, or a reset once we write again).
                            let reader = Task {
                                do { for try await _ in inbound {} } catch {}
                                closedByServer.increment()
                            }
                            for byte in head + Array(repeating: UInt8(ascii: "a"), count: 12) {
                                guard (try? await outbound.write(ByteBuffer(bytes: [byte]))) != nil else { break }
                                try await Task.sleep(for: .milliseconds(200))
                            }
                            await reader.value
                        }
                    }
                }
            }
        }
        // Meanwhile, ordinary requests keep being answered quickly.
        for _ in 0..<20 {
            let start = ContinuousClock.now
            #expect(try await server.get("/").status == 200)
            // A stalled server would hold them until the slow clients are cut off (5 s); the
            // bound leaves room for a machine busy with other suites.
            #expect(ContinuousClock.now - start < .seconds(3))
            try await Task.sleep(for: .milliseconds(100))
        }
        await slow.value
        #expect(closedByServer.value == 20, "slow clients the server closed: \(closedByServer.value)")
        // The event stream outlived the idle timeout and still delivers reloads.
        let offset = listener.text.count
        try server.edit("digiterex/en/privacy.md") { $0.replacingOccurrences(of: "Welcome to Digiterex.", with: "Welcome to Digiterex, again.") }
        #expect(try await listener.wait(for: "event: reload", after: offset, timeout: .seconds(20)))
        await listener.close()
    }
}

final class ManagedCounter: @unchecked Sendable {
    private var count = 0
    private let lock = NSLock()
    func increment() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
