import Foundation
import PolicyModel
import PolicyTranslations
import Synchronization

/// HTML fragments rendered once per build under their `FragmentKey` (sections, table
/// rows), shared by a build's pages. The lock is not held while rendering, so two threads may
/// render the same fragment once each; both results are equal.
final class RenderedFragments: Sendable {
    private let rendered = Mutex<[FragmentKey: String]>([:])

    func html(for key: FragmentKey, render: () -> String) -> String {
        if let html = rendered.withLock({ $0[key] }) { return html }
        let html = render()
        rendered.withLock { $0[key] = html }
        return html
    }

    /// How many fragments are kept (for tests: a fragment that made no key is never kept).
    var count: Int { rendered.withLock { $0.count } }
}
