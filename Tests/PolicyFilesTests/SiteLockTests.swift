import Foundation
import PolicyFiles
import TestSupport
import Testing

/// `SiteLock`: flock(2) on content/.policysite.lock. Two opens of the file conflict even
/// within one process (flock locks belong to the open file), so one test process can play
/// both sides.
@Suite struct SiteLockTests {
    /// A content folder two folders deep in the scratch folder, with a canary beside it.
    let content: String = {
        let outer = Scratch.directory.appendingPathComponent("lock-\(UUID().uuidString.prefix(8))")
        let inner = outer.appendingPathComponent("inner")
        try! FileManager.default.createDirectory(at: inner.appendingPathComponent("content"), withIntermediateDirectories: true)
        try! "canary".write(to: inner.appendingPathComponent("canary.txt"), atomically: true, encoding: .utf8)
        return inner.appendingPathComponent("content").path
    }()

    var canary: String { (content as NSString).deletingLastPathComponent + "/canary.txt" }

    /// True when `acquire` returned a lock (which is then released).
    func taken(_ lock: consuming SiteLock?) -> Bool {
        switch consume lock {
        case .some: true
        case .none: false
        }
    }

    @Test func anExclusiveLockKeepsOthersOutUntilItIsReleasedAndNamesItsHolder() throws {
        var announced: [Int32?] = []
        do {
            let held = try SiteLock.acquire(.exclusive, contentPath: content)
            #expect(try String(contentsOfFile: SiteLock.path(contentPath: content), encoding: .utf8) == "\(getpid())\n")
            for mode in [SiteLock.Mode.exclusive, .shared] {
                #expect(throws: SiteLock.Failure.busy(path: SiteLock.path(contentPath: content), holder: getpid(), waited: .milliseconds(100))) {
                    _ = try SiteLock.acquire(mode, contentPath: content, timeout: .milliseconds(100)) { announced.append($0) }
                }
            }
            withExtendedLifetime(held) {}
        }
        #expect(announced == [getpid(), getpid()])
        let failure = SiteLock.Failure.busy(path: SiteLock.path(contentPath: content), holder: 42, waited: .seconds(30))
        #expect("\(failure)".hasPrefix("another publish of \(content) is running (pid 42) and did not finish within 30 s"))
        // Released at the end of its scope: the id is cleared and the next one gets it at once.
        #expect(try String(contentsOfFile: SiteLock.path(contentPath: content), encoding: .utf8) == "")
        #expect(taken(try SiteLock.acquire(.exclusive, contentPath: content, timeout: .zero)))
    }

    @Test func sharedLocksGoTogetherAndKeepTheExclusiveOneOut() throws {
        let first = try SiteLock.acquire(.shared, contentPath: content)
        #expect(taken(try SiteLock.acquire(.shared, contentPath: content, timeout: .zero)))
        #expect(throws: SiteLock.Failure.self) { _ = try SiteLock.acquire(.exclusive, contentPath: content, timeout: .milliseconds(50)) }
        withExtendedLifetime(first) {}
    }

    @Test func aWaiterGetsTheLockWhenTheHolderReleasesIt() throws {
        let path = content
        let holding = DispatchSemaphore(value: 0)
        Thread {
            let held = try? SiteLock.acquire(.exclusive, contentPath: path)
            holding.signal()
            usleep(300_000)
            withExtendedLifetime(held) {}
        }.start()
        holding.wait()
        var waited = false
        #expect(taken(try SiteLock.acquire(.exclusive, contentPath: content, timeout: .seconds(10)) { _ in waited = true }))
        #expect(waited)
    }

    @Test func aLinkInPlaceOfTheLockFileIsNeverWrittenThrough() throws {
        try FileManager.default.createSymbolicLink(atPath: SiteLock.path(contentPath: content), withDestinationPath: canary)
        #expect(throws: SiteLock.Failure.self) { _ = try SiteLock.acquire(.exclusive, contentPath: content) }
        #expect(throws: SiteLock.Failure.self) { _ = try SiteLock.acquire(.shared, contentPath: content) }
        #expect(try String(contentsOfFile: canary, encoding: .utf8) == "canary")
    }

    @Test func aMissingContentFolderHasNothingToLock() throws {
        let missing = content + "/nope"
        #expect(!taken(try SiteLock.acquire(.exclusive, contentPath: missing)))
        #expect(!FileManager.default.fileExists(atPath: missing))
    }
}
