import Foundation
public import PolicyDiagnostics
public import PolicyFiles
import PolicyModel
import PolicyText
import PolicyYAML

/// `[[TODO: …]]` marks text that `policysite new` wrote for a person to replace. A placeholder
/// is valid content, so a new site builds and previews at once; `check` lists every one that is
/// left, and `publish` refuses a text that still has one, because a published version is a
/// legal record that never changes.
public enum Placeholder {
    public static let opening = "[[TODO"

    /// `[[TODO: what to write]]`, quoted for YAML when `quoted` (YAML would read `[[…]]` as a list).
    public static func text(_ instruction: String, quoted: Bool = false) -> String {
        let marker = "\(opening): \(instruction)]]"
        return quoted ? yamlQuoted(marker) : marker
    }

    /// Every placeholder in `text` (YAML comments included), as `file:line:column` problems.
    public static func find(in text: String, file: String) -> [Diagnostic] {
        // Nearly every file has none: its bytes tell, without splitting it into lines and
        // searching each through Foundation. The marker is ASCII letters and
        // brackets, which no other sequence of scalars is equivalent to, so no bytes, no match.
        guard hasMarker(text) else { return [] }
        var found: [Diagnostic] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let range = rest.range(of: opening) {
                let end = line[range.upperBound...].range(of: "]]")?.upperBound ?? line.endIndex
                let column = line.distance(from: line.startIndex, to: range.lowerBound) + 1
                found.append(
                    .error(
                        .placeholder, at: SourceLocation(file: file, line: index + 1, column: column),
                        "placeholder left: \(line[range.lowerBound..<end])",
                        expected: "expected the real text in its place; `policysite publish` refuses a policy with placeholders"))
                rest = line[end...]
            }
        }
        return found
    }

    /// Whether the marker's bytes are in `text` (`holdsBytes`: the generic `firstRange(of:)`
    /// on a UTF-8 view walks it by index and took longer than the search it was to spare).
    static func hasMarker(_ text: String) -> Bool { text.holdsBytes(of: opening) }

    /// The placeholders in the files people edit under `contentPath`: site.yml, each company's
    /// company.yml and current policies (archived versions are never edited).
    public static func scan(contentPath: String, fileSystem: any FileSystem = LocalFileSystem()) -> [Diagnostic] {
        var files = [ContentLayout.site(in: contentPath)]
        for company in (try? fileSystem.contentsOfDirectory(contentPath)) ?? [] where !company.hasPrefix(".") {
            let folder = joinPath(contentPath, company)
            guard fileSystem.isDirectory(folder) else { continue }
            files.append(ContentLayout.company(in: folder))
            for language in (try? fileSystem.contentsOfDirectory(folder)) ?? [] where language != ContentLayout.versionsFolder && !language.hasPrefix(".") {
                files.append(ContentLayout.policy(in: folder, language: language))
            }
        }
        return files.flatMap { path -> [Diagnostic] in
            guard fileSystem.fileExists(path), let data = try? fileSystem.readFile(path) else { return [] }
            return find(in: String(decoding: data, as: UTF8.self), file: path)
        }
    }
}
