public import ArgumentParser
import Foundation
import PolicyFiles
public import PolicyModel
import PolicyScaffold

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
