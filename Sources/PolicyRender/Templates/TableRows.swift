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
    let rendered = RenderedFragments()

    /// What a row partial renders from: its row, its table's columns, the page's language and
    /// its UI strings (nothing else of the page: a name the row lacks is not looked up further).
    struct Row<Values: TemplateModel & Hashable, Table: TemplateModel & Hashable>: TemplateValue {
        let page: RowPage
        let values: Values
        let table: Table?

        static var shape: TemplateShape { TemplateShape(names: [], yields: [], next: [{ RowPage.shape }, { Values.shape }, { Table.shape }]) }

        func child(named name: String) -> Any? {
            let key = TemplateKey(name)
            return page.child(named: key) ?? values.child(named: key) ?? table?.child(named: key)
        }
    }

    /// What a row sees of its page: the language and its UI strings.
    struct RowPage: TemplateModel {
        let language: LanguageCode
        let strings: UIStringTree

        static let fields = TemplateFields<Self>([
            "lang": .value { $0.language.rawValue },
            "t": .value { $0.strings },
        ])
    }

    /// The rows through `template`, one after the other; nil when the theme has no such partial
    /// or there are no rows (the template tests `rows_html` for presence).
    /// `table` holds the table's values a row partial may use too (which columns it has).
    func html<Values: TemplateModel & Hashable, Table: TemplateModel & Hashable>(
        _ rows: [Values], template: String, table: Table?, theme: Theme, language: LanguageCode, strings: UIStringTree
    ) -> String? {
        guard !rows.isEmpty, theme.library.getTemplate(named: template) != nil else { return nil }
        // The theme check (`problems`) holds row partials to these names; a row with others
        // would let a partial use a value the check calls unknown.
        assert(Values.names.union(Table.names).isSubset(of: Self.values[template] ?? []), "\(template) rows have \(Values.names.sorted())")
        var html = ""
        for values in rows {
            let row = Row(page: RowPage(language: language, strings: strings), values: values, table: table)
            let key = FragmentKey(name: template, language: language, values, table)
            html += rendered.html(for: key) { theme.render(row, template: template, language: language) }
        }
        return html
    }
}

extension TableRows {
    /// What each row partial sees besides `t`: its row's values and its table's columns. A row
    /// partial is rendered on its own, so any other name renders as nothing on every page.
    static let values: [String: Set<String>] = [
        "cookie-row": SectionModel.Cookie.names.union(NoColumns.names),
        "third-party-row": SectionModel.ThirdParty.names.union(SectionModel.Columns.names),
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
                .unknownRowValue, at: SourceLocation(file: path), "\(template).mustache uses '\(name)', which a row does not have",
                expected:
                    "expected only \(known.sorted().joined(separator: ", ")) and t.…: a row partial is rendered once per build on its own, without the page around it"
            )
        }
    }
}

/// A table without values of its own for its rows (the cookie tables).
struct NoColumns: TemplateModel, Hashable {
    static let fields = TemplateFields<Self>([:])
}

extension SiteRenderer {
    /// Cookie categories (`PolicySections.cookies`) with each one's cookies as HTML rows
    /// (`rows_html`), when the theme has a `cookie-row` partial.
    func withRows(_ categories: [SectionModel.CookieCategory], language: LanguageCode) -> [SectionModel.CookieCategory] {
        categories.map { category in
            guard
                let html = tableRows.html(
                    category.cookies, template: "cookie-row", table: NoColumns?.none, theme: theme, language: language, strings: strings(language))
            else { return category }
            var category = category
            category.rowsHTML = html
            return category
        }
    }

    /// The recipients table (`PolicySections.recipients`) with its rows as HTML (`rows_html`),
    /// when the theme has a `third-party-row` partial; a row sees which columns the table has.
    func withRows(recipients: SectionModel.Recipients, language: LanguageCode) -> SectionModel.Recipients {
        let columns = SectionModel.Columns(
            hasRole: recipients.hasRole, hasProcessing: recipients.hasProcessing, hasCorporate: recipients.hasCorporate,
            hasLocation: recipients.hasLocation)
        guard
            let html = tableRows.html(
                recipients.rows, template: "third-party-row", table: columns, theme: theme, language: language, strings: strings(language))
        else { return recipients }
        var recipients = recipients
        recipients.rowsHTML = html
        return recipients
    }
}
