import Foundation
import PolicyChecks
import PolicyContent
public import PolicyDiagnostics
public import PolicyModel
import PolicyRender

/// `policysite check`: everything `build` validates, plus checks of the rendered pages (links
/// and anchors), dates, contact data and cookie prose, without writing anything.
///
/// Like `build`, it works a chunk of companies at a time: load, check, render in memory, check
/// the pages' links, drop. Memory holds one chunk and the site's link index.
public struct SiteChecker: Sendable {
    public var builder: SiteBuilder

    public init(builder: SiteBuilder = SiteBuilder()) {
        self.builder = builder
    }

    public func check(_ options: BuildOptions) -> [Diagnostic] {
        let loader = ContentLoader(fileSystem: builder.fileSystem, themesPath: options.themesPath, archiveCache: options.archiveCache)
        let (outline, outlineProblems) = loader.outline(contentPath: options.contentPath)
        guard let outline else { return outlineProblems.sortedByLocation() }
        let wholeSite = outline.site(with: [], allLanguages: true)
        let (loadedTheme, themeProblems) = builder.loadTheme(for: wholeSite, options)
        var diagnostics = outlineProblems + themeProblems
        guard let theme = loadedTheme else { return diagnostics.sortedByLocation() }

        let today = PolicyDate(builder.now())
        var links = LinkChecker(assets: theme.assetCopies.map(\.destination))
        // Every page links the home page and its siblings, which come last: their paths are
        // known now (the same files with no companies), so those links need not wait.
        links.expect(PagePlan.siteFiles(index: [], renderer: SiteRenderer(site: wholeSite, theme: theme, today: today)).map(\.path))
        var more: [Diagnostic] = []
        var index: [CompanyIndexEntry] = []
        var stream = CompanyStream(loader: loader, outline: outline)
        while let chunk = stream.next() {
            diagnostics += chunk.diagnostics
            // Rendering content that does not load would only repeat the same problems.
            guard !diagnostics.hasErrors else { continue }
            // Drafts are checked too: the author publishes them next.
            let renderer = SiteRenderer(site: chunk.site, theme: theme, bodies: BodyCache(), today: today, drafts: true)
            let pages = builder.renderCompanies(chunk.site, renderer: renderer, reusing: nil).pages
            index += chunk.site.companies.map { CompanyIndexEntry($0, renderer: renderer) }
            let documents = Dictionary(chunk.site.companies.flatMap { $0.policies.values }.map { ($0.path, $0) }) { first, _ in first }
            var searches: [String: Int] = [:]
            var bodyLines: [String: [Substring]] = [:]
            links.add(pages) { file, href in
                guard let document = documents[file] else { return nil }
                // Each search reads the whole body: past `locatedLinks` broken links in one
                // file (16,000 made check take minutes), the rest are reported at the file.
                searches[file, default: 0] += 1
                guard searches[file]! <= Self.locatedLinks else { return SourceLocation(file: document.path) }
                return Self.line(of: href, in: document, lines: bodyLines[file] ?? bodyLines.cached(file, document))
            }
            more += ContentChecks(site: chunk.site, renderer: renderer, today: today).run()
        }
        guard !diagnostics.hasErrors else { return diagnostics.sortedByLocation() }
        links.add(PagePlan.siteFiles(index: index, renderer: SiteRenderer(site: wholeSite, theme: theme, today: today)))
        return (diagnostics + more + links.finish()).sortedByLocation()
    }

    /// The most broken links of one policy file whose line is looked for.
    static let locatedLinks = 20

    /// Where a policy body writes a link: the `(href)` of an inline link first, then the bare
    /// text (reference definitions, autolinks).
    static func line(of href: String, in document: PolicyDocument, lines: [Substring]? = nil) -> SourceLocation? {
        let lines = lines ?? document.body.split(separator: "\n", omittingEmptySubsequences: false)
        for (needle, shift) in [("(\(href))", 1), (href, 0)] {
            for (offset, line) in lines.enumerated() {
                if let range = line.range(of: needle) {
                    return SourceLocation(
                        file: document.path, line: document.bodyLine + offset, column: line.distance(from: line.startIndex, to: range.lowerBound) + 1 + shift)
                }
            }
        }
        return nil
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
