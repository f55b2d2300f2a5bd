public import Foundation
public import PolicyContent
import PolicyDiagnostics
public import PolicyFiles
public import PolicyModel
import PolicyRender
import PolicyTranslations
import PolicyYAML

/// Writes the starting files of a site, a company or a language. Every file it writes passes
/// `check --strict` as written; what a person must write is marked `[[TODO: …]]` (see
/// `Placeholder`), so it shows on the preview and `publish` refuses it until replaced.
/// Pure: it reads through `fileSystem` and returns the files, the caller writes them.
public struct Scaffolder: Sendable {
    public var fileSystem: any FileSystem
    /// Folder holding themes (`<themes>/default/`).
    public var themesPath: String
    public var today: PolicyDate

    public init(themesPath: String, today: PolicyDate = PolicyDate(Date()), fileSystem: any FileSystem = LocalFileSystem()) {
        self.themesPath = themesPath
        self.today = today
        self.fileSystem = fileSystem
    }

    // MARK: - new site

    /// `site.yml`, the default theme (a copy the site owns), the schemas, and a `.gitignore`.
    public func site(title: String?, baseURL: String?, language: LanguageCode) throws(ScaffoldError) -> [ScaffoldFile] {
        let theme = joinPath(themesPath, ThemeLayout.defaultTheme)
        guard fileSystem.isDirectory(theme) else { throw .noTheme(theme) }
        let titleLine = title.map { "title: \(yamlQuoted($0))" } ?? "title: \(Placeholder.text("the site's name, e.g. Acme privacy center", quoted: true))"
        let urlLines =
            baseURL.map { ["base_url: \(yamlQuoted($0))"] }
            ?? ["# \(Placeholder.text("the address the site is published at"))", "base_url: https://privacy.example.com/"]
        let site =
            ([
                "# yaml-language-server: $schema=../schemas/site.schema.json",
                "# Site-wide settings; every field is described in the schema (your editor shows it).",
                titleLine,
            ] + urlLines + [
                "default_language: \(language)",
                "theme: \(ThemeLayout.defaultTheme)",
                "options:",
                "  # Raw HTML in policy bodies is shown as text unless this is true.",
                "  allow_raw_html: false",
                "  # omit: a company's pages exist only in its own languages; fallback: every site language, with a note.",
                "  missing_translation: omit",
                "",
            ]).joined(separator: "\n")
        try refuseInvalid(StrictYAMLDecoder(file: ContentLayout.site(in: "content")).decode(SiteConfig.self, from: site).1)
        var files = [
            ScaffoldFile(ContentLayout.site(in: "content"), site),
            ScaffoldFile(".gitignore", "public/\npublic.*/\n\(CacheFolder.name)/\n\(SiteLock.path(contentPath: "content"))\n"),
        ]
        files += try copyTree(from: theme, to: joinPath("themes", ThemeLayout.defaultTheme))
        let ids = ContentLoader(fileSystem: fileSystem, themesPath: themesPath).jurisdictions(theme: ThemeLayout.defaultTheme).ids
        for (name, bytes) in MachineSchemas.siteDocuments(jurisdictions: ids) {
            files.append(ScaffoldFile(path: "schemas/" + name, contents: Data(bytes)))
        }
        return files
    }

    private func copyTree(from source: String, to destination: String) throws(ScaffoldError) -> [ScaffoldFile] {
        var files: [ScaffoldFile] = []
        for name in (try? fileSystem.contentsOfDirectory(source)) ?? [] where !name.hasPrefix(".") {
            let path = joinPath(source, name)
            if fileSystem.isDirectory(path) {
                files += try copyTree(from: path, to: destination + "/" + name)
            } else if let data = try? fileSystem.readFile(path) {
                files.append(ScaffoldFile(path: destination + "/" + name, contents: data))
            }
        }
        return files
    }

    // MARK: - new company

    /// `company.yml` and one `privacy.md` per language, with the rights of each regime.
    public func company(
        slug: String, name: String?, languages: [LanguageCode], jurisdictions: [String], contentPath: String
    ) throws(ScaffoldError) -> [ScaffoldFile] {
        guard isValidSlug(slug), !["versions", "schemas", "assets"].contains(slug) else { throw .badSlug(slug) }
        guard fileSystem.fileExists(ContentLayout.site(in: contentPath)) else { throw .noSite(contentPath) }
        let folder = joinPath(contentPath, slug)
        guard !fileSystem.fileExists(folder) else { throw .exists(folder) }
        let registry = ContentLoader(fileSystem: fileSystem, themesPath: themesPath).jurisdictions(contentPath: contentPath)
        for id in jurisdictions where registry[id] == nil { throw .unknownJurisdiction(id, available: registry.ids) }
        let languages = languages.isEmpty ? [siteLanguage(contentPath) ?? LanguageCode("en")!] : languages
        let regimes = jurisdictions.compactMap { registry[$0] }

        let companyText = companyYAML(name: name, languages: languages, jurisdictions: jurisdictions)
        let context = DecodingContext(jurisdictions: registry)
        try refuseInvalid(StrictYAMLDecoder(file: ContentLayout.company(in: folder), context: context).decode(CompanyInfo.self, from: companyText).1)
        var files = [ScaffoldFile(ContentLayout.company(in: folder), companyText)]
        let strings = try translations()
        for language in languages {
            let policy = PolicySkeleton(language: language, strings: strings.strings(for: language), today: today, regimes: regimes)
            files.append(ScaffoldFile(ContentLayout.policy(in: folder, language: language), policy.text))
        }
        return files
    }

    private func companyYAML(name: String?, languages: [LanguageCode], jurisdictions: [String]) -> String {
        let quotedName = name.map(yamlQuoted)
        var lines = [
            "# yaml-language-server: $schema=../../schemas/company.schema.json",
            "# Facts about the controller that do not depend on the language; the policy texts are in <language>/privacy.md.",
            "legal_name: \(quotedName ?? Placeholder.text("the full legal name, e.g. Acme SAS", quoted: true))",
            "display_name: \(quotedName ?? Placeholder.text("the name people know you by", quoted: true))",
            "# \(Placeholder.text("your postal address, one line per item"))",
            "address:",
            "  - \(Placeholder.text("street and number", quoted: true))",
            "  - \(Placeholder.text("postcode and city", quoted: true))",
            "# \(Placeholder.text("the address people write to about their data"))",
            "privacy_email: privacy@example.com",
            "languages: [\(languages.map(\.rawValue).joined(separator: ", "))]",
            "default_language: \(languages[0])",
        ]
        if !jurisdictions.isEmpty { lines.append("jurisdictions: [\(jurisdictions.joined(separator: ", "))]") }
        lines.append("response_time: 30 days")
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: - new language

    /// A copy of the company's source text for `language`, marked as awaiting translation, and
    /// `company.yml` with the language added to its list.
    public func language(_ language: LanguageCode, company: String, contentPath: String) throws(ScaffoldError) -> [ScaffoldFile] {
        let folder = joinPath(contentPath, company)
        let companyPath = ContentLayout.company(in: folder)
        guard let companyData = try? fileSystem.readFile(companyPath) else {
            let available = ((try? fileSystem.contentsOfDirectory(contentPath)) ?? []).filter { fileSystem.isDirectory(joinPath(contentPath, $0)) }
            throw .unknownCompany(company, available: available)
        }
        let target = ContentLayout.policy(in: folder, language: language)
        guard !fileSystem.fileExists(target) else { throw .languageExists(target) }
        let companyText = String(decoding: companyData, as: UTF8.self)
        let info = StrictYAMLDecoder(file: companyPath).decode(CompanyInfo.self, from: companyText).0
        let source = info?.defaultLanguage ?? info?.languages?.first ?? siteLanguage(contentPath) ?? LanguageCode("en")!
        let sourcePath = ContentLayout.policy(in: folder, language: source)
        guard let sourceData = try? fileSystem.readFile(sourcePath) else { throw .noSourcePolicy(sourcePath) }
        let strings = try translations().strings(for: language)
        let copy = PolicySkeleton.translationCopy(
            of: String(decoding: sourceData, as: UTF8.self), from: source, to: language, title: strings["policy.privacy_policy"])
        var files = [ScaffoldFile(target, copy)]
        if let updated = adding(language, toLanguagesIn: companyText) {
            files.append(ScaffoldFile(companyPath, updated, replacesExisting: true))
        }
        return files
    }

    /// `languages: [en]` → `languages: [en, fr]` (flow or block list); nil when the file has no
    /// list (the languages are then the folders present, which now include the new one).
    func adding(_ language: LanguageCode, toLanguagesIn text: String) -> String? {
        var lines = text.components(separatedBy: "\n")
        guard let index = lines.firstIndex(where: { $0.hasPrefix("languages:") }) else { return nil }
        let line = lines[index]
        if let open = line.firstIndex(of: "["), let close = line.lastIndex(of: "]") {
            let inside = line[line.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
            lines[index] = String(line[...open]) + (inside.isEmpty ? "" : inside + ", ") + language.rawValue + String(line[close...])
        } else {
            var end = index + 1
            while end < lines.count, lines[end].trimmingCharacters(in: .whitespaces).hasPrefix("- ") { end += 1 }
            let indent = end > index + 1 ? String(lines[index + 1].prefix { $0 == " " }) : "  "
            lines.insert("\(indent)- \(language)", at: end)
        }
        return lines.joined(separator: "\n")
    }

    // MARK: - Helpers

    private func translations() throws(ScaffoldError) -> Translations {
        let theme = joinPath(themesPath, ThemeLayout.defaultTheme)
        let directory = ThemeLayout.strings(in: theme)
        guard fileSystem.isDirectory(directory) else { throw .noTheme(theme) }
        return Translations.load(directory: directory, defaultLanguage: LanguageCode("en")!, fileSystem: fileSystem).0
    }

    private func siteLanguage(_ contentPath: String) -> LanguageCode? {
        ContentLoader(fileSystem: fileSystem).siteConfig(contentPath: contentPath)?.defaultLanguage
    }

    /// Refuses what the model's own decoding of a file about to be written finds wrong (a
    /// value given on the command line), so `new` never writes what `check` rejects.
    private func refuseInvalid(_ diagnostics: [Diagnostic]) throws(ScaffoldError) {
        let errors = diagnostics.errors
        guard !errors.isEmpty else { return }
        throw .invalidValue(errors.map { $0.message + ($0.expected.map { "; \($0)" } ?? "") })
    }
}
