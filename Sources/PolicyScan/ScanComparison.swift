public import Foundation
import PolicyDiagnostics
public import PolicyModel

/// What a policy declares, set against what a scan observed: every difference as a finding.
public struct ScanComparison: Sendable {
    public let policy: PolicyDocument
    /// The moment lifetimes are counted from (declared months and years are calendar ones).
    public var now: Date

    public init(policy: PolicyDocument, now: Date = Date()) {
        self.policy = policy
        self.now = now
    }

    /// A declared cookie with its category.
    struct Declared {
        var cookie: Cookie
        var category: String
    }

    var declared: [Declared] {
        policy.frontMatter.cookies.flatMap { category in category.cookies.map { Declared(cookie: $0, category: category.category.id) } }
    }

    public func findings(_ observations: ScanObservations) -> [ScanFinding] {
        var findings: [ScanFinding] = []
        let declared = self.declared
        let categories = Set(policy.frontMatter.cookies.map(\.category.id))
        let table = policy.location(of: "cookies")
        let recipients = policy.location(of: "third_parties")

        for cookie in observations.cookies {
            let what = describe(cookie)
            guard let match = declared.first(where: { $0.cookie.matches(cookie.name) }) else {
                findings.append(
                    ScanFinding(
                        .error, .undeclaredCookie, "cookie '\(cookie.name)' (\(what)) is not declared in the cookie table",
                        expected: "add it under cookies (`policysite scan --write-suggestions FILE` writes the entry)", page: cookie.page, at: table))
                if let known = KnownCookies.entry(for: cookie.name) {
                    if !categories.contains(known.category) {
                        findings.append(
                            ScanFinding(
                                .error, .undeclaredCategory,
                                "cookie '\(cookie.name)' is a \(known.category) cookie (\(known.pattern.provider)), but the policy declares no \(known.category) cookies",
                                expected: "remove the \(known.pattern.provider) tag from the site, or declare a \(known.category) category", page: cookie.page,
                                at: table))
                    }
                    findings += beforeConsent("cookie", cookie.name, category: known.category, phase: cookie.phase, page: cookie.page, at: table)
                }
                continue
            }
            let location = match.cookie.location ?? table
            if let problem = lifetimeProblem(cookie, declared: match.cookie.duration) {
                findings.append(
                    ScanFinding(
                        .warning, .cookieLifetime, "cookie '\(cookie.name)' \(problem)",
                        expected: "correct the declared duration, or the cookie's expiry on the site", page: cookie.page, at: location))
            }
            findings += beforeConsent("cookie", cookie.name, category: match.category, phase: cookie.phase, page: cookie.page, at: location)
        }

        for item in observations.storage {
            guard let match = declared.first(where: { $0.cookie.matches(item.key) }) else {
                findings.append(
                    ScanFinding(
                        .error, .undeclaredStorage, "\(item.area.rawValue) key '\(item.key)' (\(item.origin)) is not declared in the cookie table",
                        expected: "add it under cookies with the category of its use (the table covers web storage as well as cookies)",
                        page: item.page, at: table))
                continue
            }
            findings += beforeConsent(
                "\(item.area.rawValue) key", item.key, category: match.category, phase: item.phase, page: item.page, at: match.cookie.location ?? table)
        }

        for host in observations.hosts where !policy.frontMatter.thirdParties.contains(where: { $0.covers(host: host.host) }) {
            findings.append(
                ScanFinding(
                    .error, .undeclaredRecipient,
                    "third-party host '\(host.host)' (first request \(host.firstRequest)) is not covered by the domains of any recipient in third_parties",
                    expected: "add the host to its recipient's domains, or declare the recipient", page: host.page, at: recipients))
        }

        let seen = observations.cookies.map(\.name) + observations.storage.map(\.key)
        for entry in declared where !seen.contains(where: entry.cookie.matches) {
            findings.append(
                ScanFinding(
                    .info, .cookieNotSeen,
                    "declared cookie '\(entry.cookie.name)' was not seen on the \(observations.pages.count) page\(observations.pages.count == 1 ? "" : "s") scanned",
                    expected: "it may be set only after login or on an action the scan does not perform; remove it if the site no longer sets it",
                    at: entry.cookie.location ?? table))
        }

        if observations.consentClicked == false {
            findings.append(
                ScanFinding(
                    .error, .acceptSelectorMissing, "the accept selector matched nothing on the start page, so no consent was given",
                    expected: "pass the CSS selector of the banner's accept button with --accept-selector", page: observations.start, at: nil))
        }
        for page in observations.unreachable {
            findings.append(ScanFinding(.warning, .pageUnreachable, "a linked page could not be scanned: \(page)", at: nil))
        }
        // In the order of the file, so the report reads along the policy; the browser lists
        // cookies in no fixed order.
        return findings.sorted {
            ($0.location == nil ? 1 : 0, $0.location?.line ?? 0, $0.code, $0.message) < (
                $1.location == nil ? 1 : 0, $1.location?.line ?? 0, $1.code, $1.message
            )
        }
    }

    private func beforeConsent(
        _ kind: String, _ name: String, category: String, phase: ConsentPhase, page: String, at location: SourceLocation
    ) -> [ScanFinding] {
        guard phase == .beforeConsent, category != "essential" else { return [] }
        return [
            ScanFinding(
                .error, .beforeConsent, "\(category) \(kind) '\(name)' is set before any consent is given",
                expected: "set it only after the visitor accepts \(category) cookies, or declare it essential if it is strictly necessary", page: page,
                at: location)
        ]
    }

    /// `persistent, 30 days, first-party, set by a response header on example.com`.
    private func describe(_ cookie: ObservedCookie) -> String {
        let lifetime = cookie.lifetime.map { "persistent, \(Self.lifetimeText($0))" } ?? "session"
        return
            "\(lifetime), \(cookie.firstParty ? "first-party" : "third-party"), set by \(cookie.setBy == .header ? "a response header" : "a script") on \(cookie.domain)"
    }

    private func lifetimeProblem(_ cookie: ObservedCookie, declared: PolicyDuration?) -> String? {
        guard let declared else { return nil }
        switch (declared.kind, cookie.lifetime) {
        case (.event, _): return nil
        case (.session, nil): return nil
        case (.session, .some(let seconds)): return "is declared as a session cookie but is persistent (\(Self.lifetimeText(seconds)))"
        case (_, nil): return "is declared to last \(declared) but is a session cookie"
        case (_, .some(let seconds)):
            guard let range = range(of: declared) else { return nil }
            let day = 86_400.0
            guard seconds < range.lowerBound - day || seconds > range.upperBound + day else { return nil }
            return "lasts \(Self.lifetimeText(seconds)) but is declared to last \(declared)"
        }
    }

    /// The declared duration in seconds from `now`, as a range for `24-48 hours` and `up to 2 years`.
    func range(of duration: PolicyDuration) -> ClosedRange<Double>? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        func seconds(_ parts: [PolicyDuration.Part]) -> Double? {
            var components = DateComponents()
            for part in parts {
                switch part.unit {
                case .second: components.second = (components.second ?? 0) + part.count
                case .minute: components.minute = (components.minute ?? 0) + part.count
                case .hour: components.hour = (components.hour ?? 0) + part.count
                case .day: components.day = (components.day ?? 0) + part.count
                case .week: components.day = (components.day ?? 0) + 7 * part.count
                case .month: components.month = (components.month ?? 0) + part.count
                case .year: components.year = (components.year ?? 0) + part.count
                }
            }
            return calendar.date(byAdding: components, to: now).map { $0.timeIntervalSince(now) }
        }
        switch duration.kind {
        case .session, .event: return nil
        case .compound(let parts):
            guard let total = seconds(parts) else { return nil }
            return total...total
        case let .span(lower, upper, unit, upTo):
            guard let high = seconds([.init(count: upper, unit: unit)]) else { return nil }
            if upTo { return 0...high }
            let low = lower.flatMap { seconds([.init(count: $0, unit: unit)]) } ?? high
            return low...high
        }
    }

    /// A lifetime in the largest unit that keeps it readable: `30 days`, `2 hours`, `400 days`.
    static func lifetimeText(_ seconds: Double) -> String {
        func plural(_ count: Int, _ unit: String) -> String { "\(count) \(unit)\(count == 1 ? "" : "s")" }
        if seconds >= 2 * 86_400 { return plural(Int((seconds / 86_400).rounded()), "day") }
        if seconds >= 2 * 3_600 { return plural(Int((seconds / 3_600).rounded()), "hour") }
        if seconds >= 120 { return plural(Int((seconds / 60).rounded()), "minute") }
        return plural(Int(seconds.rounded()), "second")
    }
}
