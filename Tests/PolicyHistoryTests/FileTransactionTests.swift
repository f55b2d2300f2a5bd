import Foundation
import TestSupport
import Testing

@testable import PolicyHistory

@Suite struct FileTransactionTests {
    let root: String = {
        let path = Scratch.directory.appendingPathComponent("tx-\(UUID().uuidString.prefix(8))").path
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try! "old a".write(toFile: path + "/a.txt", atomically: true, encoding: .utf8)
        return path
    }()

    func listing() throws -> [String: String] {
        var files: [String: String] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: root) {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory)
            files[path] = isDirectory.boolValue ? "<dir>" : try String(contentsOfFile: root + "/" + path, encoding: .utf8)
        }
        return files
    }

    @Test func writesEveryFileAndCreatesFolders() throws {
        var transaction = FileTransaction(root: root)
        transaction.write("new a", to: root + "/a.txt")
        transaction.write("b", to: root + "/deep/er/b.txt")
        try transaction.commit()
        #expect(try listing() == ["a.txt": "new a", "deep": "<dir>", "deep/er": "<dir>", "deep/er/b.txt": "b"])
    }

    @Test func failureWhileStagingChangesNothing() throws {
        try "i am a file".write(toFile: root + "/blocker", atomically: true, encoding: .utf8)
        let before = try listing()
        var transaction = FileTransaction(root: root)
        transaction.write("new a", to: root + "/a.txt")
        transaction.write("x", to: root + "/new/folder/x.txt")
        transaction.write("y", to: root + "/blocker/y.txt")  // a file stands where a folder is needed
        #expect(throws: (any Error).self) { try transaction.commit() }
        #expect(try listing() == before)
    }

    @Test func aFolderIsNeverReplacedByAFile() throws {
        try FileManager.default.createDirectory(atPath: root + "/taken", withIntermediateDirectories: true)
        try "keep".write(toFile: root + "/taken/inside.txt", atomically: true, encoding: .utf8)
        let before = try listing()
        var transaction = FileTransaction(root: root)
        transaction.write("new a", to: root + "/a.txt")
        transaction.write("cannot replace a folder", to: root + "/taken")
        #expect(throws: (any Error).self) { try transaction.commit() }
        #expect(try listing() == before)
    }

    struct InjectedFailure: Error {}

    /// The third rename fails: the file already swapped in is taken out again and the backup
    /// put back, new files and folders are removed.
    @Test func failureWhileRenamingRestoresReplacedFiles() throws {
        try "old b".write(toFile: root + "/b.txt", atomically: true, encoding: .utf8)
        let before = try listing()
        final class Counter: @unchecked Sendable { var moves = 0 }
        let counter = Counter()
        var transaction = FileTransaction(root: root) { from, to in
            counter.moves += 1
            if counter.moves == 3 { throw InjectedFailure() }
            try FileTransaction.rename(from, to)
        }
        transaction.write("new a", to: root + "/a.txt")
        transaction.write("c", to: root + "/fresh/c.txt")
        transaction.write("new b", to: root + "/b.txt")
        #expect(throws: InjectedFailure.self) { try transaction.commit() }
        #expect(counter.moves == 3)
        let after = try listing()
        #expect(after == before, "before: \(before)\nafter: \(after)")
    }

    /// What a process killed mid-way leaves: a journal and some of the files. `recover` rolls a
    /// transaction that had not reached its commit point back, and one that had forward.
    @Test func recoveryRollsBackBeforeTheCommitPointAndForwardAfterIt() throws {
        func journal(_ state: String) throws {
            let text = """
                {"state": "\(state)", "folders": ["\(root)/fresh"],
                 "steps": [{"temporary": "\(root)/.a.txt.publish-x", "destination": "\(root)/a.txt", "backup": "\(root)/.a.txt.backup-x"},
                           {"temporary": "\(root)/fresh/.c.txt.publish-x", "destination": "\(root)/fresh/c.txt", "backup": "\(root)/fresh/.c.txt.backup-x"}]}
                """
            try text.write(toFile: root + "/.policysite-journal.json", atomically: true, encoding: .utf8)
            try FileManager.default.createDirectory(atPath: root + "/fresh", withIntermediateDirectories: true)
            try "new a".write(toFile: root + "/.a.txt.publish-x", atomically: true, encoding: .utf8)
            try "c".write(toFile: root + "/fresh/.c.txt.publish-x", atomically: true, encoding: .utf8)
        }
        let before = try listing()
        try journal("preparing")
        #expect(FileTransaction.recover(root: root) == "an interrupted publish was rolled back; nothing it planned was kept")
        #expect(try listing() == before)

        try journal("committing")
        #expect(FileTransaction.recover(root: root) == "an interrupted publish was completed")
        #expect(try listing() == ["a.txt": "new a", "fresh": "<dir>", "fresh/c.txt": "c"])
        #expect(FileTransaction.recover(root: root) == nil)
    }
}
