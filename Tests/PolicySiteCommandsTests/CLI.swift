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

    /// The package root (`Repository.root`).
    static let root = Repository.root

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

    /// The checkers' Python (`Repository.python`).
    static var python: String { Repository.python }

    /// A missing checker fails instead of skipping under `CI=true` (`Repository.checkersRequired`).
    static let checkersRequired = Repository.checkersRequired

    /// The environment with `TMPDIR` in the scratch folder.
    static var scratchEnvironment: [String: String] { Tool.scratchEnvironment }

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
        let (stdout, stderr) = Tool.readBoth(out, err)
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Runs another program (a checker, a browser driver) to its end (`Tool.run`).
    static func tool(_ executable: String, _ arguments: [String]) throws -> Result {
        let output = try Tool.run(executable, arguments)
        return Result(status: output.status, stdout: output.stdout, stderr: output.stderr)
    }

    static func temporaryDirectory(_ name: String = #function) throws -> URL {
        let url = Scratch.directory.appendingPathComponent("policysite-\(name.filter(\.isLetter))-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

func read(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }
