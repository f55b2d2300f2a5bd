import Foundation
import PolicyFiles
import Testing

/// `publish` killed with SIGKILL at many moments (a fixed list of delays, so runs repeat, and
/// longer ones while no kill has come after the end, `kills(at:until:_:)`):
/// after the next command's recovery, content/ is exactly as before the publish or exactly as
/// after it, and `check` accepts it.
@Suite(.serialized) struct KillTests {
    static let themes = CLI.root.appendingPathComponent("themes").path

    /// Every file under `folder` (hidden ones too) with its bytes, but the site lock (a killed
    /// publish leaves its process id there; it is no content).
    static func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: folder.path) where !path.hasSuffix(".policysite.lock") {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isDirectory)
            files[path] = isDirectory.boolValue ? Data("<dir>".utf8) : try Data(contentsOf: folder.appendingPathComponent(path))
        }
        return files
    }

    /// Content with version 1.0 published and the 1.1 edits in place, ready to publish.
    static func prepared() throws -> URL {
        let folder = try CLI.temporaryDirectory("kill")
        let replay = CLI.root.appendingPathComponent("Tests/Fixtures/replay")
        try FileManager.default.copyItem(at: replay.appendingPathComponent("v1/content"), to: folder.appendingPathComponent("content"))
        let first = try CLI.run(["publish", "northwind", "--summary", "First", "--date", "2021-03-01", "--themes", themes], in: folder)
        #expect(first.status == 0, "\(first.stderr)")
        for path in ["northwind/company.yml", "northwind/en/privacy.md"] {
            let target = folder.appendingPathComponent("content/\(path)")
            try FileManager.default.removeItem(at: target)
            try FileManager.default.copyItem(at: replay.appendingPathComponent("v3/content/\(path)"), to: target)
        }
        return folder
    }

    /// Starts `policysite` and sends it SIGKILL after `delay` milliseconds.
    static func runKilled(_ arguments: [String], in folder: URL, after delay: Int, environment: [String: String] = [:]) throws {
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        usleep(UInt32(delay) * 1000)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Runs `trial` (one kill at a delay in ms, and the outcome it left) at each of `delays` in
    /// order, and returns how often each outcome came. The last delays are multiples of a whole
    /// run measured just before, yet a machine busier by then can still be working at the
    /// longest (seen in CI, where no kill came after the end): while no kill has left `end`,
    /// the outcome of a run that finished, the delay doubles, up to two minutes, until one does.
    static func kills(at delays: [Int], until end: String, _ trial: (Int) throws -> String) rethrows -> [String: Int] {
        var outcomes: [String: Int] = [:]
        for delay in delays { outcomes[try trial(delay), default: 0] += 1 }
        var delay = delays.last ?? 0
        while outcomes[end, default: 0] == 0, delay < 120_000 {
            delay = min(max(delay, 1) * 2, 120_000)
            outcomes[try trial(delay), default: 0] += 1
        }
        return outcomes
    }

    /// The delays `kills` tries: the given ones, then doubling while no run reached the end
    /// (here: a run that ends at 1 s), and never past two minutes when none ever does.
    @Test func killsGoOnUntilOneComesAfterTheEnd() {
        var tried: [Int] = []
        let outcomes = Self.kills(at: [0, 100, 300], until: "after") { delay in
            tried.append(delay)
            return delay >= 1000 ? "after" : "before"
        }
        #expect(tried == [0, 100, 300, 600, 1200])
        #expect(outcomes == ["before": 4, "after": 1])
        var never: [Int] = []
        _ = Self.kills(at: [0, 40_000], until: "after") { delay in
            never.append(delay)
            return "before"
        }
        #expect(never == [0, 40_000, 80_000, 120_000])
        var early: [Int] = []
        _ = Self.kills(at: [0, 5000], until: "after") { delay in
            early.append(delay)
            return delay >= 1000 ? "after" : "before"
        }
        #expect(early == [0, 5000])
    }

    static let publish = ["publish", "northwind", "--summary", "Second", "--date", "2022-02-01", "--themes", themes]

    @Test func publishKilledAtAnyMomentLeavesContentBeforeOrAfter() throws {
        let template = try Self.prepared()
        let before = try Self.snapshot(template.appendingPathComponent("content"))
        // The state a publish that runs to the end leaves.
        let complete = try CLI.temporaryDirectory("kill-complete")
        try FileManager.default.copyItem(at: template.appendingPathComponent("content"), to: complete.appendingPathComponent("content"))
        let started = ContinuousClock.now
        let finished = try CLI.run(Self.publish, in: complete)
        // The last kills come well after a whole publish took, however busy the machine is (the
        // commit is slowed below, so twice and three times an unslowed one, plus its pauses).
        let whole = Int((ContinuousClock.now - started) / .milliseconds(1))
        #expect(finished.status == 0, "\(finished.stderr)")
        let after = try Self.snapshot(complete.appendingPathComponent("content"))
        #expect(before != after)

        var recovered = 0
        // Delays in ms from the start of the process; the commit's steps are slowed to 15 ms
        // each so the kills land before, inside and after the transaction.
        let delays = [0, 40, 80, 120, 160, 200, 240, 280, 320, 360, 400, 450, 500, 600, 800, 1200, whole * 2 + 400, whole * 3 + 400]
        var outcomes = try Self.kills(at: delays, until: "after") { delay in
            let folder = try CLI.temporaryDirectory("kill-\(delay)")
            try FileManager.default.copyItem(at: template.appendingPathComponent("content"), to: folder.appendingPathComponent("content"))
            try Self.runKilled(Self.publish, in: folder, after: delay, environment: ["POLICYSITE_COMMIT_PAUSE_MS": "15"])

            // The next command finishes or undoes what the killed one left.
            let check = try CLI.run(["check", "--themes", Self.themes], in: folder)
            #expect(check.status == 0, "after a kill at \(delay) ms: \(check.stderr)")
            let state = try Self.snapshot(folder.appendingPathComponent("content"))
            let outcome = state == before ? "before" : state == after ? "after" : "mixed"
            #expect(outcome != "mixed", "a kill at \(delay) ms left a mix: \(Set(state.keys).symmetricDifference(before.keys).sorted())")
            if check.stderr.contains("interrupted publish") { recovered += 1 }
            return outcome
        }
        if recovered > 0 { outcomes["recovered"] = recovered }
        // Both ends were reached, so the kills did land at different moments.
        #expect(outcomes["before", default: 0] > 0 && outcomes["after", default: 0] > 0, "\(outcomes)")
        print("publish kill outcomes: \(outcomes)")
    }
}

/// A publish killed part-way whose files were edited before the next command: recovery must
/// never overwrite those edits, and says what it found and the two ways out.
@Suite(.serialized) struct InterruptedPublishEditTests {
    /// Runs `policysite` with POLICYSITE_COMMIT_KILL_AT_RENAME, so it kills itself right before
    /// that rename of its commit (1 and 2 save the journal, 3 is the first file replaced).
    static func publishKilled(atRename rename: Int, in folder: URL) throws {
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = KillTests.publish
        process.currentDirectoryURL = folder
        process.environment = ProcessInfo.processInfo.environment.merging(["POLICYSITE_COMMIT_KILL_AT_RENAME": "\(rename)"]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL, "the publish was not killed at rename \(rename)")
    }

    /// The prepared content two folders deep in a fresh folder, with a canary in each folder above it.
    static func copy(_ template: URL) throws -> (folder: URL, canaries: [URL]) {
        let outer = try CLI.temporaryDirectory("editkill")
        let folder = outer.appendingPathComponent("inner-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: template.appendingPathComponent("content"), to: folder.appendingPathComponent("content"))
        // None inside content/: check refuses files it does not know there.
        let canaries = [outer, folder].map { $0.appendingPathComponent("canary.txt") }
        for canary in canaries { try Data("canary".utf8).write(to: canary) }
        return (folder, canaries)
    }

    static let edited = ["northwind/en/privacy.md", "northwind/changelog.yml"]

    /// Appends a line to both files, as a person would in an editor; returns their new bytes.
    static func edit(_ content: URL) throws -> [String: Data] {
        var bytes: [String: Data] = [:]
        for path in edited {
            let url = content.appendingPathComponent(path)
            let text = try read(url) + "\n# An edit made after the interrupted publish.\n"
            try text.write(to: url, atomically: true, encoding: .utf8)
            bytes[path] = Data(text.utf8)
        }
        return bytes
    }

    @Test(arguments: [3, 5]) func recoveryKeepsEditsMadeAfterTheInterruptedPublish(rename: Int) throws {
        let template = try KillTests.prepared()
        let (folder, canaries) = try Self.copy(template)
        let content = folder.appendingPathComponent("content")
        try Self.publishKilled(atRename: rename, in: folder)
        let edits = try Self.edit(content)

        // Commands go on reading content as it is, and say exactly what they found.
        let check = try CLI.run(["check", "--themes", KillTests.themes], in: folder)
        for path in Self.edited {
            #expect(try Data(contentsOf: content.appendingPathComponent(path)) == edits[path], "\(path) was overwritten after a kill at rename \(rename)")
            #expect(check.stderr.contains("content/\(path)"), "\(check.stderr)")
        }
        #expect(check.stderr.contains("note: an interrupted publish was NOT completed"), "\(check.stderr)")
        #expect(check.stderr.contains("delete content/.policysite-journal.json"), "\(check.stderr)")
        #expect(check.stderr.contains("git checkout -- <file>"), "\(check.stderr)")
        // A publish on top of the undecided one is refused.
        let again = try CLI.run(KillTests.publish, in: folder)
        #expect(again.status == 1 && again.stderr.contains("resolve the interrupted publish first"), "\(again.stderr)")
        for path in Self.edited {
            #expect(try Data(contentsOf: content.appendingPathComponent(path)) == edits[path])
        }

        // First way out: keep the edits by deleting the journal; the next command is quiet.
        try FileManager.default.removeItem(at: content.appendingPathComponent(".policysite-journal.json"))
        let after = try CLI.run(["check", "--themes", KillTests.themes], in: folder)
        #expect(!after.stderr.contains("interrupted publish"), "\(after.stderr)")
        for path in Self.edited {
            #expect(try Data(contentsOf: content.appendingPathComponent(path)) == edits[path])
        }
        for canary in canaries { #expect(try read(canary) == "canary") }
    }

    /// Second way out: put the edited files back as they were, and the publish is completed.
    @Test func restoringTheEditedFilesLetsRecoveryCompleteThePublish() throws {
        let template = try KillTests.prepared()
        let complete = try Self.copy(template).folder
        #expect(try CLI.run(KillTests.publish, in: complete).status == 0)
        let published = try KillTests.snapshot(complete.appendingPathComponent("content"))

        let (folder, canaries) = try Self.copy(template)
        let content = folder.appendingPathComponent("content")
        let originals = try Dictionary(uniqueKeysWithValues: Self.edited.map { ($0, try Data(contentsOf: content.appendingPathComponent($0))) })
        try Self.publishKilled(atRename: 3, in: folder)
        _ = try Self.edit(content)
        #expect(try CLI.run(["check", "--themes", KillTests.themes], in: folder).stderr.contains("was NOT completed"))
        for (path, data) in originals { try data.write(to: content.appendingPathComponent(path)) }
        let check = try CLI.run(["check", "--themes", KillTests.themes], in: folder)
        #expect(check.status == 0 && check.stderr.contains("note: an interrupted publish was completed"), "\(check.stderr)")
        let state = try KillTests.snapshot(content)
        #expect(state == published, "\(Set(state.keys).symmetricDifference(published.keys).sorted())")
        for canary in canaries { #expect(try read(canary) == "canary") }
    }
}

/// `build` killed with SIGKILL at many moments: the output folder is always the complete old
/// site or the complete new one, and the next build leaves nothing else beside it.
@Suite(.serialized) struct BuildKillTests {
    static func site(_ output: URL) throws -> [String: Data] { try KillTests.snapshot(output) }

    /// Which paths of `state` differ from the new site, and whether each matches the old one.
    static func differences(_ state: [String: Data], _ old: [String: Data], _ new: [String: Data]) -> String {
        let paths = Set(state.keys).union(new.keys).filter { state[$0] != new[$0] }.sorted()
        return paths.prefix(8).map { "\($0) (\(state[$0] == nil ? "missing" : state[$0] == old[$0] ? "old" : "neither"))" }.joined(separator: ", ")
    }

    @Test func buildKilledAtAnyMomentLeavesTheOldOrTheNewSite() throws {
        let template = try CLI.temporaryDirectory("buildkill")
        try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("content"), to: template.appendingPathComponent("content"))
        let build = ["build", "--output", "out", "--themes", KillTests.themes]
        #expect(try CLI.run(build, in: template).status == 0)
        let old = try Self.site(template.appendingPathComponent("out"))
        let policy = template.appendingPathComponent("content/digiterex/en/privacy.md")
        try (try read(policy)).replacingOccurrences(of: "Welcome to Digiterex.", with: "Welcome to Digiterex, the web agency.").write(
            to: policy, atomically: true, encoding: .utf8)
        let finished = try CLI.temporaryDirectory("buildkill-new")
        for item in ["content", "out"] {
            try FileManager.default.copyItem(at: template.appendingPathComponent(item), to: finished.appendingPathComponent(item))
        }
        let started = ContinuousClock.now
        #expect(try CLI.run(build, in: finished).status == 0)
        // The last kills come well after a whole build took, however busy the machine is.
        let whole = Int((ContinuousClock.now - started) / .milliseconds(1))
        let new = try Self.site(finished.appendingPathComponent("out"))
        #expect(old != new)

        let delays = [0, 30, 60, 90, 120, 150, 180, 210, 240, 280, 320, 400, 500, 700, whole * 2, whole * 3]
        let outcomes = try KillTests.kills(at: delays, until: "new") { delay in
            let folder = try CLI.temporaryDirectory("buildkill-\(delay)")
            for item in ["content", "out"] {
                try FileManager.default.copyItem(at: template.appendingPathComponent(item), to: folder.appendingPathComponent(item))
            }
            try KillTests.runKilled(build, in: folder, after: delay)
            let state = try Self.site(folder.appendingPathComponent("out"))
            let outcome = state == old ? "old" : state == new ? "new" : "mixed"
            #expect(outcome != "mixed", "a kill at \(delay) ms left an incomplete site (\(state.count) files): \(Self.differences(state, old, new))")
            // The next build cleans up whatever the killed one left beside the output.
            #expect(try CLI.run(build, in: folder).status == 0)
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [".policysite-cache", "content", "out"])
            let rebuilt = try Self.site(folder.appendingPathComponent("out"))
            #expect(rebuilt == new, "the build after a kill at \(delay) ms: \(Self.differences(rebuilt, old, new))")
            return outcome
        }
        #expect(outcomes["old", default: 0] > 0 && outcomes["new", default: 0] > 0, "\(outcomes)")
        print("build kill outcomes: \(outcomes)")
    }
}
