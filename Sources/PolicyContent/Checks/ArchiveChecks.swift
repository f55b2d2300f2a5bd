import PolicyDiagnostics
import PolicyModel

private func isSHA256(_ text: String) -> Bool {
    text.utf8.count == 64 && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
}

/// Published versions never change: each archived folder must match the hash `publish`
/// recorded in the changelog, and the two must name the same versions.
enum ArchiveChecks {
    static func check(_ company: Company) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let changelogPath = ContentLayout.changelog(in: company.folder)
        for archived in company.archive {
            guard let entry = company.changelog.entry(for: archived.version) else {
                diagnostics.append(
                    .error(
                        .unrecordedVersion, at: SourceLocation(file: archived.folder),
                        "archived version \(archived.version) has no changelog entry",
                        expected: "expected versions/ to be written only by `policysite publish`, which records each version in changelog.yml"))
                continue
            }
            if !isSHA256(entry.archiveHash) {
                // Not a hash at all: the changelog was edited, not the archive.
                diagnostics.append(
                    .error(
                        .badArchiveHash, at: SourceLocation(file: changelogPath),
                        "the archive_hash recorded for version \(archived.version) is not a SHA-256 (64 lowercase hexadecimal digits)",
                        expected: "expected the value `policysite publish` wrote: restore \(changelogPath) (e.g. `git checkout -- \(changelogPath)`)"))
            } else if entry.archiveHash != archived.contentHash {
                // Either side may have been edited; only the history can tell which.
                let file = archived.policies.values.map(\.path).sorted().first ?? archived.folder
                diagnostics.append(
                    .error(
                        .archiveModified, at: SourceLocation(file: file),
                        "archived version \(archived.version) was changed after it was published (its files no longer match the archive_hash in \(changelogPath))",
                        expected:
                            "expected published versions to stay as they are: restore whichever of \(archived.folder) and that archive_hash was edited (`git diff -- \(archived.folder) \(changelogPath)` shows which) and publish changes as a new version"
                    ))
            }
        }
        for entry in company.changelog.entries where !company.archive.contains(where: { $0.version == entry.version }) {
            diagnostics.append(
                .error(
                    .missingArchive, at: SourceLocation(file: changelogPath),
                    "changelog entry \(entry.version) has no archived copy in versions/\(entry.version)/",
                    expected: "expected every published version to stay in versions/; restore it from version control"))
        }
        return diagnostics
    }
}
