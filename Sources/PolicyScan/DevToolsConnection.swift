import Foundation
import Logging
import Synchronization
import WSClient

/// A client of the Chrome DevTools protocol over one WebSocket: numbered commands answered by
/// id, and events handed to `onEvent`. Commands carry a `sessionId` when they address a page
/// attached in flat mode (`Target.attachToTarget` with `flatten`).
final class DevToolsConnection: Sendable {
    struct ProtocolError: Error, CustomStringConvertible {
        var description: String
    }

    /// An event: its method, the session it came from, and its raw JSON for typed decoding.
    struct Event: Sendable {
        var method: String
        var sessionId: String?
        var json: Data

        func params<P: Decodable>(_ type: P.Type) -> P? {
            try? JSONDecoder().decode(Envelope<P>.self, from: json).params
        }

        private struct Envelope<T: Decodable>: Decodable { var params: T }
    }

    private struct State {
        var nextID = 1
        var pending: [Int: CheckedContinuation<Data, any Error>] = [:]
        var closed: (any Error)?
    }

    private let state = Mutex(State())
    private let outgoing: AsyncStream<String>.Continuation
    private let onEvent: @Sendable (Event) -> Void
    private let task = Mutex<Task<Void, Never>?>(nil)

    /// Connects to `endpoint` and returns once the WebSocket is open.
    static func open(_ endpoint: String, onEvent: @escaping @Sendable (Event) -> Void) async throws -> DevToolsConnection {
        let (stream, continuation) = AsyncStream<String>.makeStream()
        let connection = DevToolsConnection(outgoing: continuation, onEvent: onEvent)
        let (opened, openedContinuation) = AsyncStream<Result<Void, any Error>>.makeStream()
        let task = Task {
            var logger = Logger(label: "policysite.scan.devtools")
            logger.logLevel = .critical
            // DevTools answers can be megabytes (a page's cookies, a large evaluation).
            let configuration = WebSocketClientConfiguration(maxFrameSize: 1 << 26)
            do {
                try await WebSocketClient.connect(url: endpoint, configuration: configuration, logger: logger) { inbound, outbound, _ in
                    openedContinuation.yield(.success(()))
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        group.addTask {
                            for await text in stream { try await outbound.write(.text(text)) }
                        }
                        for try await message in inbound.messages(maxSize: 1 << 26) {
                            if case .text(let text) = message { connection.receive(Data(text.utf8)) }
                        }
                        group.cancelAll()
                    }
                }
                connection.fail(ProtocolError(description: "the browser closed its DevTools connection"))
            } catch {
                openedContinuation.yield(.failure(error))
                connection.fail(ProtocolError(description: "the DevTools connection failed: \(error)"))
            }
            openedContinuation.finish()
        }
        connection.task.withLock { $0 = task }
        for await result in opened {
            try result.get()
            return connection
        }
        throw ProtocolError(description: "the DevTools connection to \(endpoint) closed before it opened")
    }

    private init(outgoing: AsyncStream<String>.Continuation, onEvent: @escaping @Sendable (Event) -> Void) {
        self.outgoing = outgoing
        self.onEvent = onEvent
    }

    /// `send` for a command without parameters.
    func send<R: Decodable>(_ method: String, session: String? = nil, as type: R.Type, timeout: Double = 30) async throws -> R {
        try await send(method, Empty(), session: session, as: type, timeout: timeout)
    }

    /// `send` for a command without parameters whose answer does not matter (`Network.enable`).
    func send(_ method: String, session: String? = nil) async throws {
        _ = try await send(method, Empty(), session: session, as: Empty.self)
    }

    /// Sends `method` and returns its `result`, decoded as `R`.
    func send<R: Decodable>(
        _ method: String, _ params: some Encodable & Sendable, session: String? = nil, as type: R.Type, timeout: Double = 30
    ) async throws -> R {
        let id = state.withLock { state -> Int in
            defer { state.nextID += 1 }
            return state.nextID
        }
        let command = Command(id: id, method: method, params: params, sessionId: session)
        let text = String(decoding: try JSONEncoder().encode(command), as: UTF8.self)
        let timer = Task { [weak self] in
            try await Task.sleep(for: .seconds(timeout))
            self?.finish(id, .failure(ProtocolError(description: "the browser did not answer \(method) within \(Int(timeout)) s")))
        }
        defer { timer.cancel() }
        let data = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Data, any Error>) in
            let closed = state.withLock { state -> (any Error)? in
                if let closed = state.closed { return closed }
                state.pending[id] = continuation
                return nil
            }
            if let closed {
                continuation.resume(throwing: closed)
            } else {
                outgoing.yield(text)
            }
        }
        let answer = try JSONDecoder().decode(Answer<R>.self, from: data)
        if let error = answer.error { throw ProtocolError(description: "\(method): \(error.message)") }
        guard let result = answer.result else { throw ProtocolError(description: "\(method) answered without a result") }
        return result
    }

    func close() {
        outgoing.finish()
        task.withLock { $0 }?.cancel()
        fail(ProtocolError(description: "the DevTools connection was closed"))
    }

    private func receive(_ data: Data) {
        guard let head = try? JSONDecoder().decode(Head.self, from: data) else { return }
        if let id = head.id {
            finish(id, .success(data))
        } else if let method = head.method {
            onEvent(Event(method: method, sessionId: head.sessionId, json: data))
        }
    }

    private func finish(_ id: Int, _ result: Result<Data, any Error>) {
        let continuation = state.withLock { $0.pending.removeValue(forKey: id) }
        continuation?.resume(with: result)
    }

    private func fail(_ error: any Error) {
        let waiting = state.withLock { state -> [CheckedContinuation<Data, any Error>] in
            if state.closed == nil { state.closed = error }
            defer { state.pending.removeAll() }
            return Array(state.pending.values)
        }
        for continuation in waiting { continuation.resume(throwing: error) }
    }

    struct Empty: Codable, Sendable {}

    private struct Command<P: Encodable>: Encodable {
        var id: Int
        var method: String
        var params: P
        var sessionId: String?
    }

    private struct Head: Decodable {
        var id: Int?
        var method: String?
        var sessionId: String?
    }

    private struct Answer<R: Decodable>: Decodable {
        struct Failure: Decodable { var message: String }
        var result: R?
        var error: Failure?
    }
}
