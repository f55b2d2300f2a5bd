import Foundation
public import PolicyDiagnostics
public import PolicyFiles
public import PolicyModel
import PolicyYAML
import Yams

/// The theme's UI strings (`themes/<theme>/i18n/<lang>.yml`), nested YAML flattened to dotted
/// keys (`right.access`). The default language's file defines the keys; another language
/// missing one falls back to the default and the build warns.
public struct Translations: Sendable {
    public let defaultLanguage: LanguageCode
    private let tables: [LanguageCode: [String: String]]
    /// The same strings as nested in their files, for templates (`{{t.sections.cookies}}`):
    /// kept from the YAML rather than rebuilt from the dotted keys.
    private let trees: [LanguageCode: StringNode]

    /// A UI strings file's shape: text, or a group of named entries.
    indirect enum StringNode: Sendable {
        case text(String)
        case group([String: StringNode])

        /// This tree with `fallback`'s entries where it has none, as Mustache reads it.
        func merged(over fallback: StringNode?) -> Any {
            switch (self, fallback) {
            case (.text(let text), _): return text
            case (.group(let entries), .group(let defaults)?):
                var result: [String: Any] = [:]
                for (key, node) in defaults { result[key] = entries[key]?.merged(over: node) ?? node.merged(over: nil) }
                for (key, node) in entries where defaults[key] == nil { result[key] = node.merged(over: nil) }
                return result
            case (.group(let entries), _):
                return entries.mapValues { $0.merged(over: nil) }
            }
        }
    }

    public init(defaultLanguage: LanguageCode, tables: [LanguageCode: [String: String]]) {
        var trees: [LanguageCode: StringNode] = [:]
        for (language, table) in tables {
            var root: [String: StringNode] = [:]
            for (key, value) in table { Self.insert(value, at: key.split(separator: ".").map(String.init)[...], into: &root) }
            trees[language] = .group(root)
        }
        self.init(defaultLanguage: defaultLanguage, tables: tables, trees: trees)
    }

    private init(defaultLanguage: LanguageCode, tables: [LanguageCode: [String: String]], trees: [LanguageCode: StringNode]) {
        self.defaultLanguage = defaultLanguage
        self.tables = tables
        self.trees = trees
    }

    /// For tables given in code (tests); files keep their own nesting.
    private static func insert(_ value: String, at path: ArraySlice<String>, into node: inout [String: StringNode]) {
        guard let head = path.first else { return }
        if path.count == 1 {
            node[head] = .text(value)
        } else {
            var child: [String: StringNode] = [:]
            if case .group(let existing)? = node[head] { child = existing }
            insert(value, at: path.dropFirst(), into: &child)
            node[head] = .group(child)
        }
    }

    /// The nested strings of `language` over the default language's, for templates.
    package func templateTree(for language: LanguageCode) -> [String: Any] {
        let own = trees[language] ?? trees[defaultLanguage] ?? .group([:])
        return own.merged(over: language == defaultLanguage ? nil : trees[defaultLanguage]) as? [String: Any] ?? [:]
    }

    public var languages: [LanguageCode] { tables.keys.sorted() }

    /// Loads every `<lang>.yml` in `directory`.
    public static func load(directory: String, defaultLanguage: LanguageCode, fileSystem: any FileSystem) -> (Translations, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var tables: [LanguageCode: [String: String]] = [:]
        var trees: [LanguageCode: StringNode] = [:]
        for name in (try? fileSystem.contentsOfDirectory(directory)) ?? [] where name.hasSuffix(".yml") {
            let path = joinPath(directory, name)
            let code = String(name.dropLast(4))
            guard let language = LanguageCode(code) else {
                diagnostics.append(
                    .error(
                        .unknownLanguage, at: SourceLocation(file: path), "UI strings file for unknown language code '\(code)'",
                        expected: "expected files named like en.yml, fr.yml, ar.yml"))
                continue
            }
            guard let data = fileSystem.readFile(path, &diagnostics) else { continue }
            guard let text = String(data: data, encoding: .utf8) else {
                diagnostics.append(
                    .error(.badEncoding, at: SourceLocation(file: path), "UI strings are not valid UTF-8", expected: "expected a UTF-8 YAML file"))
                continue
            }
            let decoder = StrictYAMLDecoder(file: path)
            let (node, problems) = decoder.compose(text)
            diagnostics += problems
            guard let node else { continue }
            var table: [String: String] = [:]
            trees[language] = read(node, prefix: "", into: &table, file: path, &diagnostics)
            tables[language] = table
        }
        return (Translations(defaultLanguage: defaultLanguage, tables: tables, trees: trees), diagnostics)
    }

    /// The file's tree, and its strings by dotted key (`right.access`) for lookups from code.
    private static func read(_ node: Node, prefix: String, into table: inout [String: String], file: String, _ diagnostics: inout [Diagnostic]) -> StringNode {
        switch node {
        case .mapping(let mapping):
            var entries: [String: StringNode] = [:]
            for (key, value) in mapping {
                let name = key.string ?? ""
                entries[name] = read(value, prefix: prefix.isEmpty ? name : prefix + "." + name, into: &table, file: file, &diagnostics)
            }
            return .group(entries)
        case .scalar(let scalar):
            table[prefix] = scalar.string
            return .text(scalar.string)
        default:
            let line = node.mark?.line
            diagnostics.append(
                .error(
                    .wrongType, at: SourceLocation(file: file, line: line, column: node.mark?.column), "UI string '\(prefix)' is not text",
                    expected: "expected nested mappings of text"))
            return .group([:])
        }
    }

    /// Keys of the default language missing from `language` (plural forms the language does
    /// not use are not missing), each reported once per build.
    public func missingKeys(for language: LanguageCode) -> [String] {
        guard let reference = tables[defaultLanguage] else { return [] }
        let table = tables[language] ?? [:]
        return reference.keys.filter { table[$0] == nil }.sorted()
    }

    public func hasTable(for language: LanguageCode) -> Bool { tables[language] != nil }

    /// The strings one page uses: its language, falling back to the default language.
    public func strings(for language: LanguageCode) -> UIStrings {
        UIStrings(language: language, table: tables[language] ?? [:], fallback: tables[defaultLanguage] ?? [:])
    }

    /// Warnings for languages the site publishes whose UI strings are missing or incomplete.
    public func diagnostics(for languages: [LanguageCode], themeDirectory: String) -> [Diagnostic] {
        languages.flatMap { language -> [Diagnostic] in
            let path = ThemeLayout.strings(in: themeDirectory, language: language)
            guard hasTable(for: language) else {
                return [
                    .warning(
                        .missingUIStrings, at: SourceLocation(file: path), "no UI strings for language '\(language)'",
                        expected: "expected \(path); pages in \(language) use \(defaultLanguage) headings until it exists")
                ]
            }
            let missing = missingKeys(for: language)
            guard !missing.isEmpty else { return [] }
            return [
                .warning(
                    .missingUIString, at: SourceLocation(file: path),
                    "missing UI string\(missing.count == 1 ? "" : "s") \(missing.map { "'\($0)'" }.joined(separator: ", "))",
                    expected: "expected every key of \(defaultLanguage).yml; falling back to \(defaultLanguage)")
            ]
        }
    }
}
