import Foundation
public import Mustache
import PolicyConcurrency
public import PolicyDiagnostics
public import PolicyFiles
public import PolicyModel
public import PolicyTranslations

/// A theme folder, `themes/<name>/`: Mustache templates compiled once per build, UI strings
/// per language, and static assets copied to `public/assets/`.
public struct Theme: Sendable {
    public let name: String
    public let directory: String
    public let library: MustacheLibrary
    /// The templates compiled once per language with that language's UI strings written in
    /// (`UIStringTemplates`); `library` renders the languages without their own UI strings.
    var localized: [LanguageCode: MustacheLibrary] = [:]
    public let translations: Translations
    /// Asset files, relative to `<directory>/assets`.
    public let assets: [String]
    /// The stylesheet's published, content-hashed name (`style.3f5a0c1b2d.css`).
    public var stylesheet = "style.css"

    /// Every asset to copy into the output: (source file, path under the output).
    public var assetCopies: [(source: String, destination: String)] {
        var copies = assets.map { (joinPath(directory, "assets", $0), joinPath("assets", $0)) }
        if stylesheet != "style.css" { copies.append((joinPath(directory, "assets", "style.css"), joinPath("assets", stylesheet))) }
        return copies
    }

    /// SHA-256 over the templates, UI strings and regimes: pages rendered with another theme text differ.
    public var fingerprint: String = ""

    /// Whether `policy.mustache` prints each block's section as `{{{data_html}}}`, which pages
    /// then render apart and share (`SectionBlocks`), and the names each section reads.
    var rendersSectionHTML = false
    var sectionReads: [String: Set<String>] = [:]

    /// The templates a theme must provide; each page kind renders one.
    /// The section templates are required too: a section the data has must never render as nothing.
    public static var requiredTemplates: [String] {
        ["layout", "home", "policy", "cookies", "rights", "contact", "not-found", "changelog", "diff"]
            + SiteRenderer.structuredSectionIDs.map { "section-" + $0 } + ["section-data"]
    }

    /// Loads and compiles a theme. With `languages`, only those get templates compiled with
    /// their UI strings written in; pages in any other language render from the shared library,
    /// with the same result, only slower.
    public static func load(
        themesDirectory: String, name: String, defaultLanguage: LanguageCode, languages: [LanguageCode]? = nil, fileSystem: any FileSystem = LocalFileSystem()
    ) -> (Theme?, [Diagnostic]) {
        let directory = joinPath(themesDirectory, name)
        guard fileSystem.isDirectory(directory) else {
            let available = ((try? fileSystem.contentsOfDirectory(themesDirectory)) ?? []).filter {
                !$0.hasPrefix(".") && fileSystem.isDirectory(joinPath(themesDirectory, $0))
            }
            let expected =
                available.isEmpty
                ? "no themes at all were found in \(themesDirectory)/; give the folder holding themes/<name>/ with --themes, or remove --themes to use the default theme built into policysite"
                : "expected one of the themes in \(themesDirectory)/: \(available.joined(separator: ", ")) (or give another folder with --themes)"
            return (
                nil,
                [
                    .error(
                        .unknownTheme, at: SourceLocation(file: "content/" + ContentLayout.siteFile), "theme '\(name)' not found at \(directory)",
                        expected: expected)
                ]
            )
        }
        var diagnostics: [Diagnostic] = []
        var library = MustacheLibrary()
        var hashed = Data()
        let templatesDirectory = joinPath(directory, "templates")
        var partials: [(user: String, partial: String)] = []
        var sources: [(name: String, text: String)] = []
        // Checked together once all are read: a template is held to the pages that include it.
        var checked: [(name: String, text: String, path: String)] = []
        // Templates there but unreadable, reported once as such rather than again as missing.
        var unreadable = Set<String>()
        for file in (try? fileSystem.contentsOfDirectory(templatesDirectory)) ?? [] where file.hasSuffix(".mustache") {
            let path = joinPath(templatesDirectory, file)
            guard let data = fileSystem.readFile(path, &diagnostics) else {
                unreadable.insert(String(file.dropLast(".mustache".count)))
                continue
            }
            guard let text = String(data: data, encoding: .utf8) else {
                unreadable.insert(String(file.dropLast(".mustache".count)))
                diagnostics.append(.error(.badEncoding, at: SourceLocation(file: path), "template is not valid UTF-8", expected: "expected UTF-8 text"))
                continue
            }
            hashed += Data(file.utf8) + data
            partials += partialNames(in: text).map { (path, $0) }
            do {
                // The pragma renders nothing; it selects the fast HTML escaping for this template.
                let template = String(file.dropLast(".mustache".count))
                try library.registerCompiled(FastHTMLContentType.pragma + text, named: template)
                sources.append((template, text))
                diagnostics += TableRows.problems(template: template, text: text, path: path)
                checked.append((template, text, path))
            } catch {
                diagnostics.append(
                    .error(.templateSyntax, at: SourceLocation(file: path), "template does not parse: \(error)", expected: "expected valid Mustache"))
            }
        }
        diagnostics += TemplateNames.problems(templates: checked)
        for required in requiredTemplates where library.getTemplate(named: required) == nil && !unreadable.contains(required) {
            diagnostics.append(
                .error(
                    .missingTemplate, at: SourceLocation(file: joinPath(templatesDirectory, "\(required).mustache")), "template is missing",
                    expected: "expected the theme to provide \(requiredTemplates.map { $0 + ".mustache" }.joined(separator: ", "))"))
        }
        // Mustache renders a missing partial as nothing; a theme that names one must have it.
        // A dynamic include may name any partial PolicySite puts in that value.
        for (user, partial) in partials {
            let targets: [String], include: String
            if partial.hasPrefix("*") {
                guard let named = dynamicPartials[String(partial.dropFirst())] else {
                    diagnostics.append(
                        .error(
                            .unknownPartialName, at: SourceLocation(file: user),
                            "{{>\(partial)}} names a value pages do not have, so it would include nothing",
                            expected: expectedOneOf(dynamicPartials.keys.sorted().map { "{{>*\($0)}}" })))
                    continue
                }
                (targets, include) = (named, "through {{>\(partial)}}")
            } else {
                (targets, include) = ([partial], "as {{> \(partial)}}")
            }
            for target in targets where library.getTemplate(named: target) == nil && !requiredTemplates.contains(target) {
                diagnostics.append(
                    .error(
                        .missingTemplate, at: SourceLocation(file: joinPath(templatesDirectory, "\(target).mustache")),
                        "template is missing (\((user as NSString).lastPathComponent) includes it \(include))",
                        expected: "expected the file, or the include removed"))
            }
        }
        let (translations, problems) = Translations.load(
            directory: ThemeLayout.strings(in: directory), defaultLanguage: defaultLanguage, fileSystem: fileSystem)
        diagnostics += problems
        if !translations.hasTable(for: defaultLanguage) {
            diagnostics.append(
                .error(
                    .missingUIStrings, at: SourceLocation(file: ThemeLayout.strings(in: directory, language: defaultLanguage)),
                    "the theme has no UI strings for the default language", expected: "expected this file; other languages fall back to it"))
        }
        let assets = listFiles(joinPath(directory, "assets"), fileSystem: fileSystem)
        // Assets are copied into the published site: one that cannot be read (a link out of the
        // themes folder, a pipe) stops the build here rather than when it is copied.
        for asset in assets { _ = fileSystem.readFile(joinPath(directory, "assets", asset), &diagnostics) }
        for file in ((try? fileSystem.contentsOfDirectory(ThemeLayout.strings(in: directory))) ?? []).sorted() {
            hashed += Data(file.utf8) + ((try? fileSystem.readFile(joinPath(ThemeLayout.strings(in: directory), file))) ?? Data())
        }
        // The regimes file decides rights sections and authorities on pages too.
        hashed += (try? fileSystem.readFile(ThemeLayout.jurisdictions(in: directory))) ?? Data()
        var theme = Theme(name: name, directory: directory, library: library, translations: translations, assets: assets)
        if !diagnostics.hasErrors { theme.localized = localizedLibraries(sources, translations: translations, languages: languages) }
        (theme.rendersSectionHTML, theme.sectionReads) = SectionReads.collect(Dictionary(sources.map { ($0.name, $0.text) }) { first, _ in first })
        // Pages link the stylesheet by a name that changes with its bytes, so a browser never
        // keeps an old stylesheet after a deploy. (`style.css` stays too, for other links.)
        if let css = try? fileSystem.readFile(joinPath(directory, "assets", "style.css")) {
            theme.stylesheet = "style.\(sha256Hex(css).prefix(10)).css"
            hashed += Data(theme.stylesheet.utf8)
        }
        theme.fingerprint = sha256Hex(hashed)
        return (diagnostics.hasErrors ? nil : theme, diagnostics)
    }

    init(name: String, directory: String, library: MustacheLibrary, translations: Translations, assets: [String]) {
        self.name = name
        self.directory = directory
        self.library = library
        self.translations = translations
        self.assets = assets
    }

    /// Renders `values` (a page model) with the templates compiled for `language` (the shared
    /// library without one).
    public func render(_ values: some MustacheParent, template: String, language: LanguageCode? = nil) -> String {
        (language.flatMap { localized[$0] } ?? library).render(values, withTemplate: template) ?? ""
    }

    /// One library per language with UI strings, the templates' `{{t.…}}` tags written in. A
    /// language whose templates do not compile that way is rendered from the shared library.
    static func localizedLibraries(
        _ sources: [(name: String, text: String)], translations: Translations, languages wanted: [LanguageCode]? = nil
    ) -> [LanguageCode: MustacheLibrary] {
        let escape = FastHTMLContentType().escapeText
        // One language per core, and only the site's: compiling a theme's templates six times
        // was most of a small site's build, and the start of every build runs on one core.
        let languages = translations.languages.filter { wanted?.contains($0) ?? true }
        let compiled = ConcurrentMap.map(languages) { language -> MustacheLibrary? in
            let tree = UIStringTree(translations, language: language)
            var library = MustacheLibrary()
            do {
                for (name, text) in sources {
                    try library.registerCompiled(FastHTMLContentType.pragma + UIStringTemplates.substitute(text, tree: tree, escape: escape), named: name)
                }
                return library
            } catch {
                return nil
            }
        }
        var libraries: [LanguageCode: MustacheLibrary] = [:]
        for (language, library) in zip(languages, compiled) { libraries[language] = library }
        return libraries
    }

    /// The values page data carries that name a partial, for dynamic includes
    /// (`{{>*layout_partial}}`), and every partial each may name: one lookup picks the partial,
    /// where testing a flag per kind was a lookup and a section per kind.
    public static var dynamicPartials: [String: [String]] {
        ["layout_partial": SiteRenderer.structuredSectionIDs.map { "section-" + $0 }]
    }

    /// The partials a template names (`{{> name}}`); a dynamic one keeps its `*` (`*layout_partial`).
    static func partialNames(in text: String) -> [String] {
        tags(in: text).filter { $0.hasPrefix(">") }.map { $0.dropFirst().trimmingCharacters(in: .whitespaces) }
    }

    /// The text inside each `{{…}}` tag of a template, in order, for the theme's checks (a
    /// triple-brace tag's inner `{` included). A `{{` inside a tag, such as in a comment, is
    /// part of that tag, as Mustache reads it.
    ///
    /// Scanned as UTF-8 bytes: braces are ASCII, and Foundation's `range(of:)` bridged every
    /// template to an `NSString` for each search, which made the checks a third of loading a theme.
    static func tags(in text: String) -> [Substring] {
        let brace = (open: UInt8(ascii: "{"), close: UInt8(ascii: "}"))
        var tags: [Substring] = []
        let bytes = text.utf8
        var tagStart: String.Index?
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let next = bytes.index(after: index)
            guard next < bytes.endIndex else { break }
            if let start = tagStart {
                if bytes[index] == brace.close && bytes[next] == brace.close {
                    tags.append(text[start..<index])
                    tagStart = nil
                    index = bytes.index(after: next)
                    continue
                }
            } else if bytes[index] == brace.open && bytes[next] == brace.open {
                tagStart = bytes.index(after: next)
                index = tagStart!
                continue
            }
            index = next
        }
        return tags
    }

    /// A tag's sigil (`#`, `^`, `/`, `&`, `{`, `>`, `!`, `=`, `$`, `<`, `%`; nil for a plain
    /// variable) and the name it looks up, braces and functions taken off: `company.name` for
    /// `{{#company.name}}`, `items` for `{{^empty(items)}}`, the innermost argument of `f(g(x))`.
    /// The theme's checks and the section reads read tags through this one place.
    static func lookup(_ tag: Substring) -> (sigil: Character?, name: Substring) {
        var body = tag.drop { $0 == " " || $0 == "\t" }
        var sigil: Character?
        if let first = body.first, "#^/&{>!=$<%".contains(first) {
            sigil = first
            body = body.dropFirst()
        }
        var name = Substring(body.trimmingCharacters(in: CharacterSet.whitespaces.union(CharacterSet(charactersIn: "}"))))
        while let open = name.firstIndex(of: "("), let close = name.lastIndex(of: ")"), open < close {
            name = name[name.index(after: open)..<close]
        }
        return (sigil, name)
    }

    private static func listFiles(_ directory: String, fileSystem: any FileSystem) -> [String] {
        var files: [String] = []
        for name in (try? fileSystem.contentsOfDirectory(directory)) ?? [] where !name.hasPrefix(".") {
            let path = joinPath(directory, name)
            if fileSystem.isDirectory(path) {
                files += listFiles(path, fileSystem: fileSystem).map { joinPath(name, $0) }
            } else {
                files.append(name)
            }
        }
        return files
    }
}
