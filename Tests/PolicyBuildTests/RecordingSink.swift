import PolicyDiagnostics
import PolicyModel

@testable import PolicyBuild

/// A sink that writes nothing and remembers what the driver handed it: the companies of each
/// chunk (tests render them whole, in one go, to compare with a build) and how the run ended.
struct RecordingSink: PageSink {
    typealias Failure = Never

    var companies: [Company] = []
    /// Pages per chunk taken, in order.
    var chunkPages: [Int] = []
    var finished = false
    var abandoned = false

    mutating func take(_ chunk: SiteDriver.Chunk) {
        companies += chunk.site.companies
        chunkPages.append(chunk.pages.count)
    }

    mutating func finish(_ opening: SiteDriver.Opening, diagnostics: [Diagnostic]) { finished = true }

    mutating func abandon() { abandoned = true }
}
