public import ArgumentParser
import Foundation

/// `policysite new site|company|language`: the starting files, which pass `check --strict` as
/// written and mark what a person must write with `[[TODO: …]]`.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new", abstract: "Create a site, a company or a language from a template.",
        subcommands: [NewSite.self, NewCompany.self, NewLanguage.self])
}
