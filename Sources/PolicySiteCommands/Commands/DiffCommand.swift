public import ArgumentParser
import Foundation
import PolicyDiagnostics
import PolicyHistory
public import PolicyModel

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
                    throw fail("no '\(code)' policy for \(company.slug); \(expectedOneOf(company.languages.map(\.rawValue)))")
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
            throw fail("\(company.slug) has no version '\(name)'; \(expectedOneOf(known))")
        }
        guard let document = archived.policies[language] else {
            throw fail("version \(version) of \(company.slug) has no '\(language)' text")
        }
        return (document, archived.company)
    }
}
