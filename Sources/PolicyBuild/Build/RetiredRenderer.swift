public import Foundation
public import PolicyRender
import Synchronization

/// A chunk's renderer, freed on another thread while the next chunk loads. Its caches (each
/// version's field tree and sentences for the diffs, the section values) are a chunk's worth of
/// small objects, and freeing them where the renderer went out of scope would hold up the next
/// chunk on one core. Nothing reads a retired renderer: it is only released.
final class RetiredRenderer: Sendable {
    // Behind a lock only to say so to the compiler: one task sets it and clears it, once.
    private let renderer: Mutex<SiteRenderer?>

    private init(_ renderer: consuming SiteRenderer) { self.renderer = Mutex(renderer) }

    static func release(_ renderer: consuming SiteRenderer) {
        let retired = RetiredRenderer(renderer)
        DispatchQueue.global().async { retired.renderer.withLock { $0 = nil } }
    }
}
