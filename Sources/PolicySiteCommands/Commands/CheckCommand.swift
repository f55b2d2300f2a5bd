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
        options.archiveCache = BuildCache(output: "public").archives(readOnly: true)
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
