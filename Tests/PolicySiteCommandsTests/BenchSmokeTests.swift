import Foundation
import Testing

/// The benchmark on a tiny corpus (3 companies × 2 languages): checks that the generator's
/// content is valid and that both PolicySite and Hugo build the expected pages. Correctness
/// only; the timing runs are `bench/run.sh` (README, "Performance").
@Suite struct BenchSmokeTests {
    static let hasHugo = ["/usr/bin/hugo", "/usr/local/bin/hugo"].contains { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: hasHugo || CLI.checkersRequired, "Hugo is not installed: run `scripts/setup --test`"))
    func benchmarkCorpusBuildsWithBothTools() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [CLI.root.appendingPathComponent("bench/smoke_test.sh").path, CLI.binary.path]
        process.currentDirectoryURL = CLI.root
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)")
        let summary = output.split(separator: "\n").last { $0.hasPrefix("bench smoke:") }
        #expect(summary?.hasSuffix(", 0 failed") == true, "\(output)")
    }
}
