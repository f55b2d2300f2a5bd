public import PolicyDiagnostics
import Synchronization

/// The outcome of the latest build, read by every request without waiting for a rebuild in
/// progress: pages are served from the output folder, or replaced by the error overlay.
public final class PreviewStatus: Sendable {
    private struct State {
        var failure: [Diagnostic]?
        var builds = 0
    }

    private let state = Mutex(State())

    public init() {}

    /// The problems of the latest build when it failed; nil when it succeeded.
    public var currentFailure: [Diagnostic]? { state.withLock { $0.failure } }

    public var buildCount: Int { state.withLock { $0.builds } }

    /// Records a finished build and returns its number.
    func record(failure: [Diagnostic]?) -> Int {
        state.withLock { state in
            state.failure = failure
            state.builds += 1
            return state.builds
        }
    }
}
