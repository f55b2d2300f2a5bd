import Foundation

/// A serial executor on a dispatch queue (SE-0392), for actors whose methods block.
final class BuildQueue: SerialExecutor {
    private static let marker = DispatchSpecificKey<Bool>()
    private let queue: DispatchQueue = {
        let queue = DispatchQueue(label: "policysite.preview-builds", qos: .userInitiated)
        queue.setSpecific(key: BuildQueue.marker, value: true)
        return queue
    }()

    /// True on the build queue's thread (a test checks the session runs there).
    static var isCurrent: Bool { DispatchQueue.getSpecific(key: marker) == true }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedSerialExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }

    func asUnownedSerialExecutor() -> UnownedSerialExecutor { UnownedSerialExecutor(ordinary: self) }
}
