import Foundation
import PolicyFiles
import Testing

/// `check` finds the line of a broken link by reading the policy body; thousands of broken
/// links in one body made that quadratic (16,000 links in 1 MB: over two minutes). 150 links
/// here: CLI.run reads standard error only after standard output ends, so it must fit a pipe.
@Suite struct BrokenLinkCostTests {
    @Test func manyBrokenLinksAreAllReportedAndOnlyTheFirstAreLocated() throws {
        let folder = try CLI.temporaryDirectory("links").appendingPathComponent("a").appendingPathComponent("b")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let site = folder.appendingPathComponent("site")
        let themes = CLI.root.appendingPathComponent("themes").path
        #expect(try CLI.run(["new", "site", site.path, "--title", "Links", "--themes", themes], in: folder).status == 0)
        #expect(try CLI.run(["new", "company", "acme"], in: site).status == 0)
        let policy = site.appendingPathComponent("content/acme/en/privacy.md")
        let links = (1...150).map { "See [part \($0)](#missing-\($0)).\n\n" }.joined()
        try Data((try read(policy) + "\n" + links).utf8).write(to: policy)
        let check = try CLI.run(["check"], in: site)
        #expect(check.status == 1)
        let broken = check.stderrLines.filter { $0.contains("points to a missing anchor #missing-") }
        #expect(broken.count == 150, "\(broken.count) broken links reported")
        let located = broken.filter { $0.hasPrefix("content/acme/en/privacy.md:") && !$0.hasPrefix("content/acme/en/privacy.md: ") }
        #expect(located.count == 20, "\(located.count) located")
        #expect(located.contains { $0.contains("#missing-1;") || $0.contains("#missing-1 ") })
        #expect(broken.filter { $0.hasPrefix("content/acme/en/privacy.md: error:") }.count == 130)
    }
}
