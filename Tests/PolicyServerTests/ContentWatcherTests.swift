import Foundation
import PolicyBuild
import PolicyFiles
import PolicyModel
import TestSupport
import Testing

@testable import PolicyServer

@Suite struct ContentWatcherTests {
    @Test func reportsModifiedAddedAndRemovedFiles() throws {
        let root = Scratch.directory.appendingPathComponent("watch-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("acme/en"), withIntermediateDirectories: true)
        let policy = root.appendingPathComponent("acme/en/privacy.md")
        try "one".write(to: policy, atomically: false, encoding: .utf8)
        let watcher = ContentWatcher(roots: [root.path])
        var snapshot = watcher.scan()

        try "one, two".write(to: policy, atomically: false, encoding: .utf8)
        var (next, changed) = watcher.rescan(snapshot)
        #expect(changed == [policy.path])
        snapshot = next

        try FileManager.default.createDirectory(at: root.appendingPathComponent("acme/fr"), withIntermediateDirectories: true)
        try "un".write(to: root.appendingPathComponent("acme/fr/privacy.md"), atomically: false, encoding: .utf8)
        try "swap".write(to: root.appendingPathComponent("acme/.privacy.md.swp"), atomically: false, encoding: .utf8)
        (next, changed) = watcher.rescan(snapshot)
        #expect(changed == [root.path + "/acme/fr", root.path + "/acme/fr/privacy.md"])
        snapshot = next

        try FileManager.default.removeItem(at: policy)
        (next, changed) = watcher.rescan(snapshot)
        #expect(changed == [policy.path])
        #expect(watcher.rescan(next).1.isEmpty)
        try? FileManager.default.removeItem(at: root)
    }
}
