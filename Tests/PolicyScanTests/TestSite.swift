import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// A small shop on loopback for `policysite scan` to visit: pages that set cookies by header and
/// by script (a session one, a persistent one, one only after the consent button is clicked,
/// one before any consent), write web storage, load an image from `localhost` (a declared
/// recipient) and a script from a second loopback address, 127.0.0.2, standing in for an
/// undeclared third party whose script sets a marketing cookie.
struct TestSite {
    let port: Int
    let thirdPartyPort: Int

    func url(_ path: String) -> URL { URL(string: "http://127.0.0.1:\(port)\(path)")! }

    /// Serves the site and its third party for the length of `body`.
    static func with<T: Sendable>(_ body: @Sendable (TestSite) async throws -> T) async throws -> T {
        let third = try await serve(host: "127.0.0.2") { router, _ in
            router.get("/pixel.js") { _, _ in
                page("document.cookie = '_fbp=fb.1.1700000000.1; max-age=7776000; path=/';", type: "application/javascript")
            }
        }
        let thirdPort = third.port
        let server: Server
        do {
            server = try await serve(host: "127.0.0.1") { router, port in
                router.get("/") { _, _ in
                    page(
                        """
                        <!doctype html><html lang="en"><head><title>Home</title></head><body>
                        <div id="banner">We would like to count your visits.
                        <button id="accept" onclick="document.cookie = 'consent=yes; max-age=31536000; path=/'">Accept</button></div>
                        <a href="/about">About</a> <a href="/contact#form">Contact</a> <a href="http://127.0.0.2:\(thirdPort)/elsewhere">Partner</a>
                        <script>document.cookie = '_ga_TEST1=GS1.1.1700000000; max-age=2592000; path=/'; sessionStorage.setItem('tab_id', '1');</script>
                        </body></html>
                        """, cookies: ["sid=abc123; Path=/; HttpOnly"])
                }
                router.get("/about") { _, _ in
                    page(
                        """
                        <!doctype html><html lang="en"><head><title>About</title></head><body>
                        <img src="http://localhost:\(port)/cdn/logo.svg" alt="logo"> <a href="/">Home</a>
                        <script>localStorage.setItem('recently_viewed', '[]');</script>
                        </body></html>
                        """, cookies: ["lang=en; Max-Age=2592000; Path=/"])
                }
                router.get("/contact") { _, _ in
                    page(
                        """
                        <!doctype html><html lang="en"><head><title>Contact</title></head><body>
                        <p id="form">Write to us.</p> <a href="/">Home</a> <a href="/about">About</a>
                        <script src="http://127.0.0.2:\(thirdPort)/pixel.js"></script>
                        <script>document.cookie = 'help_seen=1; path=/';</script>
                        </body></html>
                        """)
                }
                router.get("/cdn/logo.svg") { _, _ in
                    page("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"/>", type: "image/svg+xml")
                }
            }
        } catch {
            await third.stop()
            throw error
        }
        do {
            let result = try await body(TestSite(port: server.port, thirdPartyPort: thirdPort))
            await server.stop()
            await third.stop()
            return result
        } catch {
            await server.stop()
            await third.stop()
            throw error
        }
    }

    static func page(_ body: String, type: String = "text/html; charset=utf-8", cookies: [String] = []) -> Response {
        var headers: HTTPFields = [.contentType: type, .cacheControl: "no-store"]
        headers[values: .setCookie] = cookies
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }

    /// Starts a server on `host` and returns its port, which `routes` receives too: the pages
    /// link to their own server.
    /// A running server. Stopped gracefully, never by cancelling its task: cancelled with
    /// connections Chromium opened ahead (preconnects) still queued, NIO traps on the unfinished
    /// writers of those connections and the whole test process dies.
    struct Server {
        var port: Int
        var group: ServiceGroup
        var task: Task<Void, any Error>

        func stop() async {
            await group.triggerGracefulShutdown()
            _ = try? await task.value
        }
    }

    private static func serve(
        host: String, _ routes: @Sendable (Router<BasicRequestContext>, Int) -> Void
    ) async throws -> Server {
        // The port is known only once bound, and the pages name it: bind a socket first to learn
        // a free one, then listen there.
        let port = try freePort(host)
        let router = Router()
        routes(router, port)
        var logger = Logger(label: "scan-test-site")
        logger.logLevel = .critical
        let (bound, continuation) = AsyncStream<Void>.makeStream()
        let running = Application(
            router: router, configuration: .init(address: .hostname(host, port: port)), onServerRunning: { _ in continuation.yield() }, logger: logger)
        let group = ServiceGroup(configuration: .init(services: [running], logger: logger))
        let task = Task { try await group.run() }
        for await _ in bound { break }
        return Server(port: port, group: group, task: task)
    }

    /// A port free on `host` now: bound to port 0, read back, and released.
    static func freePort(_ host: String) throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        inet_pton(AF_INET, host, &address.sin_addr)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "cannot bind \(host)"]) }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
