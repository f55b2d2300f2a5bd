public import Foundation
public import PolicyModel

/// One message to open browsers, sent as a Server-Sent Event.
public struct ReloadEvent: Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// The site was rebuilt: reload the page.
        case reload
        /// The build failed: reload to show the error overlay.
        case failed
        /// Nothing happened: a comment line that browsers ignore. Writing it to a browser that
        /// went away fails, which frees its slot (see `PreviewServer.maxEventStreams`).
        case heartbeat
    }

    public var kind: Kind
    /// Counts builds, so a client (or a benchmark) can tell events apart.
    public var build: Int

    /// The event in the `text/event-stream` wire format.
    var wireFormat: String { kind == .heartbeat ? ": heartbeat\n\n" : "event: \(kind.rawValue)\ndata: \(build)\n\n" }
}

/// Fans reload events out to every connected browser. Each subscriber gets its own stream;
/// a browser that went away is dropped when writing to it fails (see `PreviewServer`).
public final class ReloadBroadcaster: @unchecked Sendable {
    private var subscribers: [UUID: AsyncStream<ReloadEvent>.Continuation] = [:]
    private var finished = false
    private let lock = NSLock()

    public init() {}

    public func subscribe() -> (id: UUID, events: AsyncStream<ReloadEvent>) { subscribe(limit: .max)! }

    /// A new subscription, or nil when `limit` subscribers are already listening.
    public func subscribe(limit: Int) -> (id: UUID, events: AsyncStream<ReloadEvent>)? {
        let id = UUID()
        // Only the newest event matters to a browser that is busy reloading.
        let (stream, continuation) = AsyncStream.makeStream(of: ReloadEvent.self, bufferingPolicy: .bufferingNewest(1))
        lock.lock()
        defer { lock.unlock() }
        if finished {
            continuation.finish()
        } else {
            guard subscribers.count < limit else { return nil }
            subscribers[id] = continuation
        }
        return (id, stream)
    }

    public func unsubscribe(_ id: UUID) {
        lock.lock()
        let continuation = subscribers.removeValue(forKey: id)
        lock.unlock()
        continuation?.finish()
    }

    public func send(_ event: ReloadEvent) {
        lock.lock()
        let targets = Array(subscribers.values)
        lock.unlock()
        for continuation in targets { continuation.yield(event) }
    }

    public var subscriberCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return subscribers.count
    }

    /// Ends every stream, so open event requests complete and the server can shut down.
    public func finishAll() {
        lock.lock()
        finished = true
        let targets = Array(subscribers.values)
        subscribers = [:]
        lock.unlock()
        for continuation in targets { continuation.finish() }
    }
}

/// The outcome of the latest build, read by every request without waiting for a rebuild in
/// progress: pages are served from the output folder, or replaced by the error overlay.
public final class PreviewStatus: @unchecked Sendable {
    private var failure: [Diagnostic]?
    private var builds = 0
    private let lock = NSLock()

    public init() {}

    /// The problems of the latest build when it failed; nil when it succeeded.
    public var currentFailure: [Diagnostic]? {
        lock.lock()
        defer { lock.unlock() }
        return failure
    }

    public var buildCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return builds
    }

    /// Records a finished build and returns its number.
    func record(failure: [Diagnostic]?) -> Int {
        lock.lock()
        defer { lock.unlock() }
        self.failure = failure
        builds += 1
        return builds
    }
}
