public import Foundation
import Synchronization

/// Parallel map over both cores for CPU-bound, independent work (parsing, rendering).
public enum ConcurrentMap {
    public static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        let results = ResultSlots<R>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            results.set(index, transform(items[index]))
        }
        return results.values
    }
}

/// Write-once slots filled from concurrent iterations; each index is written by exactly one.
final class ResultSlots<R: Sendable>: Sendable {
    private let storage: Mutex<[R?]>

    init(count: Int) { storage = Mutex(Array(repeating: nil, count: count)) }

    func set(_ index: Int, _ value: R) {
        storage.withLock { $0[index] = value }
    }

    var values: [R] { storage.withLock { $0.map { $0! } } }
}
