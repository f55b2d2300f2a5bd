import Foundation
import PolicyContent
public import PolicyDiagnostics
public import PolicyModel

/// `policysite check`: everything `build` validates, plus checks of the rendered pages (links
/// and anchors), dates, contact data and cookie prose, without writing anything.
///
/// The same driver as `build` (`SiteDriver`), a chunk of companies at a time: load, check,
/// render in memory, check the pages (`CheckSink`), drop.
public struct SiteChecker: Sendable {
    public var builder: SiteBuilder

    public init(builder: SiteBuilder = SiteBuilder()) {
        self.builder = builder
    }

    public func check(_ options: BuildOptions) -> [Diagnostic] {
        let driver = SiteDriver.check(options, builder: builder)
        let (opened, problems) = driver.open()
        guard let opening = opened else { return problems }
        var sink = CheckSink(opening)
        switch driver.run(opening, into: &sink) {
        case .failed(let diagnostics): return diagnostics
        case .finished: return sink.diagnostics
        }
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
