import Foundation
public import PolicyModel
import PolicyRender

/// `policysite check`: everything `build` validates, plus checks of the rendered pages (links
/// and anchors), dates, contact data and cookie prose, without writing anything.
public struct SiteChecker: Sendable {
    public var builder: SiteBuilder

    public init(builder: SiteBuilder = SiteBuilder()) {
        self.builder = builder
    }

    public func check(_ options: BuildOptions) -> [Diagnostic] {
        let (prepared, diagnostics) = builder.prepare(options)
        // Rendering a site whose content does not load would only repeat the same problems.
        guard let prepared, !diagnostics.hasErrors else { return diagnostics }
        let renderer = SiteRenderer(site: prepared.site, theme: prepared.theme, bodies: builder.bodies, today: PolicyDate(builder.now()))
        let pages = builder.render(prepared)
        let documents = Dictionary(prepared.site.companies.flatMap { $0.policies.values }.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        var more = LinkChecker.check(pages, assets: prepared.theme.assetCopies.map(\.destination)) { file, href in
            // Links written in a policy body: point at the line of the Markdown that has them.
            guard let document = documents[file] else { return nil }
            // `(href)` of an inline link first, then the bare text (reference definitions, autolinks).
            let lines = document.body.split(separator: "\n", omittingEmptySubsequences: false)
            for (needle, shift) in [("(\(href))", 1), (href, 0)] {
                for (offset, line) in lines.enumerated() {
                    if let range = line.range(of: needle) {
                        return SourceLocation(
                            file: file, line: document.bodyLine + offset, column: line.distance(from: line.startIndex, to: range.lowerBound) + 1 + shift)
                    }
                }
            }
            return nil
        }
        more += ContentChecks(site: prepared.site, renderer: renderer, today: PolicyDate(builder.now())).run()
        return (diagnostics + more).sortedByLocation()
    }
}
