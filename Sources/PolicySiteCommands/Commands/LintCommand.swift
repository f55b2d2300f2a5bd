public import ArgumentParser
import Foundation
import PolicyChecks
public import PolicyContent
public import PolicyDiagnostics
import PolicyModel

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
