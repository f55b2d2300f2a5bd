import Foundation
import PolicyBuild
import PolicyFiles
import PolicyModel
import TestSupport
import Testing

@testable import PolicyServer

/// serve's fast path renders one company and touches the home page and `policies.json` only
/// when that company's entry in them changed; either way the output must be what a full
/// build of the same content writes.
@Suite struct CompanyFastPathTests {
    static func files(_ folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
            result[String(url.path.dropFirst(folder.path.count))] = try Data(contentsOf: url)
        }
        return result
    }

    /// A scratch copy of the repository's content/ and themes/, and options building it into
    /// `out/site` there. The caller removes `folder`.
    static func exampleSite(_ name: String) throws -> (folder: URL, options: BuildOptions) {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folder = Scratch.directory.appendingPathComponent("\(name)-\(UUID().uuidString.prefix(8))")
        for item in ["content", "themes"] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: root.appendingPathComponent(item), to: folder.appendingPathComponent(item))
        }
        let options = BuildOptions(
            contentPath: folder.appendingPathComponent("content").path, themesPath: folder.appendingPathComponent("themes").path,
            outputPath: folder.appendingPathComponent("out/site").path)
        return (folder, options)
    }

    @Test func editsInOneCompanyGiveTheOutputOfAFullBuild() async throws {
        let (folder, options) = try Self.exampleSite("fastpath")
        defer { try? FileManager.default.removeItem(at: folder) }
        let session = PreviewSession(options: options)
        await session.buildAll()
        let policy = folder.appendingPathComponent("content/caltryx-tech/en/privacy.md")
        let original = try String(contentsOf: policy, encoding: .utf8)
        let summarized =
            original
            .replacingOccurrences(of: "summary: >-\n", with: "summary: >-\n  A summary edited in serve.\n")
        // The summary is on the home page and in policies.json; the prose on the company's pages only.
        for (edit, text) in [("summary", summarized), ("prose", summarized + "\nA sentence added in serve.\n")] {
            try text.write(to: policy, atomically: true, encoding: .utf8)
            let result = await session.rebuild(after: [policy.path])
            #expect(result.kind == .companies([folder.appendingPathComponent("content/caltryx-tech").path]), "\(edit)")
            var cold = options
            cold.outputPath = folder.appendingPathComponent("cold-\(edit)").path
            _ = try SiteBuilder().build(cold)
            #expect(try Self.files(URL(fileURLWithPath: options.outputPath)) == (try Self.files(URL(fileURLWithPath: cold.outputPath))), "\(edit)")
        }
        let home = try String(contentsOfFile: options.outputPath + "/index.html", encoding: .utf8)
        #expect(home.contains("A summary edited in serve."))

        // The edit undone with the server stopped: a build into the same folder (another
        // process, reading only what is on disk) gives what a cold build gives.
        try original.write(to: policy, atomically: true, encoding: .utf8)
        _ = try SiteBuilder().build(options)
        var cold = options
        cold.outputPath = folder.appendingPathComponent("cold-undone").path
        _ = try SiteBuilder().build(cold)
        #expect(try Self.files(URL(fileURLWithPath: options.outputPath)) == (try Self.files(URL(fileURLWithPath: cold.outputPath))))
    }

    /// Each output file's inode and modification time, by path under `folder`.
    static func stamps(_ folder: URL) throws -> [String: String] {
        var result: [String: String] = [:]
        for path in try files(folder).keys {
            let info = try FileManager.default.attributesOfItem(atPath: folder.path + path)
            result[path] = "\(info[.systemFileNumber] ?? "-") \((info[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)"
        }
        return result
    }

    @Test func aProseEditWritesOnlyItsCompanyAndASlugEditRebuildsTheSite() async throws {
        let (folder, options) = try Self.exampleSite("fastpath-scope")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = URL(fileURLWithPath: options.outputPath)
        let session = PreviewSession(options: options)
        await session.buildAll()
        let others = try Self.stamps(output).filter { !$0.key.hasPrefix("/caltryx-tech/") }
        #expect(others.count > 50)

        // Prose: only the company's own pages are written; no other file is touched.
        let policy = folder.appendingPathComponent("content/caltryx-tech/en/privacy.md")
        try (try String(contentsOf: policy, encoding: .utf8) + "\nA sentence added in serve.\n").write(to: policy, atomically: true, encoding: .utf8)
        let prose = await session.rebuild(after: [policy.path])
        #expect(prose.kind == .companies([folder.appendingPathComponent("content/caltryx-tech").path]))
        #expect(prose.filesWritten > 0)
        #expect(try Self.stamps(output).filter { !$0.key.hasPrefix("/caltryx-tech/") } == others)

        // A new slug changes every page that links the company: the whole site is built.
        let company = folder.appendingPathComponent("content/caltryx-tech/company.yml")
        try (try String(contentsOf: company, encoding: .utf8) + "slug: caltryx\n").write(to: company, atomically: true, encoding: .utf8)
        let slug = await session.rebuild(after: [company.path])
        #expect(slug.kind == .full)
        var cold = options
        cold.outputPath = folder.appendingPathComponent("cold-slug").path
        _ = try SiteBuilder().build(cold)
        let rebuilt = try Self.files(output)
        #expect(rebuilt == (try Self.files(URL(fileURLWithPath: cold.outputPath))))
        #expect(rebuilt["/caltryx/en/index.html"] != nil && rebuilt["/caltryx-tech/en/index.html"] == nil)
    }
}
