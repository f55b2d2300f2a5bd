import Foundation
import PolicyBuild
import PolicyFiles
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
