public import ArgumentParser
import Foundation
public import PolicyModel
import PolicyScaffold

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
