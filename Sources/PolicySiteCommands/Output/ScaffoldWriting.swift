public import ArgumentParser
import Foundation
import PolicyScaffold

/// Writes the files under `root`, never over a file that exists unless it is one the scaffold
/// edits on purpose; nothing is written when any target exists.
func write(_ files: [ScaffoldFile], under root: String) throws {
    let manager = FileManager.default
    for file in files where !file.replacesExisting {
        let path = (root as NSString).appendingPathComponent(file.path)
        if manager.fileExists(atPath: path) { throw ScaffoldError.exists(path) }
    }
    for file in files {
        let url = URL(fileURLWithPath: root).appendingPathComponent(file.path)
        do {
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try file.contents.write(to: url, options: .atomic)
        } catch {
            throw WriteFailure(message: fileProblem(error, path: (root as NSString).appendingPathComponent(file.path)))
        }
    }
}

/// A file `new` could not write, in words.
struct WriteFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// Runs a scaffold step, turning its errors into a message and exit status 1.
func scaffold(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch {
        printFailure("\(error)")
        throw ExitCode(1)
    }
}
