public import PolicyModel
import PolicyYAML

/// Writes `changelog.yml` in a stable, readable shape.
enum ChangelogFile {
    static func render(_ changelog: Changelog) -> String {
        var text =
            "# yaml-language-server: $schema=../../schemas/changelog.schema.json\n# Written by `policysite publish`. Edit only summary, translations and changes;\n# archive_hash guards versions/<version>/ against later edits.\nentries:\n"
        for entry in changelog.entries {
            text += "  - version: \"\(entry.version)\"\n"
            text += "    date: \(entry.date)\n"
            text += "    summary: \(yamlQuoted(entry.summary))\n"
            if !entry.translations.isEmpty {
                text += "    translations:\n"
                for key in entry.translations.keys.sorted() { text += "      \(key): \(yamlQuoted(entry.translations[key]!))\n" }
            }
            if !entry.changes.isEmpty {
                text += "    changes:\n"
                for change in entry.changes { text += "      - \(yamlQuoted(change))\n" }
            }
            text += "    archive_hash: \(entry.archiveHash)\n"
        }
        return text
    }
}
