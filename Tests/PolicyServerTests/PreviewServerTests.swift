import Foundation
import PolicyFiles
import Testing

@testable import PolicyServer

/// End to end over HTTP: a real server on a free loopback port, a private copy of content/.
/// Every test stops its server, also when an expectation fails.
@Suite(.serialized) struct PreviewServerTests {
    let page = "/caltryx-tech/en/"
    let policy = "caltryx-tech/en/privacy.md"

    func withServer(_ name: String = #function, _ body: (TestServer) async throws -> Void) async throws {
        let server = try await TestServer.start(name)
        do {
            try await body(server)
        } catch {
            try await server.stop()
            throw error
        }
        try await server.stop()
    }

    @Test func servesPagesWithTheirTypesAndNoCaching() async throws {
        try await withServer { server in
            let home = try await server.get("/")
            #expect(home.status == 200)
            #expect(home.header("content-type") == "text/html; charset=utf-8")
            #expect(home.header("cache-control") == "no-store")
            #expect(home.body.contains("data-policysite-serve"))
            #expect(home.body.range(of: "data-policysite-serve")!.lowerBound < home.body.range(of: "</body>", options: .backwards)!.lowerBound)

            #expect(try await server.get("/assets/style.css").header("content-type") == "text/css; charset=utf-8")
            let sitemap = try await server.get("/sitemap.xml")
            #expect(sitemap.header("content-type")?.hasPrefix("application/xml") == true)
            #expect(!sitemap.body.contains("data-policysite-serve"))

            let folder = try await server.get(page)
            #expect(folder.status == 200)
            let index = try String(contentsOf: server.output.appendingPathComponent("caltryx-tech/en/index.html"), encoding: .utf8)
            #expect(folder.body == String(decoding: LiveReload.inject(into: Data(index.utf8)), as: UTF8.self))

            let withoutSlash = try await server.get("/caltryx-tech/en")
            #expect(withoutSlash.status == 301)
            #expect(withoutSlash.header("location") == "/caltryx-tech/en/")
        }
    }

    @Test func unknownPathsGetTheSite404Page() async throws {
        try await withServer { server in
            let missing = try await server.get("/no-such-company/en/")
            #expect(missing.status == 404)
            #expect(missing.header("content-type") == "text/html; charset=utf-8")
            let notFound = try String(contentsOf: server.output.appendingPathComponent("404.html"), encoding: .utf8)
            #expect(missing.body == String(decoding: LiveReload.inject(into: Data(notFound.utf8)), as: UTF8.self))
        }
    }

    @Test func pathsOutsideTheOutputFolderAreRefused() async throws {
        try await withServer { server in
            let secret = server.folder.appendingPathComponent("secret.txt")
            try "TOP-SECRET".write(to: secret, atomically: true, encoding: .utf8)
            try FileManager.default.createSymbolicLink(at: server.output.appendingPathComponent("leak.txt"), withDestinationURL: secret)
            try FileManager.default.createSymbolicLink(at: server.output.appendingPathComponent("leak"), withDestinationURL: server.folder)
            let attempts = [
                "/../Package.swift", "/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc/passwd",
                "/assets/..%2F..%2F..%2Fsecret.txt", "/%2E%2E%5c%2E%2E%5csecret.txt", "/assets/%00/style.css",
                "/leak.txt", "/leak/secret.txt", "/leak/content/site.yml",
            ]
            for path in attempts {
                let reply = try await server.get(path)
                #expect([400, 404].contains(reply.status), "\(path) answered \(reply.status)")
                #expect(
                    !reply.body.contains("TOP-SECRET") && !reply.body.contains("root:") && !reply.body.contains("swift-tools-version"), "\(path) leaked a file")
            }
            #expect(try await server.get("/../Package.swift").status == 400)
            #expect(try await server.get("/leak.txt").status == 404)
        }
    }

    @Test func aSaveRebuildsThePageAndSendsAReloadEvent() async throws {
        try await withServer { server in
            let events = try await EventListener.open(port: server.port)
            defer { Task { await events.close() } }
            #expect(!(try await server.get(page).body.contains("Preview marker 4711")))
            let before = events.text.count
            try server.edit(policy) { $0 + "\nPreview marker 4711 appears after the save.\n" }
            #expect(try await events.wait(for: "event: reload", after: before))
            #expect(try await server.get(page).body.contains("Preview marker 4711"))
            // Only the edited company was re-rendered, not the whole site.
            #expect(server.log.contains("rebuilt \(server.content.path)/caltryx-tech,"))
            await events.close()
        }
    }

    @Test func aContentErrorShowsAnOverlayAndRecoversOnTheNextGoodSave() async throws {
        try await withServer { server in
            let events = try await EventListener.open(port: server.port)
            let original = try String(contentsOf: server.content.appendingPathComponent(policy), encoding: .utf8)
            var offset = events.text.count
            try server.edit(policy) { $0.replacingOccurrences(of: "last_updated:", with: "last_updatd:") }
            #expect(try await events.wait(for: "event: failed", after: offset))
            let broken = try await server.get(page)
            #expect(broken.status == 500)
            #expect(broken.body.contains("policysite-error-overlay"))
            #expect(broken.body.contains("caltryx-tech/en/privacy.md"))
            #expect(broken.body.contains("data-policysite-serve"))
            #expect(server.log.contains("error:"))
            #expect(try await server.get("/assets/style.css").status == 200)

            offset = events.text.count
            try server.edit(policy) { _ in original + "\nFixed and saved again.\n" }
            #expect(try await events.wait(for: "event: reload", after: offset))
            let fixed = try await server.get(page)
            #expect(fixed.status == 200)
            #expect(fixed.body.contains("Fixed and saved again."))
            await events.close()
        }
    }

    @Test func aSiteWideChangeRebuildsEverything() async throws {
        try await withServer { server in
            let events = try await EventListener.open(port: server.port)
            let offset = events.text.count
            try server.edit("site.yml") { $0.replacingOccurrences(of: "title: PolicySite example", with: "title: Renamed preview") }
            #expect(try await events.wait(for: "event: reload", after: offset))
            #expect(try await server.get(page).body.contains("Renamed preview"))
            #expect(server.log.contains("rebuilt the site"))
            await events.close()
        }
    }

    @Test func theBuiltFilesNeverContainTheReloadScript() async throws {
        try await withServer { server in
            // Subscribe first, so the reload this edit causes cannot be missed; then prove the
            // rebuild happened (the edit is in the output) before reading every file.
            let events = try await EventListener.open(port: server.port)
            try server.edit(policy) { $0 + "\nA paragraph added while serving.\n" }
            #expect(try await events.wait(for: "event: reload", timeout: .seconds(10)), "no reload after the edit: \(events.text)")
            await events.close()
            let page = try String(contentsOf: server.output.appendingPathComponent("caltryx-tech/en/index.html"), encoding: .utf8)
            #expect(page.contains("A paragraph added while serving."), "the output was not rebuilt")
            let files = FileManager.default.enumerator(at: server.output, includingPropertiesForKeys: nil)!
            var checked = 0
            for case let file as URL in files where ["html", "xml", "txt"].contains(file.pathExtension) {
                let text = try String(contentsOf: file, encoding: .utf8)
                #expect(!text.contains("policysite-serve") && !text.contains(LiveReload.eventsPath), "\(file.path)")
                checked += 1
            }
            #expect(checked > 20)
        }
    }

    @Test func aTakenPortIsAClearError() async throws {
        try await withServer { server in
            let second = PreviewServer(host: "127.0.0.1", port: server.port, session: server.session)
            await #expect(throws: PreviewServerError.portInUse(server.port)) {
                try await second.run()
            }
            #expect(PreviewServerError.portInUse(8080).description == "port 8080 is already in use; pick another with --port")
        }
    }
}
