public import Foundation
import PolicyConcurrency
import PolicyHistory
public import PolicyMarkdown
public import PolicyModel
import PolicyText
import PolicyTranslations

/// Rendered Markdown bodies keyed by content hash, shared across pages and rebuilds: the
/// fallback pages and every rebuild reuse the HTML of unchanged policies.
public final class BodyCache: Sendable {
    private let entries = ComputedCache<RenderedMarkdown>()
    /// Bodies keep their words without markup (`plainText`), which only `check` reads.
    public let keepsPlainText: Bool

    public init(keepsPlainText: Bool = true) {
        self.keepsPlainText = keepsPlainText
    }

    func body(for document: PolicyDocument, allowRawHTML: Bool) -> RenderedMarkdown {
        entries.value(for: document.contentHash + (allowRawHTML ? "+raw" : "")) {
            Self.render(document, allowRawHTML: allowRawHTML, plainText: keepsPlainText)
        }
    }

    /// A policy's body as pages show it: its headings' ids never take a section's.
    static func render(_ document: PolicyDocument, allowRawHTML: Bool, plainText: Bool) -> RenderedMarkdown {
        MarkdownRenderer(allowRawHTML: allowRawHTML, reservedIDs: PolicyPages.sectionIDs, collectsPlainText: plainText).render(document.body)
    }
}
