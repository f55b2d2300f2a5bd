import PolicyChecks
import PolicyContent
import PolicyDiagnostics
import PolicyModel
import PolicyRender

/// `check`'s sink: each chunk's pages go to the link checker (links and anchors across the
/// whole site) and its companies through the content checks (dates, contact data, cookie
/// prose), then dropped. Memory holds one chunk and the site's link index.
struct CheckSink: PageSink {
    typealias Failure = Never

    private var links: LinkChecker
    /// What the content checks found, beyond what loading found.
    private var more: [Diagnostic] = []
    /// Each company's entry in the site-wide files, which are checked last.
    private var index: [CompanyIndexEntry] = []
    /// Every problem, sorted by location, once the run finished.
    private(set) var diagnostics: [Diagnostic] = []

    init(_ opening: SiteDriver.Opening) {
        links = LinkChecker(assets: opening.theme.assetCopies.map(\.destination))
        // Every page links the home page and its siblings, which come last: their paths are
        // known now (the same files with no companies), so those links need not wait.
        links.expect(PagePlan.siteFiles(index: [], renderer: Self.siteRenderer(opening)).map(\.path))
    }

    mutating func take(_ chunk: SiteDriver.Chunk) {
        index += chunk.site.companies.map { CompanyIndexEntry($0, renderer: chunk.renderer) }
        let documents = Dictionary(chunk.site.companies.flatMap { $0.policies.values }.map { ($0.path, $0) }) { first, _ in first }
        var searches: [String: Int] = [:]
        var bodyLines: [String: [Substring]] = [:]
        links.add(chunk.pages) { file, href in
            guard let document = documents[file] else { return nil }
            // Each search reads the whole body: past `locatedLinks` broken links in one
            // file (16,000 made check take minutes), the rest are reported at the file.
            searches[file, default: 0] += 1
            guard searches[file]! <= SiteChecker.locatedLinks else { return SourceLocation(file: document.path) }
            return SiteChecker.line(of: href, in: document, lines: bodyLines[file] ?? bodyLines.cached(file, document))
        }
        more += ContentChecks(site: chunk.site, renderer: chunk.renderer, today: chunk.renderer.today).run()
    }

    /// The site-wide files' links, and every problem in one list.
    mutating func finish(_ opening: SiteDriver.Opening, diagnostics: [Diagnostic]) {
        links.add(PagePlan.siteFiles(index: index, renderer: Self.siteRenderer(opening)))
        self.diagnostics = (diagnostics + more + links.finish()).sortedByLocation()
    }

    private static func siteRenderer(_ opening: SiteDriver.Opening) -> SiteRenderer {
        SiteRenderer(site: opening.wholeSite, theme: opening.theme, today: opening.today)
    }
}

extension Dictionary where Key == String, Value == [Substring] {
    /// The lines of `document`'s body, split once and kept under `file`.
    fileprivate mutating func cached(_ file: String, _ document: PolicyDocument) -> [Substring] {
        let lines = document.body.split(separator: "\n", omittingEmptySubsequences: false)
        self[file] = lines
        return lines
    }
}
