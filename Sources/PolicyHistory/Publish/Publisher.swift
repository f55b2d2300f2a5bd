public import Foundation
import PolicyContent
public import PolicyDiagnostics
public import PolicyFiles
public import PolicyModel
import PolicyYAML

/// `policysite publish`: freezes the current policy of every language as a new version in
/// `versions/<version>/`, stamps its version and dates, and records it in `changelog.yml`.
public struct Publisher: Sendable {
    public var fileSystem: any FileSystem
    public var today: @Sendable () -> Date
    /// The themes folder (for the jurisdictions registry); nil means `themes/` beside `content/`.
    public var themesPath: String?
    /// The full `check` of the content as it will be after publishing (the file system given
    /// holds the new files); its errors stop the publish. The command line passes `SiteChecker`;
    /// by default the content is loaded and its cross-file checks run.
    public var validate: @Sendable (any FileSystem) -> [Diagnostic]

    public init(
        fileSystem: any FileSystem = LocalFileSystem(), today: @escaping @Sendable () -> Date = Date.init, themesPath: String? = nil,
        validate: (@Sendable (any FileSystem) -> [Diagnostic])? = nil
    ) {
        self.fileSystem = fileSystem
        self.today = today
        self.themesPath = themesPath
        self.validate = validate ?? { _ in [] }
    }

    /// The earliest publication date accepted: older dates are typing mistakes (0001-01-01),
    /// not records of real publications of an online privacy policy.
    public static let earliestDate = PolicyDate(year: 1990, month: 1, day: 1)
    /// How far after publication a version may take effect.
    public static let maximumNoticeYears = 5

    public func publish(_ request: PublishRequest, contentPath: String) throws(PublishError) -> [PublishedVersion] {
        guard !request.summary.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw .emptySummary }
        try Self.checkPlainText(request.summary, option: "--summary")
        for change in request.changes { try Self.checkPlainText(change, option: "--change") }
        let now = PolicyDate(today())
        if let date = request.date, date < Self.earliestDate || now < date {
            throw .implausibleDate(date, earliest: Self.earliestDate, latest: now)
        }
        let date = request.date ?? now
        if let effective = request.effective {
            guard !(effective < date) else { throw .effectiveBeforeDate(effective: effective, date: date) }
            let latest = PolicyDate(year: date.year + Self.maximumNoticeYears, month: date.month, day: date.day)
            guard !(latest < effective) else { throw .effectiveTooFar(effective: effective, latest: latest) }
        }
        let loaded = ContentLoader(fileSystem: fileSystem, themesPath: themesPath).load(contentPath: contentPath)
        guard let site = loaded.site, !loaded.diagnostics.hasErrors else { throw .contentErrors(loaded.diagnostics.errors) }

        var companies = site.companies
        if let name = request.company {
            guard let company = site.company(named: name) else {
                throw .unknownCompany(name, available: site.companies.map(\.slug))
            }
            companies = [company]
        }
        var transaction = FileTransaction(root: contentPath)
        var published: [PublishedVersion] = []
        var unchanged: [PublishError] = []
        for company in companies {
            do throws(PublishError) {
                let version = try plan(company, request, into: &transaction)
                published.append(version)
            } catch {
                // `--all` skips companies without changes; a single company reports it.
                guard request.company == nil, case .nothingChanged = error else { throw error }
                unchanged.append(error)
            }
        }
        if published.isEmpty, let first = unchanged.first { throw first }
        // Publish never writes what its own check would reject: load the content as it will be.
        let after = OverlayFileSystem(base: fileSystem, files: transaction.pending)
        let result = ContentLoader(fileSystem: after, themesPath: themesPath).load(contentPath: contentPath)
        let problems = result.site == nil || result.diagnostics.hasErrors ? result.diagnostics.errors : validate(after).errors
        guard problems.isEmpty else { throw .resultRejected(problems) }
        do {
            try transaction.commit()
        } catch {
            throw .writeFailed(Self.reason(error))
        }
        return published
    }

    /// Adds one company's new version to `transaction`.
    func plan(_ company: Company, _ request: PublishRequest, into transaction: inout FileTransaction) throws(PublishError) -> PublishedVersion {
        guard let source = company.source else { throw .nothingChanged(company: company.slug, version: PolicyVersionNumber("1.0")!) }
        let latest = company.archive.last
        var current: [LanguageCode: String] = [:]
        var changed: [LanguageCode] = []
        for language in company.languages {
            guard let document = company.policies[language], let text = readText(document.path) else { continue }
            current[language] = text
            // The loader hashed both files' bytes already; equal hashes mean equal texts.
            if latest?.policies[language]?.contentHash != document.contentHash { changed.append(language) }
        }
        // Company facts are frozen with each version too, so a new DPO alone is a new version.
        // Versions published before facts were frozen have no copy to compare with.
        let companyPath = ContentLayout.company(in: company.folder)
        guard let companyData = try? fileSystem.readFile(companyPath) else { throw .writeFailed("cannot read \(companyPath)") }
        let companyHash = sha256Hex(companyData)
        let placeholders =
            Placeholder.find(in: String(decoding: companyData, as: UTF8.self), file: companyPath)
            + company.languages.compactMap { language in company.policies[language].flatMap { document in current[language].map { (document.path, $0) } } }
            .flatMap { Placeholder.find(in: $0.1, file: $0.0) }
        guard placeholders.isEmpty else { throw .placeholders(placeholders) }
        let companyChanged = latest?.companyHash.map { $0 != companyHash } ?? false
        guard !changed.isEmpty || companyChanged else {
            throw .nothingChanged(company: company.slug, version: latest?.version ?? source.frontMatter.version)
        }

        let version: PolicyVersionNumber
        if latest == nil, request.bump == .automatic {
            version = source.frontMatter.version  // first publication keeps the version the text states
        } else {
            let base = max(latest?.version ?? source.frontMatter.version, source.frontMatter.version)
            version = base.bumped(major: request.bump == .major)
        }
        let date = request.date ?? PolicyDate(today())
        let effective = request.effective ?? date
        if let last = company.changelog.entries.last, date < last.date {
            throw .dateGoesBackwards(company: company.slug, date: date, latest: last.date)
        }
        // The site shows the latest version whose date has come: one announced for a later date
        // than this one's would be skipped for good.
        for archived in company.archive {
            guard let later = archived.policies.values.map(\.frontMatter.effective).max(), effective < later else { continue }
            throw .overtakesEarlierVersion(company: company.slug, version: archived.version, effective: later, new: effective)
        }
        let versionFolder = ContentLayout.version(version, in: company.folder)
        if fileSystem.fileExists(versionFolder) { throw .versionExists(versionFolder) }

        // Languages whose text changed take the new version. When only translations changed,
        // the source is re-stamped too and every language stays in step; when the source
        // changed, untouched translations keep their version and show as out of date.
        let stamped = latest == nil || !changed.contains(company.defaultLanguage) ? company.languages : changed
        var hashes: [LanguageCode: String] = [:]
        for language in company.languages.sorted() {
            guard var text = current[language], let document = company.policies[language] else { continue }
            if stamped.contains(language) {
                text = FrontMatter.setting(["version": "\"\(version)\"", "last_updated": date.description, "effective": effective.description], in: text)
                transaction.write(text, to: document.path)
            }
            let archivedPath = ContentLayout.policy(in: versionFolder, language: language)
            transaction.write(text, to: archivedPath)
            hashes[language] = sha256Hex(Data(text.utf8))
        }
        transaction.write(companyData, to: ContentLayout.company(in: versionFolder))
        let others = company.languages.filter { $0 != company.defaultLanguage }.map(\.rawValue)
        if let unknown = request.translations.keys.sorted().first(where: { !others.contains($0) }) {
            throw .unknownTranslation(company: company.slug, language: unknown, available: others)
        }
        var changelog = company.changelog
        changelog.entries.append(
            ChangelogEntry(
                version: version, date: date, summary: request.summary, translations: request.translations, changes: request.changes,
                archiveHash: ArchivedVersion.archiveHash(policies: hashes, company: companyHash)))
        transaction.write(ChangelogFile.render(changelog), to: ContentLayout.changelog(in: company.folder))
        return PublishedVersion(company: company.slug, version: version, date: date, languages: stamped, files: transaction.paths)
    }

    /// Tabs and line breaks are text; other control characters (and the two noncharacters XML
    /// forbids) would make the feed invalid XML.
    static func checkPlainText(_ text: String, option: String) throws(PublishError) {
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            let allowed = scalar == "\t" || scalar == "\n"
            if !allowed && (scalar.properties.generalCategory == .control || scalar.value == 0xFFFE || scalar.value == 0xFFFF) {
                throw .controlCharacter(option: option, scalar: scalar, position: offset + 1)
            }
        }
    }

    /// A file error as a person reads it: the path and the system's words, not Foundation's
    /// error domain and code.
    static func reason(_ error: any Error) -> String {
        if let error = error as? CocoaError {
            let path = error.userInfo[NSFilePathErrorKey] as? String ?? error.filePath
            let cause = (error.userInfo[NSUnderlyingErrorKey] as? POSIXError).map { String(cString: strerror($0.code.rawValue)) }
            let words = [path, cause ?? error.userInfo[NSLocalizedDescriptionKey] as? String].compactMap { $0 }
            if !words.isEmpty { return words.joined(separator: ": ") }
        }
        if let error = error as? POSIXError { return String(cString: strerror(error.code.rawValue)) }
        return "\(error)"
    }

    private func readText(_ path: String) -> String? {
        (try? fileSystem.readFile(path)).flatMap { String(data: $0, encoding: .utf8) }
    }
}
