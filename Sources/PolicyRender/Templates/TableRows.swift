import Foundation
import Mustache
import PolicyDiagnostics
import PolicyModel
import PolicyTranslations

/// Table rows rendered once per build and reused on every page that shows them.
///
/// A policy's cookies are listed on its page, on its cookies page, and on the page of every
/// published version, nearly all of them unchanged from one version to the next; so a build
/// rendered each row five times or more, at eight template lookups a row, and swift-mustache
/// pays about a microsecond a lookup. A theme that has a row partial (`cookie-row`) gets each
/// table's rows as HTML (`rows_html`), each row rendered through that partial once per build for a
/// given text and language. The contract that makes this safe: a row partial is rendered on
/// its own, so it sees the row's values (and `t`) only, never the page around it. The row
/// values stay in the data too, for themes that loop over them.
final class TableRows: Sendable {
    private let rendered = RenderedFragments()

    /// The rows through `template`, one after the other; nil when the theme has no such partial
    /// or there are no rows (an empty string would be pruned to `false`, which `{{{…}}}` prints).
    /// `table` holds the table's values a row partial may use too (which columns it has).
    func html(
        _ rows: [[String: Any]], template: String, table: [String: Any] = [:], theme: Theme, language: LanguageCode, strings: UIStringTree
    ) -> String? {
        guard !rows.isEmpty, theme.library.getTemplate(named: template) != nil else { return nil }
        var html = ""
        for row in rows {
            // The theme check (`problems`) holds row partials to these names; a row with others
            // would let a partial use a value the check calls unknown.
            assert(Set(row.keys).union(table.keys).isSubset(of: Self.values[template] ?? []), "\(template) rows have \(row.keys.sorted())")
            let values = pruned(row.merging(table) { own, _ in own })
            let render = {
                var context = values
                context["lang"] = language.rawValue
                context["t"] = strings
                return theme.render(context, template: template)
            }
            guard let key = Self.key(values, template: template, language: language) else {
                html += render()
                continue
            }
            html += rendered.html(for: key, render: render)
        }
        return html
    }

    /// Everything a row renders from: the partial, the language and each value, as a section's
    /// key is made. Values are the strings and flags `PolicySections` makes; a row holding
    /// anything else is not kept.
    static func key(_ values: [String: Any], template: String, language: LanguageCode) -> SectionBlocks.Key? {
        guard values.values.allSatisfy({ $0 is String || $0 is Bool }) else { return nil }
        var context = values
        context["lang"] = language.rawValue
        return SectionBlocks.Key(context, of: template)
    }
}

extension TableRows {
    /// What each row partial sees besides `t`: its row's values and its table's columns. A row
    /// partial is rendered on its own, so any other name renders as nothing on every page.
    static let values: [String: Set<String>] = [
        "cookie-row": ["name", "provider", "purpose", "duration", "path"],
        "third-party-row": [
            "name", "purpose", "role", "processing_location", "corporate_location", "privacy_policy", "has_role", "has_processing",
            "has_corporate", "has_location",
        ],
    ]

    /// Names a row partial uses that its rows do not have (`{{page_title}}` in `cookie-row`), as
    /// errors at the template; nothing for other templates, or one that changes delimiters.
    static func problems(template: String, text: String, path: String) -> [Diagnostic] {
        guard let known = values[template], !text.contains("{{=") else { return [] }
        var unknown: [String] = []
        for body in Theme.tags(in: text) {
            let (sigil, lookup) = Theme.lookup(body)
            if let sigil, "!>$<".contains(sigil) { continue }
            let tag = String(lookup)
            let name = tag.split(separator: ".").first.map(String.init) ?? tag
            if name != "t", !tag.isEmpty, tag != ".", !known.contains(name), !unknown.contains(tag) { unknown.append(tag) }
        }
        return unknown.map { name in
            .error(
                "unknown-row-value", at: SourceLocation(file: path), "\(template).mustache uses '\(name)', which a row does not have",
                expected:
                    "expected only \(known.sorted().joined(separator: ", ")) and t.…: a row partial is rendered once per build on its own, without the page around it"
            )
        }
    }
}

extension SiteRenderer {
    /// Cookie categories (`PolicySections.cookies`) with each one's cookies as HTML rows
    /// (`rows_html`), when the theme has a `cookie-row` partial.
    func withRows(_ categories: [[String: Any]], language: LanguageCode) -> [[String: Any]] {
        categories.map { category in
            // A `[[String: String]]` casts too, converted dictionary by dictionary.
            let cookies = category["cookies"] as? [[String: Any]] ?? []
            guard let html = tableRows.html(cookies, template: "cookie-row", theme: theme, language: language, strings: strings(language)) else {
                return category
            }
            var category = category
            category["rows_html"] = html
            return category
        }
    }

    /// The recipients table (`PolicySections.recipients`) with its rows as HTML (`rows_html`),
    /// when the theme has a `third-party-row` partial; a row sees which columns the table has.
    func withRows(recipients: [String: Any], language: LanguageCode) -> [String: Any] {
        let rows = recipients["rows"] as? [[String: Any]] ?? []
        let columns = recipients.filter { $0.key.hasPrefix("has_") }
        guard let html = tableRows.html(rows, template: "third-party-row", table: columns, theme: theme, language: language, strings: strings(language))
        else { return recipients }
        var recipients = recipients
        recipients["rows_html"] = html
        return recipients
    }
}
