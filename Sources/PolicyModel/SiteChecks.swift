import Foundation

/// Checks across the languages of one company: a translation must state the same cookie
/// categories and rights as its source, and should not lag behind its version.
public enum TranslationChecks {
    public static func check(_ site: Site) -> [Diagnostic] {
        site.companies.flatMap { company -> [Diagnostic] in
            guard let source = company.source else { return [] }
            var diagnostics: [Diagnostic] = []
            for language in company.languages where language != company.defaultLanguage {
                guard let translation = company.policies[language] else { continue }
                diagnostics += compare(translation, with: source)
            }
            diagnostics += ArchiveChecks.check(company)
            return diagnostics
        }
    }

    static func compare(_ translation: PolicyDocument, with source: PolicyDocument) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let ours = translation.frontMatter, theirs = source.frontMatter
        if ours.version < theirs.version {
            diagnostics.append(
                .warning(
                    "stale-translation", at: translation.location(of: "version"),
                    "translation is version \(ours.version) but the \(source.language) source is version \(theirs.version)",
                    expected: "expected the translation updated to \(theirs.version) (its page says it may be out of date)"))
        } else if theirs.version < ours.version {
            diagnostics.append(
                .warning(
                    "translation-ahead", at: translation.location(of: "version"),
                    "translation is version \(ours.version), newer than the \(source.language) source (\(theirs.version))",
                    expected: "expected the source language to be updated first"))
        }
        let ourCategories = ours.cookies.map(\.category.id), theirCategories = theirs.cookies.map(\.category.id)
        if Set(ourCategories) != Set(theirCategories) {
            diagnostics.append(
                .error(
                    "translation-mismatch", at: translation.location(of: "cookies"),
                    "cookie categories differ from \(source.path)\(differences(ourCategories, theirCategories))",
                    expected: "expected the same categories as the source: \(theirCategories.joined(separator: ", "))"))
        }
        let ourRights = ours.rights?.rights.map(\.rawValue) ?? [], theirRights = theirs.rights?.rights.map(\.rawValue) ?? []
        if Set(ourRights) != Set(theirRights) {
            diagnostics.append(
                .error(
                    "translation-mismatch", at: translation.location(of: "rights"),
                    "rights differ from \(source.path)\(differences(ourRights, theirRights))",
                    expected: "expected the same rights as the source: \(theirRights.joined(separator: ", "))"))
        }
        return diagnostics
    }

    private static func differences(_ ours: [String], _ theirs: [String]) -> String {
        let missing = theirs.filter { !ours.contains($0) }, extra = ours.filter { !theirs.contains($0) }
        var parts: [String] = []
        if !missing.isEmpty { parts.append("missing \(missing.joined(separator: ", "))") }
        if !extra.isEmpty { parts.append("extra \(extra.joined(separator: ", "))") }
        return parts.isEmpty ? "" : " (" + parts.joined(separator: "; ") + ")"
    }
}

extension ArchivedVersion {
    /// The one definition of an archive's hash, used by `publish` when it records a version and
    /// by every load that verifies one: a line `<file> <sha256>` per file, sorted, hashed.
    public static func archiveHash(policies: [LanguageCode: String], company: String?) -> String {
        var lines = policies.keys.sorted().map { "\($0.rawValue)/privacy.md \(policies[$0]!)\n" }
        if let company { lines.append("company.yml \(company)\n") }
        return sha256Hex(Data(lines.joined().utf8))
    }
}

private func isSHA256(_ text: String) -> Bool {
    text.utf8.count == 64 && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
}

/// Published versions never change: each archived folder must match the hash `publish`
/// recorded in the changelog, and the two must name the same versions.
enum ArchiveChecks {
    static func check(_ company: Company) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let changelogPath = joinPath(company.folder, "changelog.yml")
        for archived in company.archive {
            guard let entry = company.changelog.entry(for: archived.version) else {
                diagnostics.append(
                    .error(
                        "unrecorded-version", at: SourceLocation(file: archived.folder),
                        "archived version \(archived.version) has no changelog entry",
                        expected: "expected versions/ to be written only by `policysite publish`, which records each version in changelog.yml"))
                continue
            }
            if !isSHA256(entry.archiveHash) {
                // Not a hash at all: the changelog was edited, not the archive.
                diagnostics.append(
                    .error(
                        "bad-archive-hash", at: SourceLocation(file: changelogPath),
                        "the archive_hash recorded for version \(archived.version) is not a SHA-256 (64 lowercase hexadecimal digits)",
                        expected: "expected the value `policysite publish` wrote: restore \(changelogPath) (e.g. `git checkout -- \(changelogPath)`)"))
            } else if entry.archiveHash != archived.contentHash {
                // Either side may have been edited; only the history can tell which.
                let file = archived.policies.values.map(\.path).sorted().first ?? archived.folder
                diagnostics.append(
                    .error(
                        "archive-modified", at: SourceLocation(file: file),
                        "archived version \(archived.version) was changed after it was published (its files no longer match the archive_hash in \(changelogPath))",
                        expected:
                            "expected published versions to stay as they are: restore whichever of \(archived.folder) and that archive_hash was edited (`git diff -- \(archived.folder) \(changelogPath)` shows which) and publish changes as a new version"
                    ))
            }
        }
        for entry in company.changelog.entries where !company.archive.contains(where: { $0.version == entry.version }) {
            diagnostics.append(
                .error(
                    "missing-archive", at: SourceLocation(file: changelogPath),
                    "changelog entry \(entry.version) has no archived copy in versions/\(entry.version)/",
                    expected: "expected every published version to stay in versions/; restore it from version control"))
        }
        return diagnostics
    }
}
