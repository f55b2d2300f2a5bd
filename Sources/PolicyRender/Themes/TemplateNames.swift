import PolicyDiagnostics

/// The theme check that holds each template to the names of the pages it is rendered on: a
/// name none of them has renders as nothing there, which is most often a typo (`{{titel}}`),
/// a value a theme expects PolicySite to give, or one that belongs to another page kind
/// (`{{entries}}` in `policy.mustache`).
enum TemplateNames {
    /// The templates PolicySite renders, each with the value it renders it with (see the
    /// `render` calls in `Pages/`, `SectionBlocks` and `SiteRenderer`). Row partials are not
    /// here: `TableRows.problems` holds them to their rows' values, as errors.
    static let pages: [(template: String, shape: @Sendable () -> TemplateShape)] = [
        ("home", { HomePageModel.shape }),
        ("policy", { PolicyPageModel.shape }),
        ("cookies", { CookiesPageModel.shape }),
        ("rights", { RightsPageModel.shape }),
        ("contact", { ContactPageModel.shape }),
        ("changelog", { ChangelogPageModel.shape }),
        ("diff", { DiffPageModel.shape }),
        ("not-found", { NotFoundPageModel.shape }),
        // A policy page's section, rendered apart when the theme prints `{{{data_html}}}`.
        ("section-data", { SectionBlocks.Context.shape }),
    ]

    /// Every name a template rendered as `template` can find: its value's names, those of the
    /// values they give (which sections put on the context stack), and `t`.
    static let known: [String: Set<String>] = Dictionary(uniqueKeysWithValues: pages.map { ($0.template, $0.shape().reachableNames.union(["t"])) })

    /// Each name a template reads that none of the pages it is on has (through `{{> partial}}`,
    /// `{{>*layout_partial}}` and `{{< layout}}`), as a warning at its line and column. A template
    /// no page includes is held to the names of every page.
    static func problems(templates: [(name: String, text: String, path: String)]) -> [Diagnostic] {
        let texts = Dictionary(templates.map { ($0.name, $0.text) }) { first, _ in first }
        var onPages: [String: [String]] = [:]
        for page in pages.map(\.template) where texts[page] != nil {
            var seen: Set<String> = [page]
            var pending = [page]
            while let template = pending.popLast() {
                onPages[template, default: []].append(page)
                for included in includes(in: texts[template] ?? "") where texts[included] != nil && seen.insert(included).inserted {
                    pending.append(included)
                }
            }
        }
        let everyName = known.values.reduce(into: Set<String>()) { $0.formUnion($1) }
        let pageKinds = Set(pages.map(\.template)).subtracting(["section-data"])
        var problems: [Diagnostic] = []
        for template in templates where TableRows.values[template.name] == nil {
            let kinds = (onPages[template.name] ?? []).sorted()
            let names = kinds.isEmpty ? everyName : kinds.reduce(into: Set<String>()) { $0.formUnion(known[$1] ?? []) }
            let which = pageKinds.isSubset(of: kinds) || kinds.isEmpty ? "no page has" : "the pages it is on (\(kinds.joined(separator: ", "))) do not have"
            problems += unknown(in: template.text, known: names).map { name, line, column in
                .warning(
                    .unknownTemplateName, at: SourceLocation(file: template.path, line: line, column: column),
                    "\(template.name).mustache reads '\(name)', which \(which), so it renders as nothing",
                    expected: "expected a name PolicySite gives pages (see docs/themes.md), or the tag removed")
            }
        }
        return problems
    }

    /// The templates `text` includes: its partials, the partials a dynamic include may name,
    /// and the layout it extends.
    static func includes(in text: String) -> [String] {
        Theme.tags(in: text).flatMap { tag -> [String] in
            let (sigil, name) = Theme.lookup(tag)
            guard sigil == ">" || sigil == "<" else { return [] }
            return name.hasPrefix("*") ? (Theme.dynamicPartials[String(name.dropFirst())] ?? []) : [String(name)]
        }
    }

    /// Each name `text` reads that `known` lacks, once, with its line and column.
    static func unknown(in text: String, known: Set<String>) -> [(name: Substring, line: Int, column: Int)] {
        // A template that changes its delimiters reads names the tag scan cannot see.
        guard !text.contains("{{=") else { return [] }
        var unknown: [(name: Substring, line: Int, column: Int)] = []
        var reported: Set<String> = []
        for tag in Theme.tags(in: text) {
            let (sigil, name) = Theme.lookup(tag)
            if let sigil, "!>/$<%=".contains(sigil) { continue }
            guard name != ".", let head = name.split(separator: ".").first.map(String.init), !head.isEmpty else { continue }
            guard !known.contains(head), reported.insert(head).inserted else { continue }
            let before = text[..<tag.startIndex]
            let line = before.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
            let column = before.distance(from: before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex, to: before.endIndex) - 1
            unknown.append((name, line, column))
        }
        return unknown
    }
}
