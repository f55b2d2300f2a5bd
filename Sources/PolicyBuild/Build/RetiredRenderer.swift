public import Foundation
public import PolicyRender

/// A chunk's renderer, freed on another thread while the next chunk loads. Its caches (each
/// version's field tree and sentences for the diffs, the section values) are a chunk's worth of
/// small objects, and freeing them where the renderer went out of scope would hold up the next
/// chunk on one core. Nothing reads a retired renderer: it is only released.
final class RetiredRenderer: @unchecked Sendable {
    // `@unchecked`: `renderer` is set in `init` and cleared once, by the one task that owns it.
    private var renderer: SiteRenderer?

    private init(_ renderer: consuming SiteRenderer) { self.renderer = renderer }

    static func release(_ renderer: consuming SiteRenderer) {
        let retired = RetiredRenderer(renderer)
        DispatchQueue.global().async { retired.renderer = nil }
    }
}
