public import ArgumentParser
import Foundation
import PolicyBuild
import PolicyContent
import PolicyDiagnostics
import PolicyFiles
import PolicyHistory
public import PolicyModel

extension PolicyDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

struct PublishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Freeze the current policy as a new version and record it in the changelog.",
        discussion: """
            Copies every language's privacy.md to versions/<version>/, stamps version, last_updated and \
            effective, and appends an entry to changelog.yml. The first publication keeps the version the \
            policy states; later ones bump the minor version unless --major is given. Nothing is written \
            when the content has errors, nothing changed, or the date would go backwards.
            """)

    @OptionGroup var location: SiteLocation

    @Argument(help: "Company folder or slug; leave out with --all.")
    var company: String?

    @Flag(help: "Publish every company whose policy changed.")
    var all = false

    @Option(help: "One sentence for the changelog and the feed.")
    var summary: String

    @Option(
        name: .customLong("translation"),
        help: "The summary in another of the company's languages, LANG=TEXT (e.g. fr=\"Nouvelle adresse du DPO.\"); repeat for each language.")
    var translations: [String] = []

    @Option(name: .customLong("change"), help: "A change note; repeat for several.")
    var changes: [String] = []

    @Option(help: "Publication date, YYYY-MM-DD (default: today).")
    var date: PolicyDate?

    @Option(help: "Date the version takes effect (default: the publication date).")
    var effective: PolicyDate?

    @Flag(help: "Bump the major version (2.0) instead of the minor one.")
    var major = false

    @Flag(help: "Bump the minor version, also on a first publication.")
    var minor = false

    /// `--translation` values by language code.
    func translatedSummaries() throws -> [String: String] {
        var summaries: [String: String] = [:]
        for value in translations {
            let parts = value.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let language = LanguageCode(parts[0].trimmingCharacters(in: .whitespaces)),
                !parts[1].trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            else {
                throw ValidationError(
                    "--translation '\(value)' is not LANG=TEXT; expected a language code, '=' and the summary, e.g. --translation fr=\"Nouvelle adresse.\"")
            }
            guard summaries.updateValue(parts[1], forKey: language.rawValue) == nil else {
                throw ValidationError("--translation \(language) is given twice; expected one summary per language")
            }
        }
        return summaries
    }

    func validate() throws {
        if all == (company != nil) { throw ValidationError("name one company, or pass --all") }
        _ = try translatedSummaries()
        if major && minor { throw ValidationError("--major and --minor exclude each other") }
    }

    func run() throws {
        // Held from the recovery check to the last rename: two publishes never choose the same
        // version nor write over each other's changelog.
        let lock: SiteLock?
        do {
            lock = try SiteLock.acquire(.exclusive, contentPath: location.content, waiting: SiteLocation.announceWait)
        } catch {
            throw fail("\(error)")
        }
        try withExtendedLifetime(lock) { try publishHoldingLock() }
    }

    private func publishHoldingLock() throws {
        guard location.recoverHoldingLock() else {
            throw fail("resolve the interrupted publish first (see the note above); nothing was published")
        }
        let options = BuildOptions(contentPath: location.content, themesPath: location.themesPath)
        // Checked as of today, as the next `check` in CI will: a --date in the future is refused.
        let publisher = Publisher(fileSystem: location.fileSystem, themesPath: location.themesPath) { files in
            SiteChecker(builder: SiteBuilder(fileSystem: files)).check(options)
        }
        let request = PublishRequest(
            company: all ? nil : company, summary: summary, changes: changes, date: date, effective: effective,
            bump: major ? .major : minor ? .minor : .automatic, translations: try translatedSummaries())
        do {
            for version in try publisher.publish(request, contentPath: location.content) {
                print(
                    "Published \(version.company) \(version.version) (\(version.date)), languages: \(version.languages.map(\.rawValue).joined(separator: ", "))"
                )
            }
        } catch {
            if case .contentErrors(let diagnostics) = error { printDiagnostics(diagnostics) }
            if case .resultRejected(let diagnostics) = error { printDiagnostics(diagnostics) }
            if case .placeholders(let diagnostics) = error { printDiagnostics(diagnostics) }
            printFailure("\(error)")
            throw ExitCode(1)
        }
    }
}

struct VersionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "versions", abstract: "List a company's published versions.")

    @OptionGroup var location: SiteLocation

    @Argument(help: "Company folder or slug.")
    var company: String

    @Option(name: .customLong("as-of"), help: "List the versions as they stood on this date (YYYY-MM-DD); default: today.")
    var asOf: PolicyDate?

    func run() throws { try location.reading(runReading) }

    /// `run`, holding the site's lock shared.
    private func runReading() throws {
        let today = asOf ?? PolicyDate(clock(nil)())
        let company = try loadCompany(company, location: location, publishedBy: today)
        guard !company.changelog.entries.isEmpty else {
            print(
                "\(company.slug) has no published versions yet (current text: \(company.source.map { $0.frontMatter.version.description } ?? "?")); publish one with `policysite publish \(company.slug) --summary …`"
            )
            return
        }
        // Each version's life on `today`: announced, upcoming until its effective date, current,
        // then archived from the day the version that replaced it took effect.
        let timeline = VersionTimeline(company, today: today)
        for entry in company.changelog.entries.reversed() {
            guard let life = timeline.version(entry.version) else { continue }
            let status =
                switch life.status {
                case .upcoming: "upcoming"
                case .current: "current"
                case .archived: life.supersededOn.map { "archived, superseded on \($0)" + (life.supersededBy.map { " by \($0)" } ?? "") } ?? "archived"
                }
            print("\(entry.version)\tannounced \(life.announced) · effective \(life.effective)\t\(entry.summary)  (\(status))")
        }
    }
}

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff", abstract: "Show what changed between two versions of a company's policy.",
        discussion: "Versions are published version numbers, or 'current' for the working text.")

    @OptionGroup var location: SiteLocation

    @Argument(help: "Company folder or slug.")
    var company: String

    @Argument(help: "The older version.")
    var from: String

    @Argument(help: "The newer version, or 'current'.")
    var to: String = "current"

    @Option(help: "Language to compare (default: the company's default language).")
    var language: String?

    @Flag(help: "Show whole paragraphs with [-removed-]{+added+} words, like git diff --word-diff.")
    var word = false

    @Flag(help: "Show only what changed where, with counts.")
    var stat = false

    @Option(help: "Colour: auto (when the output is a terminal and NO_COLOR is unset), always or never.")
    var color: ColorChoice = .auto

    @Option(help: "Wrap lines at this width (default: the terminal's, else COLUMNS, else 80).")
    var width: Int?

    enum ColorChoice: String, ExpressibleByArgument, CaseIterable { case auto, always, never }

    func validate() throws {
        if word && stat { throw ValidationError("--word and --stat exclude each other") }
    }

    func run() throws { try location.reading(runReading) }

    /// `run`, holding the site's lock shared.
    private func runReading() throws {
        let company = try loadCompany(company, location: location)
        let language =
            try language.map { code in
                guard let value = LanguageCode(code), company.languages.contains(value) else {
                    throw fail("no '\(code)' policy for \(company.slug); expected one of: \(company.languages.map(\.rawValue).joined(separator: ", "))")
                }
                return value
            } ?? company.defaultLanguage
        let (old, oldCompany) = try document(from, company, language), (new, newCompany) = try document(to, company, language)
        var diff = PolicyDiff(from: old, to: new, oldCompany: oldCompany, newCompany: newCompany)
        // The working text may still carry the number of the version it was edited from.
        if to == "current" { diff.toLabel = "current (\(new.frontMatter.version), not published)" }
        if from == "current" { diff.fromLabel = "current (\(old.frontMatter.version), not published)" }
        let terminal = isatty(STDOUT_FILENO) == 1
        // The same rule as the other commands' colours: a terminal, NO_COLOR unset or empty, TERM not dumb.
        let colour = color == .always || (color == .auto && Terminal.wantsColor(STDOUT_FILENO))
        // The terminal's width, else COLUMNS (set by shells and by whoever pipes the output).
        let columns =
            width ?? (terminal ? terminalWidth() : nil) ?? ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init).flatMap { $0 > 0 ? $0 : nil } ?? 80
        let printer = DiffPrinter(mode: word ? .word : stat ? .stat : .sentences, width: columns, color: colour)
        print(printer.render(diff), terminator: "")
    }

    private func terminalWidth() -> Int? {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    /// A version's text and the company facts it was published with.
    private func document(_ name: String, _ company: Company, _ language: LanguageCode) throws -> (PolicyDocument, CompanyInfo?) {
        if name == "current", let current = company.policies[language] { return (current, company.info) }
        guard let version = PolicyVersionNumber(name), let archived = company.archive.first(where: { $0.version == version }) else {
            let known = company.archive.map(\.version.description) + ["current"]
            throw fail("\(company.slug) has no version '\(name)'; expected one of: \(known.joined(separator: ", "))")
        }
        guard let document = archived.policies[language] else {
            throw fail("version \(version) of \(company.slug) has no '\(language)' text")
        }
        return (document, archived.company)
    }
}

/// The company named on the command line, from content that loads without errors. Content
/// errors exit 1 with the errors (they are not a usage mistake).
func loadCompany(_ name: String, location: SiteLocation, publishedBy day: PolicyDate? = nil) throws -> Company {
    var loader = ContentLoader(fileSystem: location.fileSystem, themesPath: location.themesPath)
    loader.publishedBy = day
    let loaded = loader.load(contentPath: location.content)
    guard let site = loaded.site, !loaded.diagnostics.hasErrors else {
        printDiagnostics(loaded.diagnostics)
        printFailure("fix the content errors above first (`policysite check`)")
        throw ExitCode(1)
    }
    guard let company = site.company(named: name) else {
        throw fail("no company '\(name)'; expected one of: \(site.companies.map(\.slug).joined(separator: ", "))")
    }
    return company
}
