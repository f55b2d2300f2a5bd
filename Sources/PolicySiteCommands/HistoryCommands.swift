import ArgumentParser
import Foundation
import PolicyBuild
import PolicyHistory
import PolicyModel

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

    func validate() throws {
        if all == (company != nil) { throw ValidationError("name one company, or pass --all") }
        if major && minor { throw ValidationError("--major and --minor exclude each other") }
    }

    func run() throws {
        let request = PublishRequest(
            company: all ? nil : company, summary: summary, changes: changes, date: date, effective: effective,
            bump: major ? .major : minor ? .minor : .automatic)
        do {
            for version in try Publisher().publish(request, contentPath: location.content) {
                print("Published \(version.company) \(version.version) (\(version.date)), languages: \(version.languages.map(\.rawValue).joined(separator: ", "))")
            }
        } catch {
            if case .contentErrors(let diagnostics) = error { printError(DiagnosticFormat.text.render(diagnostics)) }
            printError("error: \(error)\n")
            throw ExitCode(1)
        }
    }
}

struct VersionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "versions", abstract: "List a company's published versions.")

    @OptionGroup var location: SiteLocation

    @Argument(help: "Company folder or slug.")
    var company: String

    func run() throws {
        let company = try loadCompany(company, content: location.content)
        guard !company.changelog.entries.isEmpty else {
            print("\(company.slug) has no published versions yet (current text: \(company.source.map { $0.frontMatter.version.description } ?? "?")); publish one with `policysite publish \(company.slug) --summary …`")
            return
        }
        let current = company.source?.frontMatter.version
        for entry in company.changelog.entries.reversed() {
            let marker = entry.version == current ? "  (current)" : ""
            print("\(entry.version)\t\(entry.date)\t\(entry.summary)\(marker)")
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

    func run() throws {
        let company = try loadCompany(company, content: location.content)
        let language = try language.map { code in
            guard let value = LanguageCode(code), company.languages.contains(value) else {
                throw ValidationError("no '\(code)' policy for \(company.slug); expected one of: \(company.languages.map(\.rawValue).joined(separator: ", "))")
            }
            return value
        } ?? company.defaultLanguage
        let old = try document(from, company, language), new = try document(to, company, language)
        print(DiffPrinter.render(PolicyDiff(from: old, to: new)), terminator: "")
    }

    private func document(_ name: String, _ company: Company, _ language: LanguageCode) throws -> PolicyDocument {
        if name == "current", let current = company.policies[language] { return current }
        guard let version = PolicyVersionNumber(name), let archived = company.archive.first(where: { $0.version == version }) else {
            let known = company.archive.map(\.version.description) + ["current"]
            throw ValidationError("\(company.slug) has no version '\(name)'; expected one of: \(known.joined(separator: ", "))")
        }
        guard let document = archived.policies[language] else {
            throw ValidationError("version \(version) of \(company.slug) has no '\(language)' text")
        }
        return document
    }
}

/// The company named on the command line, from content that loads without errors.
func loadCompany(_ name: String, content: String) throws -> Company {
    let loaded = ContentLoader().load(contentPath: content)
    guard let site = loaded.site, !loaded.diagnostics.hasErrors else {
        printError(DiagnosticFormat.text.render(loaded.diagnostics))
        throw ValidationError("fix the content errors above first")
    }
    guard let company = site.companies.first(where: { $0.slug == name || $0.folder.hasSuffix("/\(name)") }) else {
        throw ValidationError("no company '\(name)'; expected one of: \(site.companies.map(\.slug).joined(separator: ", "))")
    }
    return company
}
