public import ArgumentParser
import Foundation
import PolicyContent
import PolicyDiagnostics
public import PolicyModel

/// The company named on the command line, from content that loads without errors. Content
/// errors exit 1 with the errors (they are not a usage mistake).
func loadCompany(_ name: String, location: SiteLocation, publishedBy day: PolicyDate? = nil) throws -> Company {
    var loader = ContentLoader(fileSystem: location.fileSystem, themesPath: location.themesPath)
    loader.publishedBy = day
    let loaded = loader.load(contentPath: location.content)
    guard let site = loaded.site, !loaded.diagnostics.hasErrors else {
        printDiagnostics(loaded.diagnostics)
        printFailure("fix the content errors above first (`policysite check`)")
        throw ExitCode(1)
    }
    guard let company = site.company(named: name) else {
        throw fail(unknownCompanyMessage(name, available: site.companies.map(\.slug)))
    }
    return company
}
