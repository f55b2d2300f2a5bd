import Foundation
import PolicyDiagnostics
import PolicyFiles
import PolicyModel
import PolicyYAML
import Yams

/// Loads one `content/<company>/` folder: company.yml, one privacy.md per language,
/// the changelog and the archived versions.
struct CompanyLoader {
    let fileSystem: any FileSystem
    let cache: DocumentCache?
    let config: SiteConfig
    let context: DecodingContext
    /// Parsed archived texts from earlier runs; nil to parse every file.
    var archiveCache: ArchiveCache? = nil
    var archiveContextKey = ""

    func load(folder: String, name: String) -> (Company?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let companyPath = ContentLayout.company(in: folder)
        let loader = ContentLoader(fileSystem: fileSystem)
        guard
            let text = loader.readText(
                companyPath, &diagnostics, missing: "expected every company folder to have a company.yml with legal_name and display_name")
        else {
            return (nil, diagnostics)
        }
        let (decodedInfo, infoProblems) = StrictYAMLDecoder(file: companyPath, context: context).decode(CompanyInfo.self, from: text)
        diagnostics += infoProblems
        guard let info = decodedInfo else { return (nil, diagnostics) }
        let companyFile = SourceLocation(file: companyPath, line: 1, column: 1)

        let slug = info.slug ?? name
        if !isValidSlug(slug) {
            diagnostics.append(
                .error(
                    .badSlug, at: companyFile, "slug '\(slug)' cannot be used in URLs",
                    expected: "expected lowercase letters, digits and single hyphens, at most \(longestSlug) characters, e.g. acme-cloud"))
        }

        var languageFolders: [LanguageCode] = []
        var hasVersions = false
        for entry in (try? fileSystem.contentsOfDirectory(folder)) ?? [] where !entry.hasPrefix(".") {
            let path = joinPath(folder, entry)
            if fileSystem.isDirectory(path) {
                if entry == ContentLayout.versionsFolder {
                    hasVersions = true
                } else if let code = LanguageCode(entry), code.rawValue == entry {
                    languageFolders.append(code)
                } else {
                    let problem = LanguageCode.unknown(entry)
                    diagnostics.append(
                        .error(
                            problem.code, at: SourceLocation(file: path), "folder '\(entry)' is not a language: \(problem.message)",
                            expected: (problem.expected ?? "") + " in lowercase, or 'versions'"))
                }
            } else if entry != ContentLayout.companyFile && entry != ContentLayout.changelogFile {
                diagnostics.append(
                    .error(
                        .unexpectedFile, at: SourceLocation(file: path), "unexpected file in a company folder",
                        expected: "expected company.yml, changelog.yml, language folders (en/, fr/, …) and versions/"))
            }
        }

        var policies: [LanguageCode: PolicyDocument] = [:]
        // Current texts that parsed without a problem, by hash: see `PolicyDocument.relocated`.
        var cleanTexts: [String: PolicyDocument] = [:]
        for language in languageFolders {
            let (document, problems) = loadPolicy(joinPath(folder, language.rawValue), language: language)
            diagnostics += problems
            policies[language] = document
            if let document, problems.isEmpty { cleanTexts[document.contentHash] = document }
        }

        let languages = resolveLanguages(info: info, folders: languageFolders, at: companyFile, yaml: text, &diagnostics)
        let defaultLanguage = info.defaultLanguage ?? config.defaultLanguage
        if !languages.contains(defaultLanguage) {
            diagnostics.append(
                .error(
                    .missingDefaultLanguage, at: companyFile,
                    "the default language '\(defaultLanguage)' has no policy (\(ContentLayout.policy(in: folder, language: defaultLanguage)) is missing)",
                    expected:
                        "expected a policy in the default language, or set default_language in company.yml to one of: \(languages.map(\.rawValue).joined(separator: ", "))"
                ))
        }
        let ordered = languages.contains(defaultLanguage) ? [defaultLanguage] + languages.filter { $0 != defaultLanguage } : languages

        var changelog = Changelog()
        var hashed = text
        let changelogPath = ContentLayout.changelog(in: folder)
        if fileSystem.fileExists(changelogPath), let text = loader.readText(changelogPath, &diagnostics, missing: "") {
            hashed += "\u{0}" + text
            let (decoded, problems) = StrictYAMLDecoder(file: changelogPath).decode(Changelog.self, from: text)
            diagnostics += problems
            changelog = decoded ?? Changelog()
        }
        let archive = hasVersions ? loadArchive(ContentLayout.versions(in: folder), sameBytesAs: cleanTexts, &diagnostics) : []

        var company = Company(
            slug: slug, folder: folder, info: info, languages: ordered, defaultLanguage: defaultLanguage,
            policies: policies, archive: archive, changelog: changelog)
        for document in policies.values { diagnostics += undeclaredRegimes(document, company: company) }
        company.dataHash = sha256Hex(Data(hashed.utf8))
        return (company, diagnostics)
    }

    /// Regional rights only for regimes the company or the policy declares: a "California" block
    /// in a policy that does not follow the CCPA would promise rights nobody committed to.
    private func undeclaredRegimes(_ document: PolicyDocument, company: Company) -> [Diagnostic] {
        let declared = company.jurisdictions(of: document.frontMatter)
        return document.frontMatter.regionalRights.filter { !declared.contains($0.jurisdiction) }.map { block in
            .error(
                .undeclaredJurisdiction, at: block.location ?? document.location(of: "regional_rights"),
                "regional_rights for '\(block.jurisdiction)', which neither the company nor this policy declares",
                expected:
                    "expected '\(block.jurisdiction)' under jurisdictions in \(ContentLayout.company(in: company.folder)) (or in this policy's front matter)")
        }
    }

    private func resolveLanguages(
        info: CompanyInfo, folders: [LanguageCode], at location: SourceLocation, yaml: String, _ diagnostics: inout [Diagnostic]
    ) -> [LanguageCode] {
        guard let listed = info.languages else { return folders.sorted() }
        // Where `languages:` and each of its entries stand: read again only when one is wrong.
        func places() -> (field: SourceLocation, entries: [SourceLocation]) {
            let decoder = StrictYAMLDecoder(file: location.file)
            guard let node = decoder.compose(yaml).0, case Node.mapping(let mapping) = node, let value = mapping.value(named: "languages") else {
                return (location, [])
            }
            let field = decoder.fieldLocations(of: node)["languages"] ?? location
            guard case Node.sequence(let sequence) = value else { return (field, []) }
            return (field, sequence.map { decoder.location(of: $0) ?? field })
        }
        for (index, language) in listed.enumerated() where !folders.contains(language) {
            let entries = places().entries
            diagnostics.append(
                .error(
                    .missingTranslation, at: index < entries.count ? entries[index] : places().field,
                    "language '\(language)' is listed but has no policy",
                    expected:
                        "expected \(ContentLayout.policy(in: location.file.replacingOccurrences(of: "/" + ContentLayout.companyFile, with: ""), language: language)), or remove '\(language)' from languages"
                ))
        }
        for language in folders where !listed.contains(language) {
            diagnostics.append(
                .error(
                    .unlistedLanguage, at: places().field, "folder '\(language)/' is not in this company's languages",
                    expected: "expected languages to list every language folder: add '\(language)'"))
        }
        return listed.filter { folders.contains($0) }
    }

    /// Reads `<folder>/privacy.md`; nil with a diagnostic when it is missing or broken. A file
    /// whose bytes are those of a clean document in `current` (in the same language) takes its
    /// parse, moved to this path, instead of being parsed again.
    func loadPolicy(
        _ folder: String, language: LanguageCode, archived: Bool = false, sameBytesAs current: [String: PolicyDocument] = [:]
    ) -> (PolicyDocument?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        for entry in (try? fileSystem.contentsOfDirectory(folder)) ?? [] where !entry.hasPrefix(".") && entry != ContentLayout.policyFile {
            diagnostics.append(
                .error(
                    .unexpectedFile, at: SourceLocation(file: joinPath(folder, entry)), "unexpected file in a language folder",
                    expected: "expected only privacy.md"))
        }
        let path = joinPath(folder, ContentLayout.policyFile)
        guard let data = fileSystem.readFile(path, &diagnostics, missing: "expected each language folder to hold a privacy.md") else {
            return (nil, diagnostics)
        }
        let hash = sha256Hex(data)
        if let (document, problems) = cache?.lookup(path, hash: hash) {
            return (document, diagnostics + problems)
        }
        if let twin = current[hash], twin.language == language {
            let document = twin.relocated(to: path)
            cache?.store(path, hash: hash, document: document, diagnostics: [])
            return (document, diagnostics)
        }
        if archived, let stored = archiveCache?.lookup(path: path, hash: hash, context: context, contextKey: archiveContextKey) {
            cache?.store(path, hash: hash, document: stored, diagnostics: [])
            return (stored, diagnostics)
        }
        let (document, problems) = PolicyFile.parse(path: path, language: language, data: data, hash: hash, context: context)
        cache?.store(path, hash: hash, document: document, diagnostics: problems)
        if archived, problems.isEmpty, let document { archiveCache?.store(document, contextKey: archiveContextKey) }
        return (document, diagnostics + problems)
    }

    private func loadArchive(_ folder: String, sameBytesAs current: [String: PolicyDocument], _ diagnostics: inout [Diagnostic]) -> [ArchivedVersion] {
        var versions: [ArchivedVersion] = []
        for entry in (try? fileSystem.contentsOfDirectory(folder)) ?? [] where !entry.hasPrefix(".") {
            let path = joinPath(folder, entry)
            guard let version = PolicyVersionNumber(entry), fileSystem.isDirectory(path) else {
                diagnostics.append(
                    .error(
                        .badVersion, at: SourceLocation(file: path), "'\(entry)' in versions/ is not a version folder",
                        expected: "expected folders named by version, e.g. versions/1.0/, made by `policysite publish`"))
                continue
            }
            var policies: [LanguageCode: PolicyDocument] = [:]
            var company: CompanyInfo?, companyHash: String?
            for name in (try? fileSystem.contentsOfDirectory(path)) ?? [] where !name.hasPrefix(".") {
                if name == ContentLayout.companyFile {
                    // The company facts frozen with this version.
                    let file = joinPath(path, name)
                    guard let data = fileSystem.readFile(file, &diagnostics) else { continue }
                    companyHash = sha256Hex(data)
                    let (info, problems) = StrictYAMLDecoder(file: file, context: context).decode(CompanyInfo.self, from: String(decoding: data, as: UTF8.self))
                    diagnostics += problems
                    company = info
                    continue
                }
                guard let language = LanguageCode(name), language.rawValue == name else {
                    diagnostics.append(
                        .error(
                            .unknownLanguage, at: SourceLocation(file: joinPath(path, name)), "'\(name)' is not a language folder",
                            expected: "expected language folders such as en/, and company.yml"))
                    continue
                }
                let (document, problems) = loadPolicy(joinPath(path, name), language: language, archived: true, sameBytesAs: current)
                diagnostics += problems
                policies[language] = document
            }
            versions.append(ArchivedVersion(version: version, folder: path, policies: policies, company: company, companyHash: companyHash))
        }
        return versions.sorted { $0.version < $1.version }
    }
}
