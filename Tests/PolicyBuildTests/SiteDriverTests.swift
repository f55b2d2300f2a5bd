import Foundation
import PolicyDiagnostics
import PolicyModel
import Testing

@testable import PolicyBuild

/// `SiteDriver`, the one pass of `build`, `check` and serve's rebuild: what a sink is handed,
/// and when.
@Suite struct SiteDriverTests {
    @Test func everyChunkReachesTheSinkThenItFinishes() throws {
        let options = try BuildFixtures.makeSite("driver-good")
        let driver = SiteDriver.check(options, builder: SiteBuilder())
        let (opened, problems) = driver.open()
        let opening = try #require(opened, "\(problems)")
        var sink = RecordingSink()
        let outcome = driver.run(opening, into: &sink)
        guard case .finished = outcome else {
            Issue.record("expected a finished run: \(outcome.diagnostics)")
            return
        }
        // Three chunks of 16, 16 and 5 companies, in folder order.
        #expect(sink.chunkPages.count == 3 && sink.chunkPages.allSatisfy { $0 > 0 })
        #expect(sink.companies.map(\.slug) == (0..<BuildFixtures.companies).map { String(format: "c%02d", $0) })
        #expect(sink.finished && !sink.abandoned)
    }

    @Test func aProblemStopsTheRenderingButEveryChunkIsStillLoaded() throws {
        let options = try BuildFixtures.makeSite("driver-broken", fallback: false)
        // A problem in the second chunk and one in the last.
        try "---\ntitle: [unclosed\n---\n".write(toFile: options.contentPath + "/c20/en/privacy.md", atomically: false, encoding: .utf8)
        try "legal_name: X\nbogus_field: 1\n".write(toFile: options.contentPath + "/c36/company.yml", atomically: false, encoding: .utf8)
        let driver = SiteDriver.check(options, builder: SiteBuilder())
        let opening = try #require(driver.open().0)
        var sink = RecordingSink()
        let outcome = driver.run(opening, into: &sink)
        guard case .failed(let diagnostics) = outcome else {
            Issue.record("expected a failed run")
            return
        }
        // The first chunk was rendered and taken; none after the problem.
        #expect(sink.chunkPages.count == 1)
        #expect(sink.abandoned && !sink.finished)
        let files = Set(diagnostics.errors.map(\.location.file))
        #expect(files.contains { $0.hasSuffix("c20/en/privacy.md") } && files.contains { $0.hasSuffix("c36/company.yml") })
        #expect(diagnostics == diagnostics.sortedByLocation())
    }

    @Test func underStrictAWarningStopsTheRenderingOfABuildButNotOfACheck() throws {
        var options = try BuildFixtures.makeSite("driver-strict", fallback: false)
        // A French text at an older version than its English source is stale: a warning.
        let french = options.contentPath + "/c00/fr/privacy.md"
        let stale = try String(contentsOfFile: french, encoding: .utf8).replacingOccurrences(of: "version: \"1.0\"", with: "version: \"0.9\"")
        try stale.write(toFile: french, atomically: false, encoding: .utf8)
        options.strict = true
        let drivers: [(SiteDriver, renders: Bool)] = [
            (SiteDriver.build(options, builder: SiteBuilder(), archives: nil), false), (SiteDriver.check(options, builder: SiteBuilder()), true),
        ]
        for (driver, renders) in drivers {
            let opening = try #require(driver.open().0)
            var sink = RecordingSink()
            let outcome = driver.run(opening, into: &sink)
            #expect(!outcome.diagnostics.warnings.isEmpty && !outcome.diagnostics.hasErrors, "\(outcome.diagnostics)")
            #expect(sink.finished == renders && sink.chunkPages.count == (renders ? 3 : 0))
        }
    }
}
