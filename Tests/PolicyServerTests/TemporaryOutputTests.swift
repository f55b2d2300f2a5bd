import Foundation
import PolicyBuild
import PolicyFiles
import PolicyModel
import TestSupport
import Testing

@testable import PolicyServer

/// Which folders in the temporary folder a starting `serve` removes: only those named
/// `policysite-serve-<pid>-<8 hex>` after a process that no longer runs, and only real folders.
@Suite struct TemporaryOutputTests {
    @Test func onlyFoldersOfDeadServersAreRemoved() throws {
        let parent = Scratch.directory.appendingPathComponent("temporary-output-\(UUID().uuidString.prefix(8))/tmp")
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        let outside = parent.deletingLastPathComponent().appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try "canary".write(to: outside.appendingPathComponent("canary.txt"), atomically: true, encoding: .utf8)
        // Pid 41 "runs", 42 and 43 do not; 7 is this server.
        let folder = TemporaryOutput(parent: parent.path, processID: 7, isRunning: { $0 == 41 })
        for name in [
            "policysite-serve-41-0000000A", "policysite-serve-42-0000000B", "policysite-serve-7-0000000C", "policysite-serve-42-abcdef12",
            "policysite-serve-042-0000000D", "policysite-serve-42-000000", "policysite-serve-42-0000000G", "policysite-serve-42", "policysite-serve-x-0000000E",
            "policysite-serve-42-0000000F-1", "other-42-0000000A",
        ] {
            try FileManager.default.createDirectory(at: parent.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        try FileManager.default.createSymbolicLink(
            at: parent.appendingPathComponent("policysite-serve-42-abcdef12/link"), withDestinationURL: outside)
        try "a file".write(to: parent.appendingPathComponent("policysite-serve-43-0000000A"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(at: parent.appendingPathComponent("policysite-serve-43-0000000B"), withDestinationURL: outside)

        #expect(folder.removeLeftovers() == ["policysite-serve-42-0000000B", "policysite-serve-42-abcdef12"])
        let left = try FileManager.default.contentsOfDirectory(atPath: parent.path).sorted()
        #expect(!left.contains("policysite-serve-42-0000000B") && left.count == 11, "\(left)")
        #expect(try String(contentsOf: outside.appendingPathComponent("canary.txt"), encoding: .utf8) == "canary")

        let created = try folder.create()
        #expect(URL(fileURLWithPath: created).lastPathComponent.hasPrefix("policysite-serve-7-"))
        #expect(TemporaryOutput.owner(ofFolderNamed: URL(fileURLWithPath: created).lastPathComponent) == 7)
        let mode = try FileManager.default.attributesOfItem(atPath: created)[.posixPermissions] as? Int
        #expect(mode == 0o700)
        #expect(folder.removeLeftovers() == [])
        try? FileManager.default.removeItem(at: parent.deletingLastPathComponent())
    }
}
