import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import PolicyBuild
import ServiceLifecycle
import UnixSignals

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
