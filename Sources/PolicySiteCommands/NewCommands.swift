public import ArgumentParser
import Foundation
import PolicyFiles
public import PolicyModel
import PolicyScaffold

/// `policysite new site|company|language`: the starting files, which pass `check --strict` as
/// written and mark what a person must write with `[[TODO: …]]`.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new", abstract: "Create a site, a company or a language from a template.",
        subcommands: [NewSite.self, NewCompany.self, NewLanguage.self])
}

extension LanguageCode: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

/// Writes the files under `root`, never over a file that exists unless it is one the scaffold
/// edits on purpose; nothing is written when any target exists.
func write(_ files: [ScaffoldFile], under root: String) throws {
    let manager = FileManager.default
    for file in files where !file.replacesExisting {
        let path = (root as NSString).appendingPathComponent(file.path)
        if manager.fileExists(atPath: path) { throw ScaffoldError.exists(path) }
    }
    for file in files {
        let url = URL(fileURLWithPath: root).appendingPathComponent(file.path)
        do {
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try file.contents.write(to: url, options: .atomic)
        } catch {
            throw WriteFailure(message: fileProblem(error, path: (root as NSString).appendingPathComponent(file.path)))
        }
    }
}

/// A file `new` could not write, in words.
struct WriteFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// Runs a scaffold step, turning its errors into a message and exit status 1.
func scaffold(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch {
        printFailure("\(error)")
        throw ExitCode(1)
    }
}

struct NewSite: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site",
        abstract: "Create a site folder: content/site.yml, the default theme, the schemas, a .gitignore and a GitHub Pages workflow.")

    @Argument(help: "Folder to create (it may exist, but not hold a site already).")
    var directory: String

    @Option(help: "The site's name (a placeholder when left out).")
    var title: String?

    @Option(name: .customLong("base-url"), help: "The address the site is published at, e.g. https://privacy.example.com/.")
    var baseURL: String?

    @Option(help: "The site's default language.")
    var language: LanguageCode = LanguageCode("en")!

    @Option(help: "Folder holding the themes to copy default/ from; default ./themes, else the default theme built into policysite.")
    var themes: String?

    @Option(
        name: .customLong("release-url"),
        help: "Where the site's workflow downloads PolicySite releases from (<url>/v<version>/<file>); a mirror, or file:// to test it.")
    var releasesURL = SiteWorkflow.defaultReleasesURL

    func run() throws {
        try scaffold {
            let themesPath = SiteLocation.themesPath(themes)
            let scaffolder = Scaffolder(themesPath: themesPath, fileSystem: SiteLocation.withBuiltInTheme(LocalFileSystem(), themesPath: themesPath))
            let workflow = SiteWorkflow(version: PolicySiteCommand.version, releasesURL: releasesURL)
            let files =
                try scaffolder.site(title: title, baseURL: baseURL, language: language) + [
                    ScaffoldFile(path: SiteWorkflow.path, contents: Data(workflow.text.utf8))
                ]
            try write(files, under: directory)
            print("Created \(directory)/ (\(files.count) files). Next:")
            print("  cd \(directory) && policysite new company acme --languages \(language) --jurisdictions gdpr")
        }
    }
}

struct NewCompany: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "company", abstract: "Add a company: company.yml and a privacy.md per language, with its regimes' rights.")

    @OptionGroup var location: SiteLocation

    @Argument(help: "Folder and URL name, e.g. acme.")
    var slug: String

    @Option(help: "Legal and display name (placeholders when left out).")
    var name: String?

    @Option(help: "Comma-separated languages, the first being the source, e.g. en,fr (default: the site's).")
    var languages: String?

    @Option(help: "Comma-separated privacy regimes from the theme's jurisdictions.yml, e.g. gdpr,ccpa.")
    var jurisdictions: String?

    func run() throws {
        try scaffold {
            let codes = try split(languages).map { code throws(ScaffoldError) -> LanguageCode in
                guard let language = LanguageCode(code) else { throw .unknownLanguage(code) }
                return language
            }
            let files = try Scaffolder(themesPath: location.themesPath, fileSystem: location.fileSystem).company(
                slug: slug, name: name, languages: codes, jurisdictions: split(jurisdictions), contentPath: location.content)
            try write(files, under: ".")
            for file in files { print("wrote \(file.path)") }
            print("Preview with `policysite serve`; `policysite check` lists the [[TODO: …]] placeholders left to write.")
        }
    }

    private func split(_ list: String?) -> [String] {
        (list ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

struct NewLanguage: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "language", abstract: "Add a language to a company: a copy of its source text, marked for translation.")

    @OptionGroup var location: SiteLocation

    @Argument(help: "Company folder, e.g. acme.")
    var company: String

    @Argument(help: "Language code, e.g. fr.")
    var language: LanguageCode

    func run() throws {
        try scaffold {
            let files = try Scaffolder(themesPath: location.themesPath, fileSystem: location.fileSystem).language(
                language, company: company, contentPath: location.content)
            try write(files, under: ".")
            for file in files { print("\(file.replacesExisting ? "updated" : "wrote") \(file.path)") }
        }
    }
}
