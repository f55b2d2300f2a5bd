public import ArgumentParser
import Foundation
import PolicyBuild
import PolicyChecks
public import PolicyContent
import PolicyDefaultTheme
public import PolicyDiagnostics
import PolicyFiles
import PolicyHistory
import PolicyModel

/// The `policysite` command line: a thin shell over the PolicyBuild, PolicyHistory and
/// PolicyServer libraries.
public struct PolicySiteCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "policysite",
        abstract: "Build multilingual privacy-policy websites from structured content.",
        version: PolicySiteCommand.version,
        subcommands: [
            BuildCommand.self, CheckCommand.self, LintCommand.self, PublishCommand.self, VersionsCommand.self, DiffCommand.self,
            ServeCommand.self, SchemaCommand.self, NewCommand.self, ScanCommand.self,
        ],
        defaultSubcommand: BuildCommand.self
    )

    /// The release this binary is (`policysite --version`).
    public static let version = "0.16.0"

    public init() {}

    /// ArgumentParser's async entry point, but an error no command turned into words (one of
    /// Foundation's file errors) is printed in plain words (`plainMessage`), never as
    /// `Error Domain=NSCocoaErrorDomain Code=…`.
    public static func main() async {
        do {
            var command = try parseAsRoot()
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch let error as CocoaError {
            printFailure(error)
            Self.exit(withError: ExitCode(1))
        } catch let error as POSIXError {
            printFailure(error)
            Self.exit(withError: ExitCode(1))
        } catch {
            Self.exit(withError: error)
        }
    }
}

/// Where the site's folders are; shared by every subcommand.
struct SiteLocation: ParsableArguments {
    @Option(name: .long, help: "Folder with site.yml and one folder per company.")
    var content = "content"

    @Option(name: .long, help: "Folder holding themes (themes/<name>/); default ./themes, else the default theme built into policysite.")
    var themes: String?

    /// `--themes`, else `./themes`, else the default theme compiled into the binary.
    var themesPath: String { Self.themesPath(themes) }

    static func themesPath(_ themes: String?) -> String {
        if let themes { return themes }
        return FileManager.default.fileExists(atPath: "themes") ? "themes" : DefaultTheme.themesPath
    }

    /// The disk as the site's commands read it: no symbolic link out of the content and themes
    /// folders is followed (docs/security.md). With the built-in theme, its files are read from
    /// memory at `built-in:themes/default/…`.
    var fileSystem: any FileSystem { Self.withBuiltInTheme(LocalFileSystem(confinedTo: [content, themesPath]), themesPath: themesPath) }

    /// `disk`, with the built-in theme's files over it when `themesPath` names it.
    static func withBuiltInTheme(_ disk: LocalFileSystem, themesPath: String) -> any FileSystem {
        themesPath == DefaultTheme.themesPath ? OverlayFileSystem(base: disk, files: DefaultTheme.filesUnderThemesPath) : disk
    }

    /// Finishes (or undoes) a publish that a killed process left half-done, before anything
    /// reads content/: the files are then all as before or all as after that publish. Only
    /// under the site's exclusive lock, so a publish still running is waited for, never undone.
    /// When recovery could not decide (a file changed since), the command goes on reading
    /// content as it is, after the note. Returns false in that case.
    @discardableResult
    func recover() -> Bool {
        guard FileTransaction.hasJournal(root: content) else { return true }
        do {
            guard let lock = try SiteLock.acquire(.exclusive, contentPath: content, waiting: Self.announceWait) else { return true }
            return withExtendedLifetime(lock) { recoverHoldingLock() }
        } catch {
            printError("note: an interrupted publish left \(FileTransaction.journalPath(content)), and it cannot be finished now: \(error)\n")
            return false
        }
    }

    /// Runs `body` after `recover()`, holding the site's lock shared: a publish running now is
    /// waited for, and none starts until `body` is done, so the command never reads content
    /// half-published.
    func reading<T>(_ body: () throws -> T) throws -> T {
        recover()
        let lock: SiteLock?
        do {
            lock = try SiteLock.acquire(.shared, contentPath: content, waiting: Self.announceWait)
        } catch {
            throw fail("\(error)")
        }
        return try withExtendedLifetime(lock) { try body() }
    }

    /// `recover()` for a caller that holds the exclusive `SiteLock` already (publish).
    func recoverHoldingLock() -> Bool {
        let recovery = FileTransaction.recover(root: content)
        if let note = recovery.note { printError("note: \(note)\n") }
        if case .blocked = recovery { return false }
        return true
    }

    /// The line printed once when a command waits for another one's lock. Only a publish (the
    /// exclusive holder) leaves its process id; readers holding the lock shared leave none.
    static func announceWait(_ holder: Int32?) {
        if let holder {
            printError("waiting for another publish of the site (pid \(holder))…\n")
        } else {
            printError("waiting for another policysite command using the site…\n")
        }
    }
}

/// Exit codes: 0 success; 1 content or build problems, or a company or version that does not
/// exist (the message says which exist); 64 (EX_USAGE, ArgumentParser's own) a malformed command
/// line, printed with the usage.
///
/// Prints `error: message` and returns the exit status 1 to throw.
func fail(_ message: String) -> ExitCode {
    printFailure(message)
    return ExitCode(1)
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
}

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "build", abstract: "Render content/ into a static site.")

    @OptionGroup var location: SiteLocation

    @Option(name: .shortAndLong, help: "Output folder; replaced only when the build succeeds.")
    var output = "public"

    @Flag(help: "Treat warnings (stale translations, missing UI strings) as errors.")
    var strict = false

    @Flag(name: .shortAndLong, help: "Print nothing but problems.")
    var quiet = false

    @Flag(help: "Print how long each phase took.")
    var timings = false

    @Option(
        name: .customLong("as-of"),
        help: "Render the site as it applies on this date (YYYY-MM-DD), e.g. to preview a version announced ahead of its effective date.")
    var asOf: PolicyDate?

    @Flag(help: "Also render each working text the policy page does not show (edited during a notice window) at <language>/draft/, marked as a draft.")
    var drafts = false

    func run() throws { try location.reading(runReading) }

    /// `run`, holding the site's lock shared.
    private func runReading() throws {
        var options = BuildOptions(contentPath: location.content, themesPath: location.themesPath, outputPath: output, strict: strict)
        options.drafts = drafts
        let progress = ProgressLine(enabled: Terminal.showsProgress && !quiet)
        options.progress = { done, total in progress.update(done, total) }
        options.archiveCache = ArchiveCache(besideOutput: output)
        let output = self.output
        options.waiting = { holder in printError("waiting for another build into \(output)/\(holder.map { " (pid \($0))" } ?? "")…\n") }
        do {
            let report: BuildReport
            do {
                defer { progress.finish() }
                report = try SiteBuilder(fileSystem: location.fileSystem, now: clock(asOf)).build(options)
            }
            printDiagnostics(report.diagnostics)
            if !quiet {
                print(
                    "Built \(report.pages) files into \(output)/ (\(report.written) written, \(report.unchanged) unchanged) in \(String(format: "%.2f", report.seconds)) s"
                )
            }
            if timings {
                for phase in report.phases { print("  \(phase.name): \(String(format: "%.3f", phase.seconds)) s") }
            }
        } catch {
            if case .invalidContent(let diagnostics) = error { printDiagnostics(diagnostics, strict: strict) }
            printFailure(error)
            throw ExitCode(1)
        }
    }
}

/// Today, or the day `--as-of` names (noon UTC, so every time zone reads the same day).
func clock(_ date: PolicyDate?) -> @Sendable () -> Date {
    guard let date else { return Date.init }
    let noon = date.date.addingTimeInterval(12 * 3600)
    return { noon }
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Validate all content without writing the site; exits 1 on any error.")

    @OptionGroup var location: SiteLocation

    @Flag(help: "Fail on warnings too.")
    var strict = false

    @Option(help: "Output format: text, json or github (GitHub Actions annotations).")
    var format: OutputFormat = .text

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json, github
    }

    @Option(name: .customLong("as-of"), help: "Check the site as it applies on this date (YYYY-MM-DD).")
    var asOf: PolicyDate?

    func run() throws { try location.reading(runReading) }

    /// `run`, holding the site's lock shared.
    private func runReading() throws {
        var options = BuildOptions(contentPath: location.content, themesPath: location.themesPath, strict: strict)
        // Reads what `build` cached beside its default output, and writes nothing.
        options.archiveCache = ArchiveCache(besideOutput: "public", readOnly: true)
        let diagnostics = SiteChecker(builder: SiteBuilder(fileSystem: location.fileSystem, now: clock(asOf))).check(options)
        let failed = diagnostics.hasErrors || (strict && !diagnostics.isEmpty)
        let rendered = DiagnosticFormat(rawValue: format.rawValue)!.render(diagnostics, strict: strict, colored: format == .text && Terminal.errorColors)
        if format == .text {
            printError(rendered)
            let errors = diagnostics.errors.count + (strict ? diagnostics.warnings.count : 0)
            let warnings = strict ? 0 : diagnostics.warnings.count
            // Placeholders are valid content (a new site previews at once) but not publishable.
            let placeholders = Placeholder.scan(contentPath: location.content, fileSystem: location.fileSystem)
            for placeholder in placeholders {
                printError("\(placeholder.location): \(Terminal.paint("note:", "1;36", when: Terminal.errorColors)) \(placeholder.message)\n")
            }
            let left = placeholders.isEmpty ? "" : ", \(placeholders.count) placeholder\(placeholders.count == 1 ? "" : "s") left (publish refuses them)"
            printError(
                "\(failed ? "check failed" : "check passed"): \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\(left)\n"
            )
        } else {
            print(rendered, terminator: "")
        }
        if failed { throw ExitCode(1) }
    }
}

struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Report which items each policy states under the privacy regimes its company declares (GDPR Art. 13 when none).",
        discussion: "Reads each company's default-language policy. Exits 1 with --strict when an item is missing or partial.")

    @OptionGroup var location: SiteLocation

    @Option(help: "Output format: text, markdown, json or github.")
    var format: Format = .text

    @Flag(help: "Exit 1 when any item is missing or partial.")
    var strict = false

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown, json, github
    }

    func run() throws { try location.reading(runReading) }

    /// `run`, holding the site's lock shared.
    private func runReading() throws {
        let loaded = ContentLoader(fileSystem: location.fileSystem, themesPath: location.themesPath).load(contentPath: location.content)
        guard let site = loaded.site, !loaded.diagnostics.hasErrors else {
            printDiagnostics(loaded.diagnostics)
            printFailure("fix the content errors above first (`policysite check`)")
            throw ExitCode(1)
        }
        let reports = JurisdictionLint.run(site)
        let incomplete = JurisdictionLint.diagnostics(reports)
        switch format {
        case .markdown: print(JurisdictionLint.markdown(reports, registry: site.jurisdictions), terminator: "")
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(reports), as: UTF8.self))
        case .text: print(DiagnosticFormat.text.render(incomplete) + JurisdictionLint.summary(reports), terminator: "")
        case .github: print(DiagnosticFormat.github.render(incomplete), terminator: "")
        }
        if strict && !incomplete.isEmpty { throw ExitCode(1) }
    }
}
