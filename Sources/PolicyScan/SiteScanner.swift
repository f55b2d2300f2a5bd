public import Foundation
import Synchronization

/// Visits a live site in headless Chromium and records what it leaves in the browser: cookies,
/// web storage keys and the outside hosts it contacts, each with the page that first caused it.
/// One visit with no consent; with `acceptSelector`, a second one on a fresh profile that clicks
/// the banner's accept button first.
public struct SiteScanner: Sendable {
    public enum ScanError: Error, CustomStringConvertible {
        case badStart(String)
        case noAnswer(url: String, seconds: Int)
        case loadFailed(url: String, reason: String)

        public var description: String {
            switch self {
            case .badStart(let url):
                return "'\(url)' is not a web address to scan; expected an http:// or https:// URL such as https://www.example.com/"
            case .noAnswer(let url, let seconds):
                return "\(url) did not answer within \(seconds) s; check that the site is up and reachable from this machine"
            case .loadFailed(let url, let reason):
                return "\(url) could not be loaded (\(reason)); check the address and that the site is up"
            }
        }
    }

    public var options: ScanOptions
    /// Called with the browser's process id and profile folder once it runs (for tests).
    public var onLaunch: @Sendable (BrowserProcess) -> Void = { _ in }

    public init(options: ScanOptions) { self.options = options }

    public func scan() async throws -> ScanObservations {
        guard let site = SiteBoundary(options.start) else { throw ScanError.badStart(options.start.absoluteString) }
        var observations = ScanObservations(start: options.start.absoluteString)
        try await visit(.beforeConsent, site: site, into: &observations)
        if options.acceptSelector != nil { try await visit(.afterConsent, site: site, into: &observations) }
        return observations
    }

    private func visit(_ phase: ConsentPhase, site: SiteBoundary, into observations: inout ScanObservations) async throws {
        let browser = try BrowserProcess.launch(options.browser, profileParent: options.profileParent)
        defer { browser.close() }
        onLaunch(browser)
        let recorder = PageRecorder(site: site)
        let connection = try await DevToolsConnection.open(browser.endpoint) { recorder.handle($0) }
        defer { connection.close() }
        let target = try await connection.send("Target.createTarget", ["url": "about:blank"], as: TargetID.self)
        let session = try await connection.send("Target.attachToTarget", Attach(targetId: target.targetId), as: Attached.self).sessionId
        try await connection.send("Network.enable", session: session)
        try await connection.send("Page.enable", session: session)

        var queue = [options.start.absoluteString]
        var queued = Set(queue)
        var visited = 0
        var known = Set(observations.cookies.map(\.key))
        while !queue.isEmpty, visited < options.pages {
            let page = queue.removeFirst()
            visited += 1
            do {
                try await load(page, connection: connection, session: session, recorder: recorder)
            } catch let error as ScanError where page != options.start.absoluteString {
                observations.unreachable.append("\(page): \(error)")
                continue
            }
            if phase == .afterConsent, page == options.start.absoluteString, let selector = options.acceptSelector {
                let clicked = try await evaluate(Self.click(selector), connection: connection, session: session, as: Bool.self)
                observations.consentClicked = clicked
                if clicked { await settle(recorder) }
            }
            if !observations.pages.contains(page) { observations.pages.append(page) }
            record(page, phase: phase, recorder: recorder, into: &observations)

            let cookies = try await connection.send("Storage.getCookies", as: CookieList.self).cookies
            let headerNames = recorder.headerCookieNames
            let now = Date().timeIntervalSince1970
            for cookie in cookies where known.insert(cookie.key).inserted {
                let domain = cookie.domain.hasPrefix(".") ? String(cookie.domain.dropFirst()) : cookie.domain
                observations.cookies.append(
                    ObservedCookie(
                        name: cookie.name, domain: domain, path: cookie.path, lifetime: cookie.session ? nil : max(0, cookie.expires - now),
                        firstParty: site.isFirstParty(domain), setBy: headerNames.contains(cookie.name) ? .header : .script, page: page, phase: phase))
            }
            let storage = try await evaluate(Self.storageKeys, connection: connection, session: session, as: StorageKeys.self)
            for (area, keys) in [(ObservedStorageKey.Area.local, storage.local), (.session, storage.session)] {
                for key in keys where !observations.storage.contains(where: { $0.area == area && $0.key == key && $0.origin == storage.origin }) {
                    observations.storage.append(ObservedStorageKey(area: area, key: key, origin: storage.origin, page: page, phase: phase))
                }
            }
            let links = try await evaluate(Self.links, connection: connection, session: session, as: [String].self)
            for link in links {
                guard var parts = URLComponents(string: link) else { continue }
                parts.fragment = nil
                guard let url = parts.url, site.follows(url) else { continue }
                if queued.insert(url.absoluteString).inserted { queue.append(url.absoluteString) }
            }
        }
    }

    /// Navigates and waits for the load event, then for the network to go quiet.
    private func load(_ page: String, connection: DevToolsConnection, session: String, recorder: PageRecorder) async throws {
        recorder.begin(page)
        let seconds = options.pageTimeout
        let navigated: Navigated
        do {
            navigated = try await connection.send("Page.navigate", ["url": page], session: session, as: Navigated.self, timeout: seconds)
        } catch is DevToolsConnection.ProtocolError {
            throw ScanError.noAnswer(url: page, seconds: Int(seconds))
        }
        if let reason = navigated.errorText, !reason.isEmpty { throw ScanError.loadFailed(url: page, reason: reason) }
        let deadline = Date().addingTimeInterval(seconds)
        while !recorder.loaded {
            if Date() > deadline { throw ScanError.noAnswer(url: page, seconds: Int(seconds)) }
            try await Task.sleep(for: .milliseconds(50))
        }
        await settle(recorder)
    }

    /// Waits until no request has been in flight for `quietPeriod`, or `settleLimit` passed.
    private func settle(_ recorder: PageRecorder) async {
        let limit = Date().addingTimeInterval(options.settleLimit)
        while Date() < limit {
            if recorder.quiet(for: options.quietPeriod) { return }
            try? await Task.sleep(for: .milliseconds(50))
        }
    }

    private func record(_ page: String, phase: ConsentPhase, recorder: PageRecorder, into observations: inout ScanObservations) {
        for (host, request, causedBy) in recorder.takeHosts() where !observations.hosts.contains(where: { $0.host == host }) {
            observations.hosts.append(ObservedHost(host: host, firstRequest: request, page: causedBy ?? page, phase: phase))
        }
    }

    private func evaluate<T: Decodable>(_ expression: String, connection: DevToolsConnection, session: String, as type: T.Type) async throws -> T {
        // Every expression returns JSON text, so its value comes back whole whatever its type.
        let answer = try await connection.send(
            "Runtime.evaluate", Evaluate(expression: expression), session: session, as: Evaluated.self, timeout: options.pageTimeout)
        guard let text = answer.result.value else {
            throw DevToolsConnection.ProtocolError(description: "the page's script failed: \(answer.exceptionDetails?.text ?? "no value")")
        }
        return try JSONDecoder().decode(T.self, from: Data(text.utf8))
    }

    static let storageKeys = """
        JSON.stringify((() => { const keys = (area) => { try { return Object.keys(window[area]); } catch (e) { return []; } };
          return { origin: location.origin, local: keys('localStorage'), session: keys('sessionStorage') }; })())
        """
    static let links = "JSON.stringify(Array.from(document.querySelectorAll('a[href]'), (a) => a.href))"

    static func click(_ selector: String) -> String {
        let quoted = String(decoding: (try? JSONEncoder().encode(selector)) ?? Data("\"\"".utf8), as: UTF8.self)
        return "JSON.stringify((() => { const e = document.querySelector(\(quoted)); if (!e) return false; e.click(); return true; })())"
    }

    private struct TargetID: Decodable { var targetId: String }
    private struct Attach: Encodable, Sendable {
        var targetId: String
        var flatten = true
    }
    private struct Attached: Decodable { var sessionId: String }
    private struct Navigated: Decodable { var errorText: String? }
    private struct Evaluate: Encodable, Sendable {
        var expression: String
        var returnByValue = true
        var awaitPromise = true
    }
    private struct Evaluated: Decodable {
        struct Value: Decodable { var value: String? }
        struct Exception: Decodable { var text: String }
        var result: Value
        var exceptionDetails: Exception?
    }
    private struct StorageKeys: Decodable {
        var origin: String
        var local: [String]
        var session: [String]
    }
    struct CookieList: Decodable { var cookies: [BrowserCookie] }
    struct BrowserCookie: Decodable {
        var name: String
        var domain: String
        var path: String
        var expires: Double
        var session: Bool
        var key: String { "\(name)|\(domain.hasPrefix(".") ? String(domain.dropFirst()) : domain)|\(path)" }
    }
}

extension ObservedCookie {
    var key: String { "\(name)|\(domain)|\(path)" }
}

/// The DevTools events of one visit: requests in flight, the load event, the outside hosts
/// contacted and the names `Set-Cookie` headers set. Events arrive on the connection's task.
final class PageRecorder: Sendable {
    private struct State {
        var page = ""
        var loaded = false
        var inFlight = Set<String>()
        var lastActivity = Date()
        var hosts: [(String, String, String?)] = []
        var seenHosts = Set<String>()
        var headerCookies = Set<String>()
    }

    private let site: SiteBoundary
    private let state = Mutex(State())

    init(site: SiteBoundary) { self.site = site }

    func begin(_ page: String) {
        state.withLock {
            $0.page = page
            $0.loaded = false
            $0.lastActivity = Date()
        }
    }

    var loaded: Bool { state.withLock { $0.loaded } }
    var headerCookieNames: Set<String> { state.withLock { $0.headerCookies } }

    func quiet(for seconds: Double) -> Bool {
        state.withLock { $0.inFlight.isEmpty && Date().timeIntervalSince($0.lastActivity) >= seconds }
    }

    func takeHosts() -> [(String, String, String?)] {
        state.withLock { state in
            defer { state.hosts.removeAll() }
            return state.hosts
        }
    }

    func handle(_ event: DevToolsConnection.Event) {
        switch event.method {
        case "Page.loadEventFired":
            state.withLock { $0.loaded = true }
        case "Network.requestWillBeSent":
            guard let params = event.params(RequestSent.self) else { return }
            let url = URL(string: params.request.url)
            state.withLock { state in
                state.inFlight.insert(params.requestId)
                state.lastActivity = Date()
                guard let url, let scheme = url.scheme?.lowercased(), ["http", "https", "ws", "wss"].contains(scheme), let host = url.host?.lowercased(),
                    !site.isFirstParty(host)
                else { return }
                if state.seenHosts.insert(host).inserted { state.hosts.append((host, params.request.url, state.page)) }
            }
        case "Network.loadingFinished", "Network.loadingFailed":
            guard let params = event.params(RequestID.self) else { return }
            state.withLock {
                $0.inFlight.remove(params.requestId)
                $0.lastActivity = Date()
            }
        case "Network.responseReceivedExtraInfo":
            guard let params = event.params(ExtraInfo.self) else { return }
            let names = params.headers.filter { $0.key.lowercased() == "set-cookie" }.flatMap { $0.value.split(separator: "\n") }
                .compactMap { line in line.split(separator: "=", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces) } }
            guard !names.isEmpty else { return }
            state.withLock { $0.headerCookies.formUnion(names) }
        default:
            break
        }
    }

    private struct RequestSent: Decodable {
        struct Request: Decodable { var url: String }
        var requestId: String
        var request: Request
    }
    private struct RequestID: Decodable { var requestId: String }
    private struct ExtraInfo: Decodable { var headers: [String: String] }
}
