import Foundation
import PolicyDiagnostics
import PolicyModel
import PolicyScan
import PolicyYAML
import Testing

/// The comparison on its own, on observations made up for each rule the browser test does not
/// reach: a persistent cookie declared as a session one, ranges and "up to", patterns, a missed
/// accept button, and the `domains` a recipient may list.
@Suite struct ScanComparisonTests {
    static func policy(_ yaml: String) throws -> PolicyDocument {
        let (front, problems) = StrictYAMLDecoder(file: "privacy.md").decode(PolicyFrontMatter.self, from: yaml)
        #expect(problems.isEmpty, "\(problems)")
        return PolicyDocument(path: "privacy.md", language: LanguageCode("en")!, frontMatter: try #require(front), body: "", bodyLine: 1, contentHash: "")
    }

    static let header = """
        title: Privacy
        version: "1.0"
        effective: 2025-01-01
        last_updated: 2025-01-01

        """

    static func cookie(_ name: String, days: Double?, phase: ConsentPhase = .afterConsent) -> ObservedCookie {
        ObservedCookie(
            name: name, domain: "example.com", path: "/", lifetime: days.map { $0 * 86_400 }, firstParty: true, setBy: .header,
            page: "https://example.com/", phase: phase)
    }

    @Test func lifetimesPatternsAndRanges() throws {
        let policy = try Self.policy(
            Self.header + """
                cookies:
                  - category: essential
                    purpose: Run the site
                    cookies:
                      - {name: sid, provider: Example, purpose: Session, duration: session}
                      - {name: "ab_*_test", provider: Example, purpose: Tests, duration: 24-48 hours}
                      - {name: pref, provider: Example, purpose: Prefs, duration: up to 1 year}
                      - {name: csrf, provider: Example, purpose: Forms, duration: {until: "the form is sent"}}
                """)
        var observations = ScanObservations(start: "https://example.com/")
        observations.pages = ["https://example.com/"]
        observations.cookies = [
            Self.cookie("sid", days: 7), Self.cookie("ab_home_test", days: 1.5), Self.cookie("ab_cart_test", days: 4),
            Self.cookie("pref", days: 200), Self.cookie("csrf", days: 3),
        ]
        observations.consentClicked = false
        let messages = ScanComparison(policy: policy).findings(observations).map { "\($0.severity.rawValue) \($0.code): \($0.message)" }
        #expect(
            messages == [
                "warning cookie-lifetime: cookie 'sid' is declared as a session cookie but is persistent (7 days)",
                "warning cookie-lifetime: cookie 'ab_cart_test' lasts 4 days but is declared to last 24-48 hours",
                "error accept-selector-missing: the accept selector matched nothing on the start page, so no consent was given",
            ])
    }

    @Test func recipientsCoverTheirDomainsAndSubdomains() throws {
        let policy = try Self.policy(
            Self.header + """
                third_parties:
                  - {name: Analytics, purpose: Counts visits, domains: [google-analytics.com, googletagmanager.com]}
                """)
        var observations = ScanObservations(start: "https://example.com/")
        observations.hosts = ["www.google-analytics.com", "googletagmanager.com", "evilgoogle-analytics.com"].map {
            ObservedHost(host: $0, firstRequest: "https://\($0)/x.js", page: "https://example.com/", phase: .beforeConsent)
        }
        let hosts = ScanComparison(policy: policy).findings(observations).map(\.message)
        #expect(
            hosts == [
                "third-party host 'evilgoogle-analytics.com' (first request https://evilgoogle-analytics.com/x.js) is not covered by the domains of any recipient in third_parties"
            ])
    }

    @Test func aDomainWithASchemeOrPathIsRejectedWithItsLine() {
        let (_, problems) = StrictYAMLDecoder(file: "privacy.md").decode(
            PolicyFrontMatter.self,
            from: Self.header + """
                third_parties:
                  - name: Analytics
                    purpose: Counts visits
                    domains: [https://google-analytics.com/]
                """)
        #expect(
            problems.map(\.description) == [
                "privacy.md:8:14: error: 'https://google-analytics.com/' is not a domain name; expected a lowercase host name without scheme, path or port, e.g. google-analytics.com (it covers its subdomains)"
            ])
    }

    @Test func theSiteIsTheStartHostWithoutWwwAndItsSubdomains() throws {
        let site = try #require(SiteBoundary(URL(string: "https://www.example.com/")!))
        #expect(site.isFirstParty("example.com") && site.isFirstParty(".example.com") && site.isFirstParty("shop.example.com"))
        #expect(!site.isFirstParty("example.com.evil.net") && !site.isFirstParty("notexample.com"))
        #expect(site.follows(URL(string: "https://shop.example.com/a")!) && !site.follows(URL(string: "https://example.com/report.pdf")!))
        #expect(SiteBoundary(URL(string: "ftp://example.com/")!) == nil)
    }
}

/// The report formats on a made-up scan: `--strict` makes warnings errors, JSON carries both
/// what was seen and what was found, and a finding with no declaration has no file.
@Suite struct ScanFormatTests {
    static let findings = [
        ScanFinding(
            .warning, .cookieLifetime, "cookie 'a' lasts 2 days but is declared to last 1 day", page: "https://example.com/",
            at: SourceLocation(file: "p.md", line: 7, column: 9)),
        ScanFinding(.info, .cookieNotSeen, "declared cookie 'b' was not seen on the 1 page scanned", at: SourceLocation(file: "p.md", line: 8, column: 9)),
        ScanFinding(.error, .acceptSelectorMissing, "the accept selector matched nothing", page: "https://example.com/", at: nil),
    ]

    static var observations: ScanObservations {
        var observations = ScanObservations(start: "https://example.com/")
        observations.pages = ["https://example.com/"]
        return observations
    }

    @Test func strictTurnsWarningsIntoErrors() {
        #expect(
            ScanFormat.text.render(Self.findings, observations: Self.observations, strict: true) == """
                p.md:7:9: error: cookie 'a' lasts 2 days but is declared to last 1 day (page https://example.com/)
                p.md:8:9: note: declared cookie 'b' was not seen on the 1 page scanned
                error: the accept selector matched nothing (page https://example.com/)
                scanned 1 page of https://example.com/: 0 cookies, 0 storage keys, 0 third-party hosts; 2 errors, 0 warnings, 1 note

                """)
        #expect(
            ScanFormat.github.render(Self.findings, observations: Self.observations, strict: false).split(separator: "\n") == [
                "::warning file=p.md,line=7,title=policysite scan%3A cookie-lifetime::cookie 'a' lasts 2 days but is declared to last 1 day (page https://example.com/)",
                "::notice file=p.md,line=8,title=policysite scan%3A cookie-not-seen::declared cookie 'b' was not seen on the 1 page scanned",
                "::error title=policysite scan%3A accept-selector-missing::the accept selector matched nothing (page https://example.com/)",
            ])
    }

    @Test func jsonHoldsObservationsAndFindings() throws {
        struct Report: Decodable {
            var observations: ScanObservations
            var findings: [ScanFinding]
        }
        let text = ScanFormat.json.render(Self.findings, observations: Self.observations, strict: false)
        let report = try JSONDecoder().decode(Report.self, from: Data(text.utf8))
        #expect(report.observations == Self.observations)
        #expect(report.findings == Self.findings)
    }
}
