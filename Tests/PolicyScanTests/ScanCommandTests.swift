import Foundation
import PolicyScan
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The `policysite scan` command itself: its formats, the suggestions file, that content is
/// left alone, and that an interrupt (Ctrl-C) leaves no browser and no profile behind.
@Suite(
    .serialized,
    .enabled(
        if: (try? BrowserProcess.locate(nil)) != nil || ProcessInfo.processInfo.environment["CI"] == "true",
        "Chromium is not installed: run `scripts/setup --test`"))
struct ScanCommandTests {
    static var binary: URL {
        if let chosen = ProcessInfo.processInfo.environment["POLICYSITE_TEST_BINARY"], !chosen.isEmpty { return URL(fileURLWithPath: chosen) }
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent("policysite"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("policysite"),
            ScanTests.root.appendingPathComponent(".build/debug/policysite"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates.last!
    }

    /// Starts `policysite` with `TMPDIR` in `scratch`, where the browser's profile goes.
    static func start(_ arguments: [String], in directory: URL, scratch: URL) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(["TMPDIR": scratch.path]) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        return (process, out, err)
    }

    static func run(_ arguments: [String], in directory: URL, scratch: URL) throws -> (status: Int32, stdout: String, stderr: String) {
        let (process, out, err) = try start(arguments, in: directory, scratch: scratch)
        let (output, errors) = Tool.readBoth(out, err)
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self), String(decoding: errors, as: UTF8.self))
    }

    /// The block of docs/scan.md between `<!-- name -->` and `<!-- /name -->`, without its fence.
    static func documented(_ name: String) throws -> String {
        let text = try String(contentsOf: ScanTests.root.appendingPathComponent("docs/scan.md"), encoding: .utf8)
        let start = try #require(text.range(of: "<!-- \(name) -->\n"), "docs/scan.md has no \(name) block")
        let end = try #require(text.range(of: "<!-- /\(name) -->", range: start.upperBound..<text.endIndex))
        let lines = text[start.upperBound..<end.lowerBound].split(separator: "\n", omittingEmptySubsequences: false).dropFirst().dropLast(2)
        return lines.joined(separator: "\n") + "\n"
    }

    /// `text` with the test site's ports as docs/scan.md shows them: 8080 and 9090.
    static func normalised(_ text: String, _ site: TestSite) -> String {
        text.replacingOccurrences(of: ":\(site.port)", with: ":8080").replacingOccurrences(of: ":\(site.thirdPartyPort)", with: ":9090")
    }

    /// `--write-suggestions` never replaces a file the user owns, nor writes through a link; it is
    /// refused before any browser starts.
    @Test func suggestionsNeverReplaceAnExistingFileOrLink() throws {
        let sandbox = try Sandbox()
        try FileManager.default.copyItem(at: ScanTests.fixture, to: sandbox.site.appendingPathComponent("content"))
        let scratch = try ScanTests.folder()
        let mine = sandbox.middle.appendingPathComponent("notes.yml")
        try Data("mine\n".utf8).write(to: mine)
        let link = sandbox.middle.appendingPathComponent("link.yml")
        let secret = sandbox.outer.appendingPathComponent("secret.txt")
        try Data("secret\n".utf8).write(to: secret)
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: secret)
        let before = Sandbox.snapshot(sandbox.outer)
        for target in [mine, link] {
            let result = try Self.run(
                ["scan", "shop", "--url", "http://127.0.0.1:9/", "--write-suggestions", target.path], in: sandbox.site, scratch: scratch)
            #expect(result.status != 0)
            #expect(result.stderr.contains("--write-suggestions '\(target.path)' exists; expected a new file"), "\(result.stderr)")
        }
        let after = Sandbox.snapshot(sandbox.outer).filter { !$0.key.hasSuffix(".policysite.lock") }
        #expect(after == before.filter { !$0.key.hasSuffix(".policysite.lock") })
        #expect(sandbox.brokenCanaries.isEmpty, "\(sandbox.brokenCanaries)")
    }

    @Test func theTextReportIsTheOneDocumented() async throws {
        let sandbox = try Sandbox()
        try FileManager.default.copyItem(at: ScanTests.fixture, to: sandbox.site.appendingPathComponent("content"))
        let scratch = try ScanTests.folder()
        let themes = ScanTests.root.appendingPathComponent("themes").path
        let folder = sandbox.site
        let (result, site) = try await TestSite.with { site in
            let result = try Self.run(
                ["scan", "shop", "--url", site.url("/").absoluteString, "--themes", themes, "--accept-selector", "#accept", "--timeout", "60"], in: folder,
                scratch: scratch)
            return (result, site)
        }
        #expect(result.status == 1, "\(result.stderr)")
        let output = Self.normalised(result.stdout, site)
        #expect(output == (try Self.documented("scan-output")), "docs/scan.md should show:\n\(output)")
    }

    @Test func githubAnnotationsAndSuggestionsWithoutTouchingContent() async throws {
        let sandbox = try Sandbox()
        try FileManager.default.copyItem(at: ScanTests.fixture, to: sandbox.site.appendingPathComponent("content"))
        let scratch = try ScanTests.folder()
        let before = Sandbox.snapshot(sandbox.site.appendingPathComponent("content")).filter { $0.key != ".policysite.lock" }
        let suggestions = sandbox.middle.appendingPathComponent("suggested-cookies.yml")
        let themes = ScanTests.root.appendingPathComponent("themes").path
        let folder = sandbox.site
        let (result, site) = try await TestSite.with { site in
            let result = try Self.run(
                [
                    "scan", "shop", "--url", site.url("/").absoluteString, "--themes", themes, "--format", "github", "--accept-selector", "#accept",
                    "--write-suggestions", suggestions.path, "--timeout", "60",
                ], in: folder, scratch: scratch)
            return (result, site)
        }
        #expect(result.status == 1, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 9, "\(result.stdout)\(result.stderr)")
        let file = "content/shop/en/privacy.md"
        #expect(
            lines.contains(
                "::warning file=\(file),line=11,title=policysite scan%3A cookie-lifetime::cookie 'lang' lasts 30 days but is declared to last 1 year; correct the declared duration, or the cookie's expiry on the site (page \(site.url("/about")))"
            ), "\(result.stdout)")
        #expect(
            lines.contains(
                "::error file=\(file),line=19,title=policysite scan%3A before-consent::analytics cookie '_ga_TEST1' is set before any consent is given; set it only after the visitor accepts analytics cookies, or declare it essential if it is strictly necessary (page \(site.url("/")))"
            ), "\(result.stdout)")
        #expect(
            lines.contains(
                "::notice file=\(file),line=14,title=policysite scan%3A cookie-not-seen::declared cookie 'cart_id' was not seen on the 3 pages scanned; it may be set only after login or on an action the scan does not perform; remove it if the site no longer sets it"
            ), "\(result.stdout)")
        let annotations = Self.normalised(result.stdout, site)
        #expect(annotations == (try Self.documented("scan-github")), "docs/scan.md should show:\n\(annotations)")
        let written = try String(contentsOf: suggestions, encoding: .utf8)
        #expect(
            written == """
                # Cookies that `policysite scan` saw on \(site.url("/")) and \(file) does not declare.
                # Paste each entry under `cookies:` in that file (or its cookies into the category it belongs to),
                # then replace every [[TODO: …]].
                - category: "[[TODO: essential, analytics, preferences or marketing; a known marketing cookie (Meta Pixel)]]"
                  purpose: "[[TODO: why the site uses these cookies]]"
                  cookies:
                    - name: "_fbp"
                      provider: "Meta Pixel"
                      purpose: "[[TODO: what _fbp does]]"
                      duration: 90 days

                """)
        #expect(Self.normalised(written, site) == (try Self.documented("scan-suggestions")), "docs/scan.md should show:\n\(Self.normalised(written, site))")
        // The empty lock file every command that reads the site holds (SiteLock) is PolicySite's own.
        let after = Sandbox.snapshot(sandbox.site.appendingPathComponent("content")).filter { $0.key != ".policysite.lock" }
        #expect(after == before, "the scan changed content/")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).filter { $0.hasPrefix("policysite-scan-") }.isEmpty)
    }

    @Test func anInterruptEndsTheBrowserAndRemovesItsProfile() throws {
        let scratch = try ScanTests.folder()
        let listener = try SilentListener()
        defer { listener.close() }
        let (process, _, err) = try Self.start(
            [
                "scan", "shop", "--url", "http://127.0.0.1:\(listener.port)/", "--content", ScanTests.fixture.path, "--themes",
                ScanTests.root.appendingPathComponent("themes").path, "--timeout", "120",
            ], in: ScanTests.root, scratch: scratch)
        // Wait until the browser runs: its profile exists and it has said which port it chose.
        var profile: URL?
        for _ in 0..<400 where profile == nil {
            profile = (try? FileManager.default.contentsOfDirectory(at: scratch, includingPropertiesForKeys: nil))?.first {
                $0.lastPathComponent.hasPrefix("policysite-scan-")
                    && FileManager.default.fileExists(atPath: $0.appendingPathComponent("DevToolsActivePort").path)
            }
            usleep(50_000)
        }
        let folder = try #require(profile, "the browser never started")
        usleep(500_000)  // into the page load that never ends
        #expect(!ScanTests.processes(using: folder).isEmpty)
        kill(process.processIdentifier, SIGINT)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130, "\(stderr)")
        #expect(stderr.contains("scan interrupted; the browser was closed and its profile removed"), "\(stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.path))
        #expect(ScanTests.processes(using: folder).isEmpty)
    }
}
