import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1

/// Applies `HostCheck` to every request as it was sent, before Hummingbird turns it into a
/// `Request`: that conversion keeps only the first `Host` header and drops the authority of an
/// absolute target, so the responder could not tell `Host: localhost` from
/// `GET http://evil.example/` with `Host: localhost`, or from two `Host` headers.
///
/// A refused request is answered here (400 or 421, plain text) once every request before it
/// on the connection has been answered, and the connection is then closed: nothing sent after
/// a refused request is read.
final class HostGuard: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    private let check: HostCheck
    /// Requests passed on whose response has not been written to the end yet.
    private var unanswered = 0
    /// The answer to the refused request, until it is sent.
    private var pendingRefusal: (status: Int, text: String)?
    private var refused = false

    init(check: HostCheck) {
        self.check = check
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !refused else { return }
        if case .head(let head) = unwrapInboundIn(data) {
            let port = context.channel.localAddress?.port
            if let refusal = check.refusal(hosts: head.headers["Host"], target: head.uri, port: port) {
                refused = true
                pendingRefusal = check.answer(to: refusal, port: port)
                if unanswered == 0 { sendRefusal(context: context) }
                return
            }
            unanswered += 1
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        context.write(data, promise: promise)
        if case .end = unwrapOutboundIn(data) {
            unanswered -= 1
            if unanswered == 0 { sendRefusal(context: context) }
        }
    }

    private func sendRefusal(context: ChannelHandlerContext) {
        guard let (status, text) = pendingRefusal else { return }
        pendingRefusal = nil
        let body = ByteBuffer(string: text)
        let headers = HTTPHeaders([
            ("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", "\(body.readableBytes)"), ("Cache-Control", "no-store"),
            ("X-Content-Type-Options", "nosniff"), ("Connection", "close"),
        ])
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .init(statusCode: status), headers: headers))), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil)
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in channel.close(promise: nil) }
    }
}
