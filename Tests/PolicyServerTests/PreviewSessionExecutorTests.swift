import Foundation
import PolicyBuild
import PolicyModel
import TestSupport
import Testing

@testable import PolicyServer

/// The preview session's rebuilds block for seconds; they run on the session's own queue so
/// they never hold one of the few threads of Swift's cooperative pool that serve requests.
@Suite struct PreviewSessionExecutorTests {
    @Test func theSessionRunsOnItsBuildQueue() async {
        let session = PreviewSession(options: BuildOptions(contentPath: "/nonexistent", outputPath: "/nonexistent-out"))
        #expect(await session.runsOnBuildQueue())
        #expect(!BuildQueue.isCurrent)
    }
}
