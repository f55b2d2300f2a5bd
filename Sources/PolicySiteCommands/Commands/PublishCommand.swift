public import ArgumentParser
import Foundation
import PolicyBuild
import PolicyContent
import PolicyDiagnostics
import PolicyFiles
import PolicyHistory
public import PolicyModel

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
        guard location.finishInterruptedPublishHoldingLock() else {
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
