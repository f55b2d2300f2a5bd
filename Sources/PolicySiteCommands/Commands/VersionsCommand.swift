public import ArgumentParser
import Foundation
import PolicyBuild
import PolicyContent
import PolicyDiagnostics
import PolicyFiles
import PolicyHistory
public import PolicyModel

struct VersionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "versions", abstract: "List a company's published versions.")

    @OptionGroup var location: SiteLocation

    @Argument(help: "Company folder or slug.")
    var company: String

    @Option(name: .customLong("as-of"), help: "List the versions as they stood on this date (YYYY-MM-DD); default: today.")
    var asOf: PolicyDate?

    func run() throws { try location.reading(runReading) }

    /// `run`, holding the site's lock shared.
    private func runReading() throws {
        let today = asOf ?? PolicyDate(clock(nil)())
        let company = try loadCompany(company, location: location, publishedBy: today)
        guard !company.changelog.entries.isEmpty else {
            print(
                "\(company.slug) has no published versions yet (current text: \(company.source.map { $0.frontMatter.version.description } ?? "?")); publish one with `policysite publish \(company.slug) --summary …`"
            )
            return
        }
        // Each version's life on `today`: announced, upcoming until its effective date, current,
        // then archived from the day the version that replaced it took effect.
        let timeline = VersionTimeline(company, today: today)
        for entry in company.changelog.entries.reversed() {
            guard let life = timeline.version(entry.version) else { continue }
            let status =
                switch life.status {
                case .upcoming: "upcoming"
                case .current: "current"
                case .archived: life.supersededOn.map { "archived, superseded on \($0)" + (life.supersededBy.map { " by \($0)" } ?? "") } ?? "archived"
                }
            print("\(entry.version)\tannounced \(life.announced) · effective \(life.effective)\t\(entry.summary)  (\(status))")
        }
    }
}
