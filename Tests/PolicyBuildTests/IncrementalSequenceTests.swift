import Foundation
import PolicyFiles
import PolicyModel
import TestSupport
import Testing

@testable import PolicyBuild

/// Rounds of random changes to the five example companies and to their output, each followed
/// by a rebuild into the same output: whatever the caches beside it (fingerprints, company
/// manifest, index file, the swapped-out output kept as the next staging folder) let the build
/// skip, the output must be what a cold build of the same content writes.
@Suite struct IncrementalSequenceTests {
    /// One change, described for the failure message.
    enum Change: CaseIterable {
        case prose, displayName, restore, touch, removeCompany, restoreCompany, deleteOutputPage, strayWithProse
    }

    @Test func everyRebuildWritesWhatAColdBuildWrites() throws {
        let folder = Scratch.directory.appendingPathComponent("sequence-\(UUID().uuidString.prefix(8))")
        let original = Repository.content
        try FileManager.default.copyItem(at: original, to: folder.appendingPathComponent("content"))
        let options = BuildOptions(
            contentPath: folder.appendingPathComponent("content").path, themesPath: Repository.themes.path,
            outputPath: folder.appendingPathComponent("public").path)
        let companies = ["caltryx-tech", "digi-smart-manager", "digiterex", "ite", "mydigisoft"]
        var random = FuzzTests.Random(state: 2026)
        _ = try SiteBuilder().build(options)

        func pick<T>(_ items: [T]) -> T { items[random.below(items.count)] }
        func englishPolicy(_ company: String) -> String { options.contentPath + "/\(company)/en/privacy.md" }
        func append(_ text: String, to path: String) throws {
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(text.utf8))
            try handle.close()
        }
        let present = { (company: String) in FileManager.default.fileExists(atPath: options.contentPath + "/" + company) }

        var log: [String] = []
        for round in 0..<16 {
            let change = pick(Change.allCases)
            let company = pick(companies.filter(present).isEmpty ? companies : companies.filter(present))
            switch change {
            case .prose:
                try append("\nA paragraph added in round \(round).\n", to: englishPolicy(company))
            case .displayName:
                let path = options.contentPath + "/\(company)/company.yml"
                let text = try String(contentsOfFile: path, encoding: .utf8)
                try text.replacingOccurrences(of: "display_name: ", with: "display_name: R\(round) ").write(toFile: path, atomically: true, encoding: .utf8)
            case .restore:
                for name in ["en/privacy.md", "company.yml"] {
                    try? FileManager.default.removeItem(atPath: options.contentPath + "/\(company)/\(name)")
                    try FileManager.default.copyItem(
                        at: original.appendingPathComponent("\(company)/\(name)"), to: URL(fileURLWithPath: options.contentPath + "/\(company)/\(name)"))
                }
            case .touch:
                try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: Double(round))], ofItemAtPath: englishPolicy(company))
            case .removeCompany:
                // Keep at least two, so the site never runs out of companies.
                if companies.filter(present).count > 2 { try FileManager.default.removeItem(atPath: options.contentPath + "/" + company) }
            case .restoreCompany:
                let gone = companies.filter { !present($0) }
                if let name = gone.first {
                    try FileManager.default.copyItem(at: original.appendingPathComponent(name), to: URL(fileURLWithPath: options.contentPath + "/" + name))
                }
            case .deleteOutputPage:
                let pages = OutputWriter.files(under: URL(fileURLWithPath: options.outputPath)).sorted()
                try FileManager.default.removeItem(atPath: options.outputPath + "/" + pick(pages))
            case .strayWithProse:
                // A file put into the output goes with the next build that writes anything.
                try "stray".write(toFile: options.outputPath + "/\(company)/stray.html", atomically: true, encoding: .utf8)
                try append("\nAnother paragraph, round \(round).\n", to: englishPolicy(company))
            }
            log.append("\(round): \(change) \(company)")
            let differing = try BuildFixtures.rebuildDifferingFromCold(options)
            #expect(differing.isEmpty, "after \(log.joined(separator: "; ")): \(differing.prefix(6))")
            if !differing.isEmpty { break }
        }
    }
}
