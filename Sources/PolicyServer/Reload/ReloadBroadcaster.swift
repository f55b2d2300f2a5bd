public import Foundation
import Synchronization

/// Fans reload events out to every connected browser. Each subscriber gets its own stream;
/// a browser that went away is dropped when writing to it fails (see `PreviewServer`).
public final class ReloadBroadcaster: Sendable {
    private struct State {
        var subscribers: [UUID: AsyncStream<ReloadEvent>.Continuation] = [:]
        var finished = false
    }

    private let state = Mutex(State())

    public init() {}

    public func subscribe() -> (id: UUID, events: AsyncStream<ReloadEvent>) { subscribe(limit: .max)! }

    /// A new subscription, or nil when `limit` subscribers are already listening.
    public func subscribe(limit: Int) -> (id: UUID, events: AsyncStream<ReloadEvent>)? {
        let id = UUID()
        // Only the newest event matters to a browser that is busy reloading.
        let (stream, continuation) = AsyncStream.makeStream(of: ReloadEvent.self, bufferingPolicy: .bufferingNewest(1))
        let accepted = state.withLock { state -> Bool in
            guard !state.finished else { return true }
            guard state.subscribers.count < limit else { return false }
            state.subscribers[id] = continuation
            return true
        }
        guard accepted else { return nil }
        if state.withLock({ $0.finished }) { continuation.finish() }
        return (id, stream)
    }

    public func unsubscribe(_ id: UUID) {
        state.withLock { $0.subscribers.removeValue(forKey: id) }?.finish()
    }

    public func send(_ event: ReloadEvent) {
        for continuation in state.withLock({ Array($0.subscribers.values) }) { continuation.yield(event) }
    }

    public var subscriberCount: Int { state.withLock { $0.subscribers.count } }

    /// Ends every stream, so open event requests complete and the server can shut down.
    public func finishAll() {
        let targets = state.withLock { state in
            state.finished = true
            defer { state.subscribers = [:] }
            return Array(state.subscribers.values)
        }
        for continuation in targets { continuation.finish() }
    }
}
