import Foundation
import Testing

/// The life of a version (announced → upcoming → current → archived) on every page, file and
/// command, at dates before, between and after the six versions of Tests/Fixtures/lifecycle
/// (written by its generate.py; 2.1 and 2.2 are announced ahead). Every run names its date with
/// `--as-of`, so nothing depends on the day the tests run.
@Suite struct LifecycleTests {
    static let fixture = CLI.root.appendingPathComponent("Tests/Fixtures/lifecycle/content")
    static let themes = CLI.root.appendingPathComponent("themes").path
    let folder: URL

    init() throws {
        folder = try CLI.temporaryDirectory("lifecycle")
        try FileManager.default.copyItem(at: Self.fixture, to: folder.appendingPathComponent("content"))
    }

    func run(_ arguments: [String]) throws -> CLI.Result { try CLI.run(arguments + ["--themes", Self.themes], in: folder) }

    /// Builds the site as of `date` into `out-<date>/`; returns a reader of its files.
    func build(asOf date: String, _ extra: [String] = []) throws -> (String) throws -> String {
        let output = "out-\(date)"
        let result = try run(["build", "--as-of", date, "--output", output] + extra)
        #expect(result.status == 0, "build --as-of \(date): \(result.stderr)")
        return { path in try read(folder.appendingPathComponent(output).appendingPathComponent(path)) }
    }

    func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path) }

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// `version: status` of every entry of `policies.json` in `language`.
    func indexStatuses(_ text: String, language: String = "en") throws -> [String: String] {
        let entries = try #require(try json(text)["policies"] as? [[String: Any]]).filter { $0["language"] as? String == language }
        return Dictionary(entries.map { ($0["version"] as? String ?? "?", $0["status"] as? String ?? "?") }) { first, _ in first }
    }

    /// `version: status` of policy.json's list of versions.
    func listedStatuses(_ text: String) throws -> [String: String] {
        let versions = try #require(try json(text)["versions"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: versions.map { ($0["version"] as? String ?? "?", $0["status"] as? String ?? "?") })
    }

    @Test func theContactCardCountriesAndDurationsReadAsText() throws {
        let file = try build(asOf: "2026-12-07")
        for path in ["acme/en/contact/index.html", "acme/en/versions/1.0/index.html", "acme/en/index.html"] {
            let page = try file(path)
            #expect(page.contains("10117 Berlin, Germany<br></address>"), "\(path)")
            #expect(!page.contains("false"), "\(path) prints false")
        }
        let english = try file("acme/en/index.html")
        #expect(english.contains("data-label=\"Processed in\">France</td>") && english.contains(">Germany</td>"))
        #expect(!english.contains(">FR</td>") && !english.contains(">DE</td>"))
        let french = try file("acme/fr/index.html")
        #expect(french.contains(">France</td>") && french.contains(">Allemagne</td>"))
        let cookies = try file("acme/en/cookies/index.html")
        #expect(cookies.contains("until the browser is closed") && cookies.contains("until the user logs out"))
        #expect(!cookies.contains("Until the browser"))
        #expect(try file("acme/fr/cookies/index.html").contains("jusqu&#39;à la fermeture du navigateur"))
    }
}
