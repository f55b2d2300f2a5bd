public import Foundation
import PolicyConcurrency
public import PolicyDiagnostics
public import PolicyFiles
public import PolicyModel
import PolicyYAML

/// Reads `content/` into a `Site`, checking everything it reads. It never stops at the first
/// problem: a build lists all of them so one edit-run cycle fixes them all.
public struct ContentLoader: Sendable {
    public var fileSystem: any FileSystem
    /// Parsed policy files by path, reused while their bytes are unchanged (serve, rebuilds).
    public var cache: DocumentCache?
    /// The themes folder, for the theme's `jurisdictions.yml`; nil means `themes/` beside `content/`.
    public var themesPath: String?
    /// Parsed archived texts kept on disk between runs; nil parses every file.
    public var archiveCache: ArchiveCache?
    /// Load the companies as they stood on this day (`build --as-of`): versions published
    /// later are left out (`Company.published(by:)`).
    public var publishedBy: PolicyDate?

    public init(
        fileSystem: any FileSystem = LocalFileSystem(), cache: DocumentCache? = nil, themesPath: String? = nil, archiveCache: ArchiveCache? = nil
    ) {
        self.fileSystem = fileSystem
        self.cache = cache
        self.themesPath = themesPath
        self.archiveCache = archiveCache
    }

    public func load(contentPath: String) -> LoadResult {
        let (outline, problems) = outline(contentPath: contentPath)
        guard let outline else { return LoadResult(site: nil, diagnostics: problems) }
        var diagnostics = problems
        var slugs = SlugRegister(for: outline)
        var companies: [Company] = []
        for (company, problems) in loadCompanies(outline.folders, of: outline) {
            diagnostics += problems
            guard let company else { continue }
            if let duplicate = slugs.admit(company) { diagnostics.append(duplicate) } else { companies.append(company) }
        }
        let site = outline.site(with: companies)
        diagnostics += TranslationChecks.check(site)
        return LoadResult(site: site, diagnostics: diagnostics.sortedByLocation())
    }

    /// Everything about the site but its companies: `site.yml`, the theme's regimes and the
    /// company folders, for a build that loads companies a few at a time. Nil when site.yml
    /// does not load.
    public func outline(contentPath: String) -> (SiteOutline?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard fileSystem.isDirectory(contentPath) else {
            let exists = fileSystem.fileExists(contentPath)
            return (
                nil,
                [
                    .error(
                        exists ? .contentNotAFolder : .noContentFolder, at: SourceLocation(file: contentPath),
                        exists ? "is a file, not the content folder" : "the content folder does not exist",
                        expected: "expected a folder holding site.yml and one folder per company (--content names it; `policysite new site` makes one)")
                ]
            )
        }
        let sitePath = ContentLayout.site(in: contentPath)
        guard let siteText = readText(sitePath, &diagnostics, missing: "create it with title, base_url and default_language") else {
            return (nil, diagnostics)
        }
        let (decodedConfig, siteProblems) = StrictYAMLDecoder(file: sitePath).decode(SiteConfig.self, from: siteText)
        diagnostics += siteProblems
        guard let config = decodedConfig else { return (nil, diagnostics.sortedByLocation()) }
        let (registry, registryProblems) = loadJurisdictions(theme: config.theme, contentPath: contentPath)
        diagnostics += registryProblems

        let entries = (try? fileSystem.contentsOfDirectory(contentPath)) ?? []
        var folders: [String] = []
        for name in entries where !name.hasPrefix(".") && name != ContentLayout.siteFile {
            let path = joinPath(contentPath, name)
            if fileSystem.isDirectory(path) {
                folders.append(name)
            } else {
                diagnostics.append(
                    .error(
                        .unexpectedFile, at: SourceLocation(file: path), "unexpected file in content/",
                        expected: "expected only site.yml and one folder per company"))
            }
        }
        if folders.isEmpty {
            diagnostics.append(
                .error(
                    .noCompanies, at: SourceLocation(file: contentPath), "content/ has no company folders",
                    expected: "expected at least one folder such as content/acme/ with company.yml and en/privacy.md"))
        }
        // The site's languages from the language folders alone (a folder company.yml does not
        // list is an error), so every page knows them before any policy is parsed.
        var languages = Set<LanguageCode>()
        for name in folders {
            for entry in (try? fileSystem.contentsOfDirectory(joinPath(contentPath, name))) ?? [] {
                if let code = LanguageCode(entry), code.rawValue == entry, fileSystem.isDirectory(joinPath(contentPath, name, entry)) {
                    languages.insert(code)
                }
            }
        }
        let outline = SiteOutline(
            config: config, registry: registry, contentPath: contentPath, folders: folders, configHash: sha256Hex(Data(siteText.utf8)),
            folderLanguages: languages)
        return (outline, diagnostics)
    }

    /// Loads company folders (names under content/) in parallel, in the order given.
    public func loadCompanies(_ names: [String], of outline: SiteOutline) -> [(Company?, [Diagnostic])] {
        ConcurrentMap.map(names) { name in
            CompanyLoader(
                fileSystem: fileSystem, cache: cache, config: outline.config, context: outline.context, archiveCache: archiveCache,
                archiveContextKey: outline.contextKey
            )
            .load(folder: joinPath(outline.contentPath, name), name: name)
        }.map { (loaded: (Company?, [Diagnostic])) -> (Company?, [Diagnostic]) in
            guard let day = publishedBy, let company = loaded.0 else { return loaded }
            guard let past = company.published(by: day) else {
                let first = company.changelog.entries.first.map { " (its first version, \($0.version), is dated \($0.date))" } ?? ""
                return (
                    nil,
                    loaded.1 + [
                        .error(
                            .nothingPublished, at: SourceLocation(file: ContentLayout.changelog(in: company.folder)),
                            "\(company.slug) had published nothing by \(day)\(first)",
                            expected: "expected a date on or after the company's first publication; pick a later --as-of")
                    ]
                )
            }
            return (past, loaded.1)
        }
    }

    /// `site.yml` at `contentPath` when it exists and decodes, for tools that need one setting
    /// without loading the site (its problems are `load`'s to report).
    public func siteConfig(contentPath: String) -> SiteConfig? {
        (try? fileSystem.readFile(ContentLayout.site(in: contentPath)))
            .flatMap { StrictYAMLDecoder(file: ContentLayout.siteFile).decode(SiteConfig.self, from: String(decoding: $0, as: UTF8.self)).0 }
    }

    /// The regimes the theme of the site at `contentPath` defines (the default theme's when it
    /// has none, or when there is no site.yml yet).
    public func jurisdictions(contentPath: String) -> JurisdictionRegistry {
        jurisdictions(theme: siteConfig(contentPath: contentPath)?.theme ?? ThemeLayout.defaultTheme, contentPath: contentPath)
    }

    /// The regimes `theme` defines; `contentPath` locates `themes/` only when `themesPath` is nil.
    public func jurisdictions(theme: String, contentPath: String = "content") -> JurisdictionRegistry {
        loadJurisdictions(theme: theme, contentPath: contentPath).0
    }

    /// The regimes of the site's theme (`themes/<theme>/jurisdictions.yml`), falling back to the
    /// default theme's; an empty registry when neither exists, so declared ids are reported.
    func loadJurisdictions(theme: String, contentPath: String) -> (JurisdictionRegistry, [Diagnostic]) {
        let themes = themesPath ?? joinPath(parentPath(contentPath), "themes")
        let candidates = [theme, ThemeLayout.defaultTheme].map { ThemeLayout.jurisdictions(in: joinPath(themes, $0)) }
        guard let path = candidates.first(where: fileSystem.fileExists) else { return (JurisdictionRegistry(), []) }
        var diagnostics: [Diagnostic] = []
        guard let text = readText(path, &diagnostics, missing: "") else { return (JurisdictionRegistry(), diagnostics) }
        let (registry, problems) = StrictYAMLDecoder(file: path).decode(JurisdictionRegistry.self, from: text)
        return (registry ?? JurisdictionRegistry(), problems)
    }

    func readText(_ path: String, _ diagnostics: inout [Diagnostic], missing: String) -> String? {
        guard let data = fileSystem.readFile(path, &diagnostics, missing: missing) else { return nil }
        guard let text = String(data: data, encoding: .utf8) else {
            diagnostics.append(.error(.badEncoding, at: SourceLocation(file: path, line: 1), "file is not valid UTF-8", expected: "expected UTF-8 text"))
            return nil
        }
        return text
    }
}
