import Dispatch
import Foundation
import PolicyFiles
import TestSupport
import Testing

/// Builds into one output take turns (a lock beside it, in `.policysite-cache/`), and a build or
/// check started during a publish waits for it: whatever runs at once, the output is what one
/// build of the final content writes.
@Suite struct ConcurrentBuildTests {
    static func start(_ arguments: [String], in folder: URL) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        return (process, errors)
    }

    @Test func simultaneousBuildsIntoOneOutputLeaveWhatOneBuildWrites() throws {
        let sandbox = try Sandbox()
        for folder in ["content", "themes"] {
            try FileManager.default.copyItem(at: CLI.root.appendingPathComponent(folder), to: sandbox.site.appendingPathComponent(folder))
        }
        for round in 0..<4 {
            // Each round changes the content, so the builds have work to do and caches to write.
            let company = sandbox.site.appendingPathComponent("content/ite/company.yml")
            try (try String(contentsOf: company, encoding: .utf8) + "\n# round \(round)\n").write(to: company, atomically: false, encoding: .utf8)
            let runs = try (0..<3).map { _ in try Self.start(["build", "-q", "-o", "public"], in: sandbox.site) }
            for (process, errors) in runs {
                let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                process.waitUntilExit()
                #expect(process.terminationStatus == 0, "round \(round): \(text)")
            }
        }
        let cold = try CLI.run(["build", "-q", "-o", "../cold"], in: sandbox.site)
        #expect(cold.status == 0, "\(cold.stderr)")
        #expect(Sandbox.snapshot(sandbox.site.appendingPathComponent("public")) == Sandbox.snapshot(sandbox.middle.appendingPathComponent("cold")))
        // No staging or set-aside folder is left beside the output.
        let beside = try FileManager.default.contentsOfDirectory(atPath: sandbox.site.path).filter { $0.hasPrefix(".public.") }
        #expect(beside.isEmpty, "\(beside)")
        #expect(sandbox.brokenCanaries.isEmpty)
    }

    @Test func aBuildWaitsForTheOutputsLockAndSaysSo() throws {
        let sandbox = try Sandbox()
        for folder in ["content", "themes"] {
            try FileManager.default.copyItem(at: CLI.root.appendingPathComponent(folder), to: sandbox.site.appendingPathComponent(folder))
        }
        #expect(try CLI.run(["build", "-q", "-o", "public"], in: sandbox.site).status == 0)
        // A lock held by this process stands in for a long build.
        let lockFile = sandbox.site.appendingPathComponent(".policysite-cache/public.lock").path
        let descriptor = open(lockFile, O_RDWR)
        #expect(descriptor >= 0)
        #expect(flock(descriptor, LOCK_EX) == 0)
        let (process, errors) = try Self.start(["build", "-q", "-o", "public"], in: sandbox.site)
        // The build says so when it finds the lock held: read until that line (or the end of
        // its output, had it not waited) instead of sleeping. Should it wait without a word,
        // the lock is released after 60 s so the test ends, and fails.
        let giveUp = DispatchWorkItem { flock(descriptor, LOCK_UN) }
        DispatchQueue.global().asyncAfter(deadline: .now() + 60, execute: giveUp)
        var text = ""
        while !text.contains("waiting for another build into public/") {
            let more = errors.fileHandleForReading.availableData
            if more.isEmpty { break }
            text += String(decoding: more, as: UTF8.self)
        }
        #expect(process.isRunning, "the build did not wait for the lock")
        giveUp.cancel()
        flock(descriptor, LOCK_UN)
        close(descriptor)
        text += String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains("waiting for another build into public/"), "\(text)")
    }
}
