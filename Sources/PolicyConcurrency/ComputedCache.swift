import Synchronization

/// Values computed once per key and shared across threads (rendered Markdown, diff sections),
/// keyed by content hash. The lock is not held while computing, so two threads may compute the
/// same value once each; both results are equal.
public final class ComputedCache<Value: Sendable>: Sendable {
    private let entries = Mutex<[String: Value]>([:])

    public init() {}

    public func value(for key: String, compute: () -> Value) -> Value {
        if let cached = entries.withLock({ $0[key] }) { return cached }
        let value = compute()
        entries.withLock { $0[key] = value }
        return value
    }
}
