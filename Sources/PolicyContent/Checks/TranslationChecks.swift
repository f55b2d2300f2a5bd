public import PolicyDiagnostics
public import PolicyModel

/// Checks across the languages of one company: a translation must state the same structured
/// facts as its source (`StructuredFacts`), and should not lag behind its version.
public enum TranslationChecks {
    public static func check(_ site: Site) -> [Diagnostic] {
        site.companies.flatMap { company -> [Diagnostic] in
            guard let source = company.source else { return [] }
            var diagnostics: [Diagnostic] = []
            for language in company.languages where language != company.defaultLanguage {
                guard let translation = company.policies[language] else { continue }
                diagnostics += compare(translation, with: source, reference: reference(for: translation, source: source, in: company))
            }
            diagnostics += ArchiveChecks.check(company)
            return diagnostics
        }
    }

    /// What `translation` translates: the source as published at the translation's version when
    /// the source was edited since and the translation was not (the author changes the source
    /// first; `publish` then stamps only it, and the translation shows as out of date), else
    /// the source as it is.
    static func reference(for translation: PolicyDocument, source: PolicyDocument, in company: Company) -> PolicyDocument {
        let version = translation.frontMatter.version
        guard version == source.frontMatter.version, let published = company.archive.first(where: { $0.version == version }),
            let publishedSource = published.policies[source.language], publishedSource.contentHash != source.contentHash,
            published.policies[translation.language]?.contentHash == translation.contentHash
        else { return source }
        return publishedSource
    }

    static func compare(_ translation: PolicyDocument, with source: PolicyDocument, reference: PolicyDocument? = nil) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let ours = translation.frontMatter, theirs = source.frontMatter
        if ours.version < theirs.version {
            diagnostics.append(
                .warning(
                    .staleTranslation, at: translation.location(of: "version"),
                    "translation is version \(ours.version) but the \(source.language) source is version \(theirs.version)",
                    expected: "expected the translation updated to \(theirs.version) (its page says it may be out of date)"))
        } else if theirs.version < ours.version {
            diagnostics.append(
                .warning(
                    .translationAhead, at: translation.location(of: "version"),
                    "translation is version \(ours.version), newer than the \(source.language) source (\(theirs.version))",
                    expected: "expected the source language to be updated first"))
        }
        diagnostics += StructuredFacts(translation: translation, source: reference ?? source).differences()
        return diagnostics
    }
}
