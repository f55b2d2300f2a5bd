import Foundation
import PolicyDiagnostics
import PolicyModel
import PolicyScan
import Synchronization
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
import PolicyContent
#endif

private let installedChromium = try? BrowserProcess.locate(nil)
/// In CI (`CI=true`) a missing browser fails these tests instead of skipping them.
private let browserRequired = ProcessInfo.processInfo.environment["CI"] == "true"

/// `policysite scan` against a loopback site whose cookies, storage and third parties are known,
/// and a policy fixture that declares some of them right, one with a wrong lifetime, one
/// session cookie as persistent, one never set, and leaves others out.
@Suite(.serialized, .enabled(if: installedChromium != nil || browserRequired, "Chromium is not installed: run `scripts/setup --test`"))
struct ScanTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixture = root.appendingPathComponent("Tests/Fixtures/scan/content")

    static func policy() throws -> PolicyDocument {
        let loaded = ContentLoader(themesPath: root.appendingPathComponent("themes").path).load(contentPath: fixture.path)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        return try #require(loaded.site?.company(named: "shop")?.source)
    }

    static func browser() throws -> String { try #require(installedChromium, "Chromium is not installed: run `scripts/setup --test`") }

    /// `severity code line page: message`, the page as its path.
    static func summary(_ finding: ScanFinding) -> String {
        let page = finding.page.flatMap { URL(string: $0)?.path } ?? "-"
        return "\(finding.severity.rawValue) \(finding.code) \(finding.location?.line.map(String.init) ?? "-") \(page): \(finding.message)"
    }

    /// Every Chromium process whose command line names `profile` (the browser and its helpers).
    static func processes(using profile: URL) -> [String] {
        let ids = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return ids.filter { id in
            guard Int(id) != nil, let data = FileManager.default.contents(atPath: "/proc/\(id)/cmdline") else { return false }
            return String(decoding: data, as: UTF8.self).contains(profile.path)
        }
    }

    @Test func everyDifferenceIsReportedWithItsPageAndDeclaration() async throws {
        let browser = try Self.browser()
        let folder = try Self.folder()
        let policy = try Self.policy()
        let launched = Launches()
        let (observations, site) = try await TestSite.with { site in
            var options = ScanOptions(start: site.url("/"), pages: 10, acceptSelector: "#accept", browser: browser, profileParent: folder)
            options.quietPeriod = 0.3
            var scanner = SiteScanner(options: options)
            scanner.onLaunch = { browser in launched.list.withLock { $0.append((browser.pid, browser.profile)) } }
            return (try await scanner.scan(), site)
        }
        let findings = ScanComparison(policy: policy).findings(observations)
        let expected = [
            "error undeclared-cookie 6 /contact: cookie '_fbp' (persistent, 90 days, first-party, set by a script on 127.0.0.1) is not declared in the cookie table",
            "error undeclared-category 6 /contact: cookie '_fbp' is a marketing cookie (Meta Pixel), but the policy declares no marketing cookies",
            "error before-consent 6 /contact: marketing cookie '_fbp' is set before any consent is given",
            "error before-consent 19 /: analytics cookie '_ga_TEST1' is set before any consent is given",
            "warning cookie-lifetime 11 /about: cookie 'lang' lasts 30 days but is declared to last 1 year",
            "warning cookie-lifetime 13 /contact: cookie 'help_seen' is declared to last 30 days but is a session cookie",
            "error undeclared-storage 6 /about: localStorage key 'recently_viewed' (http://127.0.0.1:\(site.port)) is not declared in the cookie table",
            "error undeclared-recipient 20 /contact: third-party host '127.0.0.2' (first request http://127.0.0.2:\(site.thirdPartyPort)/pixel.js) is not covered by the domains of any recipient in third_parties",
            "info cookie-not-seen 14 -: declared cookie 'cart_id' was not seen on the 3 pages scanned",
        ]
        #expect(findings.map(Self.summary).sorted() == expected.sorted())
        #expect(findings.allSatisfy { $0.location?.file == policy.path || $0.location == nil })

        // What was seen, and how: the header cookie, the script one, the one only after consent.
        #expect(observations.pages.map { URL(string: $0)!.path } == ["/", "/about", "/contact"])
        let cookies = Dictionary(observations.cookies.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        #expect(cookies["sid"]?.setBy == .header && cookies["sid"]?.isSession == true && cookies["sid"]?.phase == .beforeConsent)
        #expect(cookies["lang"]?.setBy == .header && cookies["lang"]?.isSession == false)
        #expect(cookies["_ga_TEST1"]?.setBy == .script && cookies["_ga_TEST1"]?.firstParty == true)
        #expect(cookies["consent"]?.phase == .afterConsent && cookies["consent"]?.page == site.url("/").absoluteString)
        #expect(observations.consentClicked == true)
        #expect(observations.hosts.map(\.host).sorted() == ["127.0.0.2", "localhost"])
        #expect(observations.storage.map { "\($0.area.rawValue) \($0.key)" }.sorted() == ["localStorage recently_viewed", "sessionStorage tab_id"])

        // Two visits, two browsers: both gone, their profiles too.
        let browsers = launched.list.withLock { $0 }
        #expect(browsers.count == 2)
        for (pid, profile) in browsers {
            #expect(kill(pid, 0) != 0, "browser \(pid) still runs")
            #expect(!FileManager.default.fileExists(atPath: profile.path), "\(profile.path) is left")
            #expect(Self.processes(using: profile).isEmpty)
        }
    }

    @Test func aSiteThatDoesNotAnswerTimesOutAndLeavesNothing() async throws {
        let browser = try Self.browser()
        let folder = try Self.folder()
        let listener = try SilentListener()
        defer { listener.close() }
        var options = ScanOptions(start: URL(string: "http://127.0.0.1:\(listener.port)/")!, browser: browser, profileParent: folder)
        options.pageTimeout = 2
        let launched = Launches()
        var scanner = SiteScanner(options: options)
        scanner.onLaunch = { browser in launched.list.withLock { $0.append((browser.pid, browser.profile)) } }
        let started = Date()
        await #expect {
            _ = try await scanner.scan()
        } throws: { error in
            "\(error)" == "http://127.0.0.1:\(listener.port)/ did not answer within 2 s; check that the site is up and reachable from this machine"
        }
        #expect(Date().timeIntervalSince(started) < 15)
        let (pid, profile) = try #require(launched.list.withLock { $0.first })
        #expect(kill(pid, 0) != 0, "browser \(pid) still runs")
        #expect(!FileManager.default.fileExists(atPath: profile.path))
        #expect(Self.processes(using: profile).isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    /// A short name: Chromium puts its sockets under `TMPDIR`, and a socket's path must fit in
    /// 108 bytes (with a longer one it exits with status 6).
    static func folder() throws -> URL {
        let url = Scratch.directory.appendingPathComponent("scan-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// The browsers a scan started: process id and profile folder.
final class Launches: Sendable {
    let list = Mutex<[(Int32, URL)]>([])
}

/// A loopback port that accepts connections (the kernel completes them) and never answers.
final class SilentListener: Sendable {
    let fd: Int32
    let port: Int

    init() throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let fd = self.fd
        let ok = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && listen(fd, 16) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard ok else { throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "cannot listen on 127.0.0.1"]) }
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    func close() { _ = Glibc.close(fd) }
}
