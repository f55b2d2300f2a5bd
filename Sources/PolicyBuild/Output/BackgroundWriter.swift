import Foundation
import PolicyRender

/// Writes batches of pages to a staging folder on its own thread, so writing one chunk of
/// companies (mostly file creation in the kernel) overlaps rendering the next. One batch is in
/// flight at a time: memory holds at most two chunks of pages.
final class BackgroundWriter: @unchecked Sendable {
    // @unchecked: `staging` and `failure` are touched only on `queue` while a batch is in
    // flight; the caller touches them again only after `drain`, which waits for that batch.
    private let staging: OutputWriter.Staging
    private let queue = DispatchQueue(label: "policysite.writer", qos: .userInitiated)
    private let group = DispatchGroup()
    private var failure: (any Error)?

    init(_ staging: OutputWriter.Staging) {
        self.staging = staging
    }

    /// Waits for the batch before (and throws its error), then starts writing `pages`.
    func submit(_ pages: [RenderedPage]) throws {
        try drain()
        group.enter()
        queue.async { [self] in
            defer { group.leave() }
            do { try staging.add(pages) } catch { failure = error }
        }
    }

    /// Waits until every batch is written; throws the first error.
    func drain() throws {
        group.wait()
        if let failure { throw failure }
    }
}
