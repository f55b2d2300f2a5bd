import Foundation
import PolicyDiagnostics
import PolicyFiles
import PolicyMarkdown
import PolicyModel
import PolicyYAML
import TestSupport
import Testing

@testable import PolicyRender

/// A theme that lacks a template a page needs is refused when it loads, naming the file,
/// instead of rendering that part of the page as nothing.
@Suite struct ThemeTests {
    static let themes = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("themes")

    func copy() throws -> URL {
        let folder = Scratch.directory.appendingPathComponent("theme-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.themes.appendingPathComponent("default"), to: folder.appendingPathComponent("default"))
        return folder
    }

    /// `text` added at the end of `template` in the theme copy at `folder`; the template's file.
    @discardableResult func appending(_ text: String, to template: String, in folder: URL) throws -> URL {
        let file = folder.appendingPathComponent("default/templates/\(template).mustache")
        try (try String(contentsOf: file, encoding: .utf8) + text).write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    func load(_ folder: URL) -> (Theme?, [Diagnostic]) {
        Theme.load(themesDirectory: folder.path, name: "default", defaultLanguage: LanguageCode("en")!)
    }

    @Test func theDefaultThemeHasEveryTemplate() throws {
        let (theme, problems) = load(Self.themes)
        #expect(theme != nil && problems.isEmpty, "\(problems)")
    }

    @Test func aMissingSectionTemplateIsAnErrorNamingTheFile() throws {
        let folder = try copy()
        try FileManager.default.removeItem(at: folder.appendingPathComponent("default/templates/section-retention.mustache"))
        let (theme, problems) = load(folder)
        #expect(theme == nil)
        #expect(problems.map(\.location.file) == [folder.appendingPathComponent("default/templates/section-retention.mustache").path])
        #expect(problems.first?.code == "missing-template")
    }

    @Test func aMissingPartialIsAnErrorNamingTheFileAndItsUser() throws {
        let folder = try copy()
        try appending("{{> site-footer }}\n", to: "layout", in: folder)
        let (theme, problems) = load(folder)
        #expect(theme == nil)
        #expect(problems.first?.location.file.hasSuffix("templates/site-footer.mustache") == true)
        #expect(problems.first?.message == "template is missing (layout.mustache includes it as {{> site-footer}})")
    }

    /// A dynamic include names its partial from page data; one naming a value pages do not
    /// have would include nothing, so it is an error that lists the names there are.
    @Test func aDynamicIncludeOfAnUnknownValueIsAnError() throws {
        let folder = try copy()
        let policy = try appending("{{>*layout_parts}}\n", to: "policy", in: folder)
        let (theme, problems) = load(folder)
        #expect(theme == nil)
        #expect(problems.map(\.code) == ["unknown-partial-name"])
        #expect(problems.first?.location.file == policy.path)
        #expect(problems.first?.expected == "expected one of: {{>*layout_partial}}")
    }

    /// A name no page model has renders as nothing on every page: the theme loads, with a
    /// warning at the tag's file, line and column, once per name.
    @Test func aNameNoPageHasIsAWarningAtItsLine() throws {
        let folder = try copy()
        let layout = try appending(
            "<p>{{titel}}</p>\n{{#company}}{{display_name}}{{/company}} {{^empty(entries)}}{{/empty(entries)}}{{titel}}\n", to: "layout", in: folder)
        let lines = try String(contentsOf: layout, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let (theme, problems) = load(folder)
        #expect(theme != nil)
        #expect(problems.map(\.code) == ["unknown-template-name"])
        #expect(problems.first?.severity == .warning)
        #expect(problems.first?.location == SourceLocation(file: layout.path, line: lines.count - 2, column: 4))
        #expect(problems.first?.message == "layout.mustache reads 'titel', which no page has, so it renders as nothing")
    }

    /// Every name the default theme's templates read is one the pages they are on answer.
    @Test func theDefaultThemeReadsOnlyNamesPagesHave() throws {
        let templates = Self.themes.appendingPathComponent("default/templates")
        var all: [(name: String, text: String, path: String)] = []
        for file in try FileManager.default.contentsOfDirectory(atPath: templates.path) where file.hasSuffix(".mustache") {
            let text = try String(contentsOf: templates.appendingPathComponent(file), encoding: .utf8)
            all.append((String(file.dropLast(".mustache".count)), text, file))
        }
        #expect(all.count > 20)
        let problems = TemplateNames.problems(templates: all)
        #expect(problems.isEmpty, "\(problems)")
        // And the check sees names at all: the list is not every name there is.
        #expect(!TemplateNames.problems(templates: all + [("probe", "{{nothing_has_this}}", "probe")]).isEmpty)
    }

    /// A name is held to the pages a template is on: `entries` is the changelog's, so the home
    /// page (and the `home.mustache` that reads it) renders it as nothing, where the check
    /// against every page together let it through.
    @Test func aNameOfAnotherPageKindIsAWarning() throws {
        let folder = try copy()
        let home = try appending("{{#entries}}{{/entries}}\n", to: "home", in: folder)
        try appending("{{#entries}}{{version}}{{/entries}}\n", to: "changelog", in: folder)
        let lines = try String(contentsOf: home, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let (theme, problems) = load(folder)
        #expect(theme != nil)
        #expect(problems.map(\.code) == ["unknown-template-name"])
        #expect(problems.first?.location == SourceLocation(file: home.path, line: lines.count - 1, column: 1))
        #expect(problems.first?.message == "home.mustache reads 'entries', which the pages it is on (home) do not have, so it renders as nothing")
    }

    /// A partial is held to every page that includes it: `company-header` is on company pages
    /// only, so it may read their frame's names but not the home page's.
    @Test func aPartialIsHeldToThePagesThatIncludeIt() throws {
        let folder = try copy()
        let header = try appending("{{version}}{{#companies}}{{/companies}}\n", to: "company-header", in: folder)
        let (theme, problems) = load(folder)
        #expect(theme != nil)
        #expect(problems.map(\.code) == ["unknown-template-name"])
        #expect(problems.first?.location.file == header.path)
        #expect(
            problems.first?.message
                == "company-header.mustache reads 'companies', which the pages it is on (changelog, contact, cookies, diff, policy, rights) do not have, so it renders as nothing"
        )
    }

    /// A row partial is rendered on its own: a name its rows do not have would print nothing
    /// on every page, so the theme check names it.
    @Test func aRowPartialUsingAPageValueIsAnError() throws {
        let folder = try copy()
        let row = try appending("<!-- {{policy_title}} {{{name}}} {{#t.cookies}}{{/t.cookies}} -->\n", to: "cookie-row", in: folder)
        let (theme, problems) = load(folder)
        #expect(theme == nil)
        #expect(problems.map(\.code) == ["unknown-row-value"])
        #expect(problems.first?.message == "cookie-row.mustache uses 'policy_title', which a row does not have")
        #expect(problems.first?.location.file == row.path)
    }

    /// The list of required section templates is the list of sections a page can have.
    @Test func everySectionAPageCanHaveHasARequiredTemplate() throws {
        let yaml = """
            title: T
            version: "1.0"
            effective: 2025-01-01
            last_updated: 2025-01-01
            data_collected: [{category: c}]
            purposes: [{purpose: p}]
            third_parties: [{name: n, purpose: p}]
            transfers: [{destination: d}]
            retention: [{data: d, period: 1 year}]
            cookies: [{category: essential, purpose: p}]
            rights: {items: [{right: access}]}
            children_min_age: 16
            sells_personal_data: false
            """
        let (decoded, problems) = StrictYAMLDecoder(file: "f").decode(PolicyFrontMatter.self, from: yaml)
        let front = try #require(decoded, "\(problems)")
        #expect(SiteRenderer.structuredSections(front).map(\.id) == SiteRenderer.structuredSectionIDs)
    }
}

/// Values are escaped by PolicySite's byte-level HTML escaping in every theme template. It also
/// closes a hole in the character-level one it replaces: a quote followed by a combining mark is
/// one Character, which that one left as it was, so a value could end an attribute.
@Suite struct HTMLEscapingTests {
    @Test func replacesTheFiveCharactersAndNothingElse() {
        #expect(escapeAttribute(#"a <b> & "c" 'd' é ش"#) == "a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39; é ش")
        #expect(escapeAttribute("plain text") == "plain text")
        #expect(escapeAttribute("\"\u{301} onmouseover=x") == "&quot;\u{301} onmouseover=x")
    }

    @Test func themeTemplatesUseIt() throws {
        let folder = try ThemeTests().copy()
        try "<a title=\"{{value}}\">x</a>\n".write(to: folder.appendingPathComponent("default/templates/probe.mustache"), atomically: true, encoding: .utf8)
        let (theme, problems) = ThemeTests().load(folder)
        let loaded = try #require(theme, "\(problems)")
        #expect(loaded.render(["value": "\"\u{301} onmouseover=alert(1)"], template: "probe") == "<a title=\"&quot;\u{301} onmouseover=alert(1)\">x</a>\n")
    }
}
