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
        options.archiveCache = BuildCache(output: output).archives()
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
