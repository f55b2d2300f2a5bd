public import Foundation

/// Runs another program (a checker, a browser driver) to its end, its temporary files (a
/// browser's profile) in the test process's scratch folder, removed at exit.
public enum Tool {
    public struct Output: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// The environment with `TMPDIR` in the scratch folder.
    public static var scratchEnvironment: [String: String] {
        ProcessInfo.processInfo.environment.merging(["TMPDIR": Scratch.directory.path]) { $1 }
    }

    public static func run(_ executable: String, _ arguments: [String]) throws -> Output {
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
        return Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Both pipes read to their end at once, before waiting: read one after the other, a child
    /// that fills the second (64 KB of errors) while the first is read would block forever.
    public static func readBoth(_ out: Pipe, _ err: Pipe) -> (Data, Data) {
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
}
