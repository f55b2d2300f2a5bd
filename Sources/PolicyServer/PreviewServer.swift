import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import PolicyBuild
import ServiceLifecycle
import UnixSignals

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public enum PreviewServerError: Error, CustomStringConvertible, Equatable {
    case portInUse(Int)
    case cannotListen(host: String, port: Int, reason: String)

    public var description: String {
        switch self {
        case .portInUse(let port):
            return "port \(port) is already in use; pick another with --port"
        case let .cannotListen(host, port, reason):
            return "cannot listen on \(host):\(port): \(reason)"
        }
    }
}

/// The HTTP side of `serve`: the output folder over Hummingbird, the reload event stream, and
/// a watcher that rebuilds through the session. It never writes pages itself.
public struct PreviewServer: Sendable {
    public var host: String
    /// 0 picks a free port; `onStart` receives the one bound.
    public var port: Int
    public let session: PreviewSession
    public var watcher: ContentWatcher
    /// A connection that has not sent a complete request by then is closed, so slow clients
    /// (slowloris) cannot hold connections open; open event streams are not affected.
    public var idleTimeout: Duration
    /// At most this many browsers listen for reloads at once; more get 503.
    public var maxEventStreams: Int
    /// How often open event streams get a comment line, which finds browsers that left.
    public var heartbeat: Duration

    public init(
        host: String = "127.0.0.1", port: Int = 8080, session: PreviewSession, watcher: ContentWatcher? = nil,
        idleTimeout: Duration = .seconds(15), maxEventStreams: Int = 64, heartbeat: Duration = .seconds(15)
    ) {
        self.host = host
        self.port = port
        self.session = session
        self.watcher = watcher ?? ContentWatcher(roots: session.watchedRoots)
        self.idleTimeout = idleTimeout
        self.maxEventStreams = maxEventStreams
        self.heartbeat = heartbeat
    }

    /// Loopback hosts only; anything else exposes unpublished drafts to the network.
    public static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
    }

    /// Serves until the task is cancelled or, with `stopOnInterrupt`, until Ctrl-C, SIGTERM or SIGHUP.
    /// Either way open event streams are closed so the shutdown does not wait on browsers.
    public func run(stopOnInterrupt: Bool = false, onStart: @escaping @Sendable (Int) async -> Void = { _ in }) async throws(PreviewServerError) {
        var logger = Logger(label: "policysite.serve")
        logger.logLevel = .critical
        let port = self.port
        let responder = PreviewResponder(
            output: OutputFolder(path: session.options.outputPath), status: session.status, events: session.events, maxEventStreams: maxEventStreams)
        let hostCheck = HostCheck(listeningOn: host)
        let (seconds, attoseconds) = idleTimeout.components
        let app = Application(
            responder: responder,
            server: HTTPServerBuilder { respond in
                HostGuardedHTTP1Channel(
                    base: HTTP1Channel(
                        responder: respond, configuration: .init(idleTimeout: .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000))),
                    check: hostCheck)
            },
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: nil),
            services: [WatchService(watcher: watcher, session: session, heartbeat: heartbeat)],
            onServerRunning: { channel in await onStart(channel.localAddress?.port ?? port) },
            logger: logger)
        do {
            // SIGHUP too: closing the terminal is stopping the preview.
            try await app.runService(gracefulShutdownSignals: stopOnInterrupt ? [.sigint, .sigterm, .sighup] : [])
        } catch is CancellationError {
            return
        } catch let error as IOError where error.errnoCode == EADDRINUSE {
            throw .portInUse(port)
        } catch {
            if "\(error)".contains("Address already in use") { throw .portInUse(port) }
            throw .cannotListen(host: host, port: port, reason: "\(error)")
        }
    }
}

/// Polls for edits and rebuilds; when it stops (shutdown), it ends every event stream.
struct WatchService: Service {
    let watcher: ContentWatcher
    let session: PreviewSession
    let heartbeat: Duration

    func run() async throws {
        defer { session.events.finishAll() }
        let session = self.session, heartbeat = self.heartbeat
        await cancelWhenGracefulShutdown {
            await withTaskGroup(of: Void.self) { group in
                group.addTask { await watcher.watch { changes in await session.rebuild(after: changes) } }
                group.addTask {
                    while (try? await Task.sleep(for: heartbeat)) != nil {
                        session.events.send(ReloadEvent(kind: .heartbeat, build: 0))
                    }
                }
                await group.next()
                group.cancelAll()
            }
        }
    }
}

/// Answers every request: the event stream, a file of the site, or the error overlay.
struct PreviewResponder: HTTPResponder {
    typealias Context = BasicRequestContext
    let output: OutputFolder
    let status: PreviewStatus
    let events: ReloadBroadcaster
    let maxEventStreams: Int

    func respond(to request: Request, context: Context) async throws -> Response {
        // The Host header and the request target were checked before (`HostGuard`).
        guard request.method == .get || request.method == .head else {
            return Self.text(.methodNotAllowed, "only GET and HEAD are served\n")
        }
        let path = request.uri.path
        if path == LiveReload.eventsPath {
            guard let subscription = events.subscribe(limit: maxEventStreams) else {
                var response = Self.text(.serviceUnavailable, "too many live-reload connections (\(maxEventStreams)); close some tabs\n")
                response.headers[.retryAfter] = "5"
                return response
            }
            return eventStream(subscription)
        }
        var response = page(at: path)
        // Never let a browser keep a page across rebuilds.
        response.headers[.cacheControl] = "no-store"
        response.headers[.init("X-Content-Type-Options")!] = "nosniff"
        if request.method == .head { response.body = ResponseBody() }
        return response
    }

    private func page(at path: String) -> Response {
        switch output.resolve(path) {
        case .badRequest:
            return Self.text(.badRequest, "bad request path\n")
        case .redirect(let location):
            var response = Self.text(.movedPermanently, "moved to \(location)\n")
            response.headers[.location] = location
            return response
        case .notFound:
            if let failure = status.currentFailure { return Self.html(.internalServerError, LiveReload.overlay(failure)) }
            guard let page = output.notFoundPage, let data = FileManager.default.contents(atPath: page) else {
                return Self.text(.notFound, "not found\n")
            }
            return Self.html(.notFound, LiveReload.inject(into: data))
        case .file(let file):
            let type = ContentType.of(file)
            if type == ContentType.html, let failure = status.currentFailure {
                return Self.html(.internalServerError, LiveReload.overlay(failure))
            }
            // Pages are small; reading them whole keeps the responder simple.
            guard let data = FileManager.default.contents(atPath: file) else { return Self.text(.notFound, "not found\n") }
            if type == ContentType.html { return Self.html(.ok, LiveReload.inject(into: data)) }
            var response = Response(status: .ok, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
            response.headers[.contentType] = type
            return response
        }
    }

    /// `text/event-stream`: a comment line at once (so clients know they are subscribed),
    /// then one event per build until the browser leaves or the server stops.
    private func eventStream(_ subscription: (id: UUID, events: AsyncStream<ReloadEvent>)) -> Response {
        let (id, stream) = subscription
        let events = self.events
        let body = ResponseBody { writer in
            defer { events.unsubscribe(id) }
            try await writer.write(ByteBuffer(string: "retry: 500\n: connected\n\n"))
            // A stopping server waits for open responses to end, and this one never ends by
            // itself: on Ctrl-C it ends at once, so the browser's connection can close.
            try await withGracefulShutdownHandler {
                for await event in stream {
                    try await writer.write(ByteBuffer(string: event.wireFormat))
                }
            } onGracefulShutdown: {
                events.unsubscribe(id)
            }
            try await writer.finish(nil)
        }
        var response = Response(status: .ok, body: body)
        response.headers[.contentType] = "text/event-stream"
        response.headers[.cacheControl] = "no-store"
        return response
    }

    private static func html(_ status: HTTPResponse.Status, _ data: Data) -> Response {
        var response = Response(status: status, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
        response.headers[.contentType] = ContentType.html
        response.headers[.cacheControl] = "no-store"
        return response
    }

    private static func text(_ status: HTTPResponse.Status, _ text: String) -> Response {
        var response = Response(status: status, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
        response.headers[.contentType] = "text/plain; charset=utf-8"
        response.headers[.cacheControl] = "no-store"
        return response
    }
}
