public import ArgumentParser
import Foundation
import PolicyFiles
public import PolicyModel
import PolicyScaffold

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
