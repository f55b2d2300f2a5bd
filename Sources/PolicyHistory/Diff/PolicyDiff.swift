public import PolicyMarkdown
public import PolicyModel

/// What changed between two versions of a policy in one language: every field of the front
/// matter and of the company's facts, and the prose section by section.
public struct PolicyDiff: Sendable, Equatable {
    public var from: PolicyVersionNumber
    public var to: PolicyVersionNumber
    /// Field changes; company facts have paths starting with `company`.
    public var fields: [FieldChange]
    public var sections: [SectionDiff]
    /// How the two sides are named in headers; the version numbers unless set.
    public var fromLabel: String
    public var toLabel: String

    public var isEmpty: Bool { fields.isEmpty && sections.allSatisfy { !$0.hasChanges } }

    /// Fields stamped by `publish` on every version; the header says them instead.
    static let stampedFields: Set<String> = ["version", "last_updated"]

    /// Compares two texts of a policy. `oldCompany`/`newCompany` are the company facts each
    /// version was published with; `prose` gives a text's sections (the site passes its cache,
    /// built from the page's own rendering, so the diff and the page agree on section ids) and
    /// `fields` its front matter as compared (`fieldTree`; the site caches it too).
    public init(
        from old: PolicyDocument, to new: PolicyDocument, oldCompany: CompanyInfo? = nil, newCompany: CompanyInfo? = nil,
        prose: (PolicyDocument) -> [ProseSection] = { MarkdownRenderer().render($0.body).outline.map(ProseSection.init) },
        fields tree: (PolicyDocument) -> DataTree = { PolicyDiff.fieldTree($0.frontMatter) }
    ) {
        from = old.frontMatter.version
        to = new.frontMatter.version
        fromLabel = from.description
        toLabel = to.description
        fields = FieldDiff.changes(from: tree(old), to: tree(new))
        if let oldCompany, let newCompany {
            fields += FieldDiff.changes(from: DataTree.of(oldCompany), to: DataTree.of(newCompany), at: [.field("company")])
        }
        sections = ProseDiff.sections(from: prose(old), to: prose(new))
    }

    /// A front matter as diffs compare it: every field but those `publish` stamps.
    public static func fieldTree(_ frontMatter: PolicyFrontMatter) -> DataTree {
        let tree = DataTree.of(frontMatter)
        guard case .map(let entries) = tree else { return tree }
        return .map(entries.filter { !stampedFields.contains($0.key) })
    }
}
