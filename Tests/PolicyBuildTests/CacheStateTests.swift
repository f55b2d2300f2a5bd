import Foundation
import PolicyContent
import PolicyFiles
import PolicyModel
import TestSupport
import Testing

@testable import PolicyBuild

/// Whatever state the output and `.policysite-cache/` are in (a page edited by hand with its
/// size and modification time kept, a file truncated, an older copy put back), a build writes
/// exactly what a cold build of the same content writes.
@Suite struct CacheStateTests {
    enum Damage: CaseIterable {
        /// Letters changed in place: the same size, the modification time set back.
        case edit
        case truncate
        /// The file as it was two builds ago, with its old modification time.
        case olderCopy
    }

    /// A copy of the example content in a sandbox, built into `public/` beside it with the archive cache.
    static func exampleSite() throws -> (Sandbox, BuildOptions) {
        let sandbox = try Sandbox()
        try FileManager.default.copyItem(at: Repository.content, to: sandbox.site.appendingPathComponent("content"))
        var options = BuildOptions(
            contentPath: sandbox.site.appendingPathComponent("content").path, themesPath: Repository.themes.path,
            outputPath: sandbox.site.appendingPathComponent("public").path)
        options.archiveCache = BuildCache(output: options.outputPath).archives()
        return (sandbox, options)
    }

    @Test func aRebuildAfterAnyDamageWritesWhatAColdBuildWrites() throws {
        let (sandbox, options) = try Self.exampleSite()
        let cacheFolder = sandbox.site.appendingPathComponent(".policysite-cache").path
        let companyFile = options.contentPath + "/digi-smart-manager/company.yml"
        var random = SeededRandom(seed: 29)
        func pick<T>(_ items: [T]) -> T { items[random.next(items.count)] }
        func allFiles() -> [String] {
            OutputWriter.files(under: URL(fileURLWithPath: options.outputPath)).map { options.outputPath + "/" + $0 }
                + OutputWriter.files(under: URL(fileURLWithPath: cacheFolder)).filter { !$0.contains("-cold-") }.map { cacheFolder + "/" + $0 }
        }
        func snapshot() -> [String: (Data, Date)] {
            var files: [String: (Data, Date)] = [:]
            for path in allFiles() {
                let date = (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? Date()
                files[path] = (FileManager.default.contents(atPath: path) ?? Data(), date)
            }
            return files
        }
        func editCompany(_ round: Int) throws {
            let text = try String(contentsOfFile: companyFile, encoding: .utf8)
            try (text + "\n# round \(round)\n").write(toFile: companyFile, atomically: false, encoding: .utf8)
        }

        _ = try SiteBuilder().build(options)
        try editCompany(0)
        _ = try SiteBuilder().build(options)
        var older = snapshot()
        var log: [String] = []
        for round in 1...30 {
            // A content change every third round, so older copies keep differing from the current files.
            if round % 3 == 0 {
                older = snapshot()
                try editCompany(round)
                _ = try SiteBuilder().build(options)
            }
            let damage = pick(Damage.allCases)
            let candidates = allFiles().filter { damage != .olderCopy || older[$0] != nil }
            let path = pick(candidates)
            let url = URL(fileURLWithPath: path)
            let date = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
            var bytes = try Data(contentsOf: url)
            switch damage {
            case .edit:
                // Every ASCII letter of a window in the middle turns into another letter.
                let start = bytes.count / 3, end = min(bytes.count, start + 64)
                for index in start..<end where (65...90).contains(bytes[index]) || (97...122).contains(bytes[index]) {
                    bytes[index] = bytes[index] == UInt8(ascii: "x") ? UInt8(ascii: "y") : UInt8(ascii: "x")
                }
                try bytes.write(to: url)
                try FileManager.default.setAttributes([.modificationDate: date ?? Date()], ofItemAtPath: path)
            case .truncate:
                try bytes.prefix(bytes.count / 2).write(to: url)
            case .olderCopy:
                let (data, oldDate) = older[path]!
                try data.write(to: url)
                try FileManager.default.setAttributes([.modificationDate: oldDate], ofItemAtPath: path)
            }
            log.append("\(round): \(damage) \(path.dropFirst(sandbox.site.path.count + 1))")
            let differing = try BuildFixtures.rebuildDifferingFromCold(options)
            #expect(differing.isEmpty, "after \(log.joined(separator: "; ")): \(differing.prefix(6))")
            if !differing.isEmpty { break }
        }
        #expect(sandbox.brokenCanaries.isEmpty)
    }

    @Test func killedWritersLeftoversAreRemovedByTheNextBuild() throws {
        let (sandbox, options) = try Self.exampleSite()
        _ = try SiteBuilder().build(options)
        let cache = sandbox.site.appendingPathComponent(".policysite-cache")
        // What Foundation's atomic writes and this version's sealed writes leave when killed
        // (a process id that cannot be running), and a file of a live process, which stays.
        let dead = [".dat.nosyncAb12Cd", ".public.pages.tmp-2147483646-12345"]
        let live = ".public.pages.tmp-\(getpid())-1"
        for name in dead + [live] { try Data("x".utf8).write(to: cache.appendingPathComponent(name)) }
        _ = try SiteBuilder().build(options)
        let left = try FileManager.default.contentsOfDirectory(atPath: cache.path)
        #expect(Set(left).isDisjoint(with: dead), "\(left)")
        #expect(left.contains(live))
    }
}
