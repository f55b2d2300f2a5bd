import Foundation
import PolicyContent
import PolicyDiagnostics
import PolicyFiles
import PolicyModel
import TestSupport
import Testing

@testable import PolicyBuild

/// Mutated content files of every kind (site.yml, company.yml, privacy.md front matter and
/// body, changelog.yml), from a fixed seed so a failure repeats: loading never crashes or hangs,
/// every error names its file and line, and a build that fails leaves the previous output alone.
@Suite(.serialized) struct FuzzTests {
    static let root = Repository.root

    /// SplitMix64: small, fast and the same on every machine.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }
    }

    static let strays = ["{", "[", ":", "- ", "&a ", "*a", "<<: ", "\"", "'", "#", "|", ">", "\t", "---\n", "? ", "!!binary ", "%YAML 1.2\n"]

    /// One mutation of `data`, described for the failure message.
    static func mutate(_ data: Data, _ random: inout Random) -> (Data, String) {
        var bytes = [UInt8](data)
        let at = random.below(bytes.count + 1)
        switch random.below(11) {
        case 0:
            let length = random.below(min(200, bytes.count - at) + 1)
            bytes.removeSubrange(at..<at + length)
            return (Data(bytes), "deleted \(length) bytes at \(at)")
        case 1:
            let length = random.below(min(200, bytes.count - at) + 1)
            bytes.insert(contentsOf: bytes[at..<at + length], at: at)
            return (Data(bytes), "duplicated \(length) bytes at \(at)")
        case 2, 3:
            let stray = strays[random.below(strays.count)]
            bytes.insert(contentsOf: Array(stray.utf8), at: at)
            return (Data(bytes), "inserted \(stray.debugDescription) at \(at)")
        case 4:
            bytes.insert(contentsOf: [0xC3, 0x28, 0xFF], at: at)
            return (Data(bytes), "invalid UTF-8 at \(at)")
        case 5:
            bytes.insert(0, at: at)
            return (Data(bytes), "NUL at \(at)")
        case 6:
            let text = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\n", with: "\r\n")
            return (Data([0xEF, 0xBB, 0xBF] + Array(text.utf8)), "BOM and CRLF")
        case 7:
            var bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x]\n"
            for level in 1...7 { bomb += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]\n" }
            bytes.insert(contentsOf: Array(bomb.utf8), at: 0)
            return (Data(bytes), "alias bomb")
        case 8:
            let deep = String(repeating: "[", count: 2_000) + String(repeating: "]", count: 2_000)
            bytes.insert(contentsOf: Array("deep: \(deep)\n".utf8), at: 0)
            return (Data(bytes), "2,000 levels of nesting")
        case 9:
            bytes.insert(contentsOf: Array(repeating: UInt8(ascii: "x"), count: 1_000_000), at: at)
            return (Data(bytes), "a 1 MB line at \(at)")
        default:
            return (Data(), "empty file")
        }
    }

    /// Codes whose diagnostics concern a whole file or folder, where no line applies.
    static let fileLevel: Set<String> = [
        "missing-file", "unexpected-file", "no-companies", "missing-translation", "unlisted-language", "missing-default-language", "bad-encoding",
        "duplicate-slug", "unrecorded-version", "missing-archive", "archive-modified", "bad-version", "unknown-language", "missing-ui-strings",
    ]

    @Test func mutatedContentNeverCrashesHangsOrLosesTheLine() throws {
        let work = Scratch.directory.appendingPathComponent("fuzz-\(UUID().uuidString.prefix(8))")
        for item in ["content", "themes"] {
            try FileManager.default.copyItem(at: Self.root.appendingPathComponent(item), to: work.appendingPathComponent(item))
        }
        defer { try? FileManager.default.removeItem(at: work) }
        let content = work.appendingPathComponent("content")
        let targets = [
            "site.yml", "digiterex/company.yml", "digiterex/en/privacy.md", "ite/fr/privacy.md", "caltryx-tech/ar/privacy.md",
            "digi-smart-manager/changelog.yml", "digi-smart-manager/hi/privacy.md", "mydigisoft/company.yml",
        ]
        let options = BuildOptions(
            contentPath: content.path, themesPath: work.appendingPathComponent("themes").path, outputPath: work.appendingPathComponent("public").path)
        _ = try SiteBuilder().build(options)
        let output = try Self.listing(work.appendingPathComponent("public"))

        var random = Random(state: 20_261_124)
        var failures = 0
        for index in 0..<300 {
            let target = targets[random.below(targets.count)]
            let file = content.appendingPathComponent(target)
            let original = try Data(contentsOf: file)
            let (mutated, what) = Self.mutate(original, &random)
            try mutated.write(to: file)
            defer { try? original.write(to: file) }
            // A hang fails the case instead of the whole run.
            let result = Self.withTimeout(seconds: 20) { ContentLoader(themesPath: options.themesPath).load(contentPath: content.path) }
            guard let result else {
                Issue.record("case \(index) (\(target): \(what)) did not finish in 20 s")
                failures += 1
                continue
            }
            for diagnostic in result.diagnostics.errors where diagnostic.location.line == nil && !Self.fileLevel.contains(diagnostic.code) {
                Issue.record("case \(index) (\(target): \(what)): no line in \(diagnostic)")
            }
            // Every 20th case also builds: a failed build must leave the output as it was.
            if index % 20 == 0, result.diagnostics.hasErrors {
                #expect(throws: BuildError.self) { _ = try SiteBuilder().build(options) }
                #expect(try Self.listing(work.appendingPathComponent("public")) == output, "case \(index) changed the output")
            }
        }
        #expect(failures == 0)
    }

    static func listing(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: folder.path) where !path.hasSuffix("/") {
            files[path] = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path) ?? Data()
        }
        return files
    }

    static func withTimeout<T: Sendable>(seconds: Int, _ body: @escaping @Sendable () -> T) -> T? {
        let box = ResultBox<T>(), done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            box.value = body()
            done.signal()
        }
        return done.wait(timeout: .now() + .seconds(seconds)) == .success ? box.value : nil
    }
}

/// Written by one thread before it signals, read by another after the wait: the semaphore
/// orders the two accesses.
final class ResultBox<T>: @unchecked Sendable {
    var value: T?
}
