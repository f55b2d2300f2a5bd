import Foundation
import TestSupport
import Testing

/// Runs the built `policysite` binary, the way a user or CI does.
struct CLI {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var stderrLines: [String] { stderr.split(separator: "\n").map(String.init) }
    }

    /// The package root, found from this file's location.
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The binary under test: `POLICYSITE_TEST_BINARY` when set (an installed or older build, to
    /// show a test failing without its fix), else the one built beside the tests.
    static var binary: URL {
        if let chosen = ProcessInfo.processInfo.environment["POLICYSITE_TEST_BINARY"], !chosen.isEmpty { return URL(fileURLWithPath: chosen) }
        // The test bundle sits next to the executable in .build/<config>/.
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent("policysite"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("policysite"),
            root.appendingPathComponent(".build/debug/policysite"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates.last!
    }

    /// The Python that runs the page and schema checkers: the one `scripts/setup --test` makes in
    /// `.build-tools/python` (Debian's own Python takes no packages from PyPI), else `python3`.
    static var python: String {
        let made = root.appendingPathComponent(".build-tools/python/bin/python3").path
        return FileManager.default.isExecutableFile(atPath: made) ? made : "python3"
    }

    /// In CI (`CI=true`) a checker that is missing fails its test instead of skipping it: a green
    /// run must have run every check.
    static let checkersRequired = ProcessInfo.processInfo.environment["CI"] == "true"

    /// The environment with `TMPDIR` in the scratch folder.
    static var scratchEnvironment: [String: String] {
        ProcessInfo.processInfo.environment.merging(["TMPDIR": Scratch.directory.path]) { $1 }
    }

    /// - Parameter environment: variables set (or replaced) for this run, e.g. `HOME`.
    static func run(_ arguments: [String], in directory: URL = root, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let (stdout, stderr) = readBoth(out, err)
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Both pipes read to their end at once, before waiting: read one after the other, a child
    /// that fills the second (64 KB of errors) while the first is read would block forever.
    static func readBoth(_ out: Pipe, _ err: Pipe) -> (Data, Data) {
        nonisolated(unsafe) var errors = Data()
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            errors = err.fileHandleForReading.readDataToEndOfFile()
            done.signal()
        }
        let output = out.fileHandleForReading.readDataToEndOfFile()
        done.wait()
        return (output, errors)
    }

    /// Runs another program (a checker, a browser driver) and returns its exit status, standard
    /// output and standard error. Its temporary files (a browser's profile) go in the test
    /// process's scratch folder, removed at exit.
    static func tool(_ executable: String, _ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = scratchEnvironment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let (stdout, stderr) = readBoth(out, err)
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Builds `content/` into `folder/example` and the 100-recipient replay fixture into
    /// `folder/large`, the two sites the page checks read.
    static func buildExampleAndLargeSites(into folder: URL) throws {
        let themes = root.appendingPathComponent("themes").path
        let example = try run(["build", "--output", folder.appendingPathComponent("example").path, "--themes", themes])
        #expect(example.status == 0, "\(example.stderr)")
        try FileManager.default.copyItem(at: root.appendingPathComponent("Tests/Fixtures/replay/v5/content"), to: folder.appendingPathComponent("content"))
        let large = try run(["build", "--output", "large", "--themes", themes], in: folder)
        #expect(large.status == 0, "\(large.stderr)")
    }

    static func temporaryDirectory(_ name: String = #function) throws -> URL {
        let url = Scratch.directory.appendingPathComponent("policysite-\(name.filter(\.isLetter))-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

func read(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }
