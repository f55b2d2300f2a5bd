import Foundation
import PolicyBuild
import PolicyModel
import TestSupport
import Testing

@testable import PolicyServer

@Suite struct OutputFolderTests {
    let root: URL = {
        let url = Scratch.directory.appendingPathComponent("output-folder-\(UUID().uuidString.prefix(8))")
        try! FileManager.default.createDirectory(at: url.appendingPathComponent("site/acme/en"), withIntermediateDirectories: true)
        try! "home".write(to: url.appendingPathComponent("site/index.html"), atomically: true, encoding: .utf8)
        try! "acme".write(to: url.appendingPathComponent("site/acme/en/index.html"), atomically: true, encoding: .utf8)
        return url
    }()
    var folder: OutputFolder { OutputFolder(path: root.appendingPathComponent("site").path) }
    var real: String { OutputFolder.realPath(root.appendingPathComponent("site").path)! }

    @Test func foldersServeTheirIndexAndNeedATrailingSlash() {
        #expect(folder.resolve("/") == .file(real + "/index.html"))
        #expect(folder.resolve("/acme/en/") == .file(real + "/acme/en/index.html"))
        #expect(folder.resolve("/acme/en") == .redirect("/acme/en/"))
        #expect(folder.resolve("//acme/en") == .redirect("/acme/en/"))
        #expect(folder.resolve("/acme/fr/") == .notFound)
    }

    @Test func traversalIsRefusedHoweverItIsSpelled() {
        for path in ["/../x", "/a/../../x", "/%2e%2e/x", "/%2E%2E%2Fx", "/..%2fx", "/.%2e/x", "/a%5c..%5cx", "/a%00b", "/%zz", "/./index.html"] {
            #expect(folder.resolve(path) == .badRequest, "\(path)")
        }
    }

    @Test func symlinksOutOfTheFolderAreNotFound() throws {
        try "secret".write(to: root.appendingPathComponent("secret.txt"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("site/out.txt").path, withDestinationPath: "../secret.txt")
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("site/in.html").path, withDestinationPath: "index.html")
        #expect(folder.resolve("/out.txt") == .notFound)
        #expect(folder.resolve("/in.html") == .file(real + "/index.html"))
    }

    @Test func contentTypes() {
        #expect(ContentType.of("a/index.html") == "text/html; charset=utf-8")
        #expect(ContentType.of("assets/style.css") == "text/css; charset=utf-8")
        #expect(ContentType.of("sitemap.xml") == "application/xml; charset=utf-8")
        #expect(ContentType.of("robots.txt") == "text/plain; charset=utf-8")
        #expect(ContentType.of("blob") == "application/octet-stream")
    }
}

@Suite struct LiveReloadTests {
    @Test func theScriptGoesJustBeforeTheLastBodyEndTag() {
        let page = String(decoding: LiveReload.inject(into: Data("<html><body><p>&lt;/body&gt;</p></BODY></html>".utf8)), as: UTF8.self)
        #expect(page == "<html><body><p>&lt;/body&gt;</p>\(LiveReload.script)</BODY></html>")
        #expect(String(decoding: LiveReload.inject(into: Data("<p>no body".utf8)), as: UTF8.self) == "<p>no body" + LiveReload.script)
    }

    @Test func theOverlayEscapesWhatItShows() {
        let overlay = String(decoding: LiveReload.overlay([.error("x", at: .init(file: "a<b>.md", line: 1), "bad <script>")]), as: UTF8.self)
        #expect(overlay.contains("a&lt;b&gt;.md:1"))
        #expect(!overlay.contains("<script>alert") && !overlay.contains("bad <script>"))
    }
}

@Suite struct RebuildScopeTests {
    @Test func editsInsideACompanyFolderStayInThatCompany() {
        let changes: Set = ["/c/content/acme/en/privacy.md", "/c/content/acme/company.yml", "/c/content/beta/fr/privacy.md"]
        #expect(RebuildScope.of(changes, contentPath: "/c/content") == .companies(["/c/content/acme", "/c/content/beta"]))
    }

    @Test func siteThemeAndCompanySetChangesRebuildEverything() {
        #expect(RebuildScope.of(["/c/content/site.yml"], contentPath: "/c/content") == .everything)
        #expect(RebuildScope.of(["/c/themes/default/templates/layout.mustache"], contentPath: "/c/content") == .everything)
        #expect(RebuildScope.of(["/c/content/newco", "/c/content/newco/company.yml"], contentPath: "/c/content") == .everything)
    }
}

@Suite struct ContentWatcherTests {
    @Test func reportsModifiedAddedAndRemovedFiles() throws {
        let root = Scratch.directory.appendingPathComponent("watch-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("acme/en"), withIntermediateDirectories: true)
        let policy = root.appendingPathComponent("acme/en/privacy.md")
        try "one".write(to: policy, atomically: false, encoding: .utf8)
        let watcher = ContentWatcher(roots: [root.path])
        var snapshot = watcher.scan()

        try "one, two".write(to: policy, atomically: false, encoding: .utf8)
        var (next, changed) = watcher.rescan(snapshot)
        #expect(changed == [policy.path])
        snapshot = next

        try FileManager.default.createDirectory(at: root.appendingPathComponent("acme/fr"), withIntermediateDirectories: true)
        try "un".write(to: root.appendingPathComponent("acme/fr/privacy.md"), atomically: false, encoding: .utf8)
        try "swap".write(to: root.appendingPathComponent("acme/.privacy.md.swp"), atomically: false, encoding: .utf8)
        (next, changed) = watcher.rescan(snapshot)
        #expect(changed == [root.path + "/acme/fr", root.path + "/acme/fr/privacy.md"])
        snapshot = next

        try FileManager.default.removeItem(at: policy)
        (next, changed) = watcher.rescan(snapshot)
        #expect(changed == [policy.path])
        #expect(watcher.rescan(next).1.isEmpty)
        try? FileManager.default.removeItem(at: root)
    }
}

/// The preview session's rebuilds block for seconds; they run on the session's own queue so
/// they never hold one of the few threads of Swift's cooperative pool that serve requests.
@Suite struct PreviewSessionExecutorTests {
    @Test func theSessionRunsOnItsBuildQueue() async {
        let session = PreviewSession(options: BuildOptions(contentPath: "/nonexistent", outputPath: "/nonexistent-out"))
        #expect(await session.runsOnBuildQueue())
        #expect(!BuildQueue.isCurrent)
    }
}

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

    @Test func editsInOneCompanyGiveTheOutputOfAFullBuild() async throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folder = Scratch.directory.appendingPathComponent("fastpath-\(UUID().uuidString.prefix(8))")
        for item in ["content", "themes"] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: root.appendingPathComponent(item), to: folder.appendingPathComponent(item))
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let options = BuildOptions(
            contentPath: folder.appendingPathComponent("content").path, themesPath: folder.appendingPathComponent("themes").path,
            outputPath: folder.appendingPathComponent("out/site").path)
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
}

/// The rule `HostGuard` applies to each request, without a server.
@Suite struct HostCheckTests {
    let check = HostCheck(listeningOn: "127.0.0.1")

    @Test func exactlyOneHostNamingThePreview() {
        #expect(check.refusal(hosts: ["localhost:8080"], target: "/", port: 8080) == nil)
        #expect(check.refusal(hosts: [], target: "/", port: 8080) == .missingHost)
        #expect(check.refusal(hosts: ["localhost", "localhost"], target: "/", port: 8080) == .duplicateHost)
        #expect(check.refusal(hosts: ["localhost:evil"], target: "/", port: 8080) == .foreign("localhost:evil"))
        #expect(check.refusal(hosts: ["localhost"], target: "*", port: 8080) == nil)
    }

    @Test func anAbsoluteTargetMustNameThePreviewToo() {
        #expect(check.refusal(hosts: ["localhost"], target: "http://localhost:8080/a?b", port: 8080) == nil)
        #expect(check.refusal(hosts: ["localhost"], target: "http://evil.example/", port: 8080) == .foreign("evil.example"))
        #expect(check.refusal(hosts: ["localhost"], target: "http://evil.example?x", port: 8080) == .foreign("evil.example"))
        #expect(check.refusal(hosts: ["localhost"], target: "http://a@localhost/", port: 8080) == .foreign("a@localhost"))
        #expect(check.refusal(hosts: ["localhost"], target: "evil.example:443", port: 8080) == .badTarget("evil.example:443"))
        #expect(check.refusal(hosts: ["localhost"], target: "1http://localhost/", port: 8080) == .badTarget("1http://localhost/"))
    }

    @Test func loopbackAddressesAreStrictDottedQuads() {
        for name in ["127.0.0.1", "127.255.255.255", "127.0.0.10"] { #expect(HostCheck.isLoopbackIPv4(name), "\(name)") }
        for name in ["127.0.0", "127.0.0.1.2", "127.0.0.256", "127.0.0.", "127..0.1", "128.0.0.1", "127.0.0.1a", "127.0.0.1234", "127.0.0.١"] {
            #expect(!HostCheck.isLoopbackIPv4(name), "\(name)")
        }
    }

    @Test func refusalsSayWhatIsAnswered() {
        let (status, text) = check.answer(to: .foreign("evil.example"), port: 8080)
        #expect(status == 421)
        #expect(
            text
                == "this preview answers only localhost, 127.0.0.1, [::1] (or another 127.x.x.x address), with no port or port 8080; 'evil.example' is not one of them\n"
        )
        #expect(check.answer(to: .missingHost, port: 8080).status == 400)
        #expect(check.answer(to: .duplicateHost, port: 8080).status == 400)
    }
}

/// Which folders in the temporary folder a starting `serve` removes: only those named
/// `policysite-serve-<pid>-<8 hex>` after a process that no longer runs, and only real folders.
@Suite struct TemporaryOutputTests {
    @Test func onlyFoldersOfDeadServersAreRemoved() throws {
        let parent = Scratch.directory.appendingPathComponent("temporary-output-\(UUID().uuidString.prefix(8))/tmp")
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        let outside = parent.deletingLastPathComponent().appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try "canary".write(to: outside.appendingPathComponent("canary.txt"), atomically: true, encoding: .utf8)
        // Pid 41 "runs", 42 and 43 do not; 7 is this server.
        let folder = TemporaryOutput(parent: parent.path, processID: 7, isRunning: { $0 == 41 })
        for name in [
            "policysite-serve-41-0000000A", "policysite-serve-42-0000000B", "policysite-serve-7-0000000C", "policysite-serve-42-abcdef12",
            "policysite-serve-042-0000000D", "policysite-serve-42-000000", "policysite-serve-42-0000000G", "policysite-serve-42", "policysite-serve-x-0000000E",
            "policysite-serve-42-0000000F-1", "other-42-0000000A",
        ] {
            try FileManager.default.createDirectory(at: parent.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        try FileManager.default.createSymbolicLink(
            at: parent.appendingPathComponent("policysite-serve-42-abcdef12/link"), withDestinationURL: outside)
        try "a file".write(to: parent.appendingPathComponent("policysite-serve-43-0000000A"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(at: parent.appendingPathComponent("policysite-serve-43-0000000B"), withDestinationURL: outside)

        #expect(folder.removeLeftovers() == ["policysite-serve-42-0000000B", "policysite-serve-42-abcdef12"])
        let left = try FileManager.default.contentsOfDirectory(atPath: parent.path).sorted()
        #expect(!left.contains("policysite-serve-42-0000000B") && left.count == 11, "\(left)")
        #expect(try String(contentsOf: outside.appendingPathComponent("canary.txt"), encoding: .utf8) == "canary")

        let created = try folder.create()
        #expect(URL(fileURLWithPath: created).lastPathComponent.hasPrefix("policysite-serve-7-"))
        #expect(TemporaryOutput.owner(ofFolderNamed: URL(fileURLWithPath: created).lastPathComponent) == 7)
        let mode = try FileManager.default.attributesOfItem(atPath: created)[.posixPermissions] as? Int
        #expect(mode == 0o700)
        #expect(folder.removeLeftovers() == [])
        try? FileManager.default.removeItem(at: parent.deletingLastPathComponent())
    }
}
