import Foundation
import PolicyFiles
import PolicyModel
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

    /// What a process killed mid-way leaves: a journal (with the hash of each destination
    /// before and after) and some of the files.
    func interrupted(_ state: String) throws {
        let old = sha256Hex(Data("old a".utf8)), new = sha256Hex(Data("new a".utf8)), c = sha256Hex(Data("c".utf8))
        let text = """
            {"state": "\(state)", "folders": ["\(root)/fresh"],
             "steps": [{"temporary": "\(root)/.a.txt.publish-x", "destination": "\(root)/a.txt", "backup": "\(root)/.a.txt.backup-x", "before": "\(old)", "after": "\(new)"},
                       {"temporary": "\(root)/fresh/.c.txt.publish-x", "destination": "\(root)/fresh/c.txt", "backup": "\(root)/fresh/.c.txt.backup-x", "after": "\(c)"}]}
            """
        try text.write(toFile: root + "/.policysite-journal.json", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: root + "/fresh", withIntermediateDirectories: true)
        try "new a".write(toFile: root + "/.a.txt.publish-x", atomically: true, encoding: .utf8)
        try "c".write(toFile: root + "/fresh/.c.txt.publish-x", atomically: true, encoding: .utf8)
    }

    /// `recover` rolls a transaction that had not reached its commit point back, and one that had forward.
    @Test func recoveryRollsBackBeforeTheCommitPointAndForwardAfterIt() throws {
        let before = try listing()
        try interrupted("preparing")
        #expect(FileTransaction.recover(root: root) == .rolledBack)
        #expect(try listing() == before)

        try interrupted("committing")
        #expect(FileTransaction.recover(root: root) == .completed)
        #expect(try listing() == ["a.txt": "new a", "fresh": "<dir>", "fresh/c.txt": "c"])
        #expect(FileTransaction.recover(root: root) == .none)
    }

    /// A file edited (or deleted) after the interruption is in neither recorded state: nothing
    /// is touched, the note names it, and a new transaction is refused until the user decides.
    @Test func recoveryNeverOverwritesAFileChangedAfterTheInterruption() throws {
        try interrupted("committing")
        try "my own edit".write(toFile: root + "/a.txt", atomically: true, encoding: .utf8)
        let before = try listing()
        let recovery = FileTransaction.recover(root: root)
        #expect(try listing() == before)
        guard case .blocked(let note) = recovery else {
            Issue.record("expected a blocked recovery, got \(recovery)")
            return
        }
        #expect(note.contains("changed after it stopped: \(root)/a.txt;"), "\(note)")
        #expect(note.contains("the hidden .*.publish-x and .*.backup-x files"), "\(note)")
        #expect(note.contains("delete \(root)/.policysite-journal.json"), "\(note)")
        var transaction = FileTransaction(root: root)
        transaction.write("other", to: root + "/a.txt")
        #expect(throws: FileTransaction.Failure.self) { try transaction.commit() }
        #expect(try listing() == before)

        try FileManager.default.removeItem(atPath: root + "/a.txt")
        guard case .blocked(let deleted) = FileTransaction.recover(root: root) else {
            Issue.record("a deleted file did not block the recovery")
            return
        }
        #expect(deleted.contains("\(root)/a.txt (deleted)"), "\(deleted)")

        // Put back as it was before, the transaction completes.
        try "old a".write(toFile: root + "/a.txt", atomically: true, encoding: .utf8)
        #expect(FileTransaction.recover(root: root) == .completed)
        #expect(try listing() == ["a.txt": "new a", "fresh": "<dir>", "fresh/c.txt": "c"])
    }

    /// A file the transaction had already renamed into place, then edited: its part is done, so
    /// recovery completes the rest and leaves the edit alone.
    @Test func anEditAfterAFileWasReplacedIsKeptAndTheRestCompleted() throws {
        try interrupted("committing")
        try FileTransaction.rename(root + "/.a.txt.publish-x", root + "/a.txt")
        try "new a, then edited".write(toFile: root + "/a.txt", atomically: true, encoding: .utf8)
        #expect(FileTransaction.recover(root: root) == .completed)
        #expect(try listing() == ["a.txt": "new a, then edited", "fresh": "<dir>", "fresh/c.txt": "c"])
    }

    /// The journal of a real commit records what each destination held and receives.
    @Test func theJournalRecordsEachFileBeforeAndAfter() throws {
        var transaction = FileTransaction(root: root)
        transaction.write("new a", to: root + "/a.txt")
        transaction.write("b", to: root + "/b.txt")
        let steps = transaction.journalSteps()
        #expect(steps.map(\.before) == [sha256Hex(Data("old a".utf8)), nil])
        #expect(steps.map(\.after) == [sha256Hex(Data("new a".utf8)), sha256Hex(Data("b".utf8))])
    }
}
