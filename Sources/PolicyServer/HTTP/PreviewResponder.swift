import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import ServiceLifecycle

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
