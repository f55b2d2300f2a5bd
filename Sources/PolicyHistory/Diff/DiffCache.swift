import PolicyConcurrency
public import PolicyMarkdown
public import PolicyModel

/// What the diff pages of one build compare each text by, keyed by content hash: its sections
/// and sentences, and its front matter as a tree. A text compared with several others (every
/// version is, on a page per pair) is split and encoded once.
public final class DiffCache: Sendable {
    private let sections = ComputedCache<[ProseSection]>()
    private let trees = ComputedCache<DataTree>()

    public init() {}

    public func prose(of document: PolicyDocument, outline: (PolicyDocument) -> [OutlineSection]) -> [ProseSection] {
        sections.value(for: document.contentHash) { outline(document).map(ProseSection.init) }
    }

    public func fields(of document: PolicyDocument) -> DataTree {
        trees.value(for: document.contentHash) { PolicyDiff.fieldTree(document.frontMatter) }
    }
}
