import ArgumentParser
import Dispatch
import Foundation
import PolicyModel
import PolicyScan

/// `policysite scan`: visits the live site in headless Chromium and reports where its cookies,
/// web storage and third-party hosts differ from what the company's policy declares.
struct ScanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Compare the cookies, storage and third parties a live site uses with what its policy declares.",
        discussion: """
            Drives headless Chromium (on PATH, or --browser) on a fresh profile: one visit with no consent and, with \
            --accept-selector, one after clicking the banner's accept button. Reads the company's default-language policy; \
            changes nothing in content/. Exits 1 on any error (and on warnings with --strict). See docs/scan.md.
            """)

    @OptionGroup var location: SiteLocation

    @Argument(help: "The company whose policy describes the site (its slug or folder name).")
    var company: String

    @Option(help: "The start page, e.g. https://www.example.com/.")
    var url: String

    @Option(help: "Visit at most this many pages per visit, breadth-first from --url.")
    var pages = 20

    @Option(help: "Output format: text, json or github (GitHub Actions annotations on the declaring lines).")
    var format: Format = .text

    @Flag(help: "Fail on warnings too.")
    var strict = false

    @Option(help: "The Chromium binary; default: chromium, chromium-browser or google-chrome on PATH.")
    var browser: String?

    @Option(name: .customLong("accept-selector"), help: "CSS selector of the consent banner's accept button, for the after-consent visit.")
    var acceptSelector: String?

    @Option(name: .customLong("write-suggestions"), help: "Write YAML cookie-table entries for the undeclared cookies to this file.")
    var writeSuggestions: String?

    @Option(help: "Seconds a page may take to answer and load.")
    var timeout: Double = 20

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, github
    }

    func validate() throws {
        guard pages >= 1 else { throw ValidationError("--pages must be at least 1") }
        guard timeout > 0 else { throw ValidationError("--timeout must be more than 0 seconds") }
        guard let start = URL(string: url), SiteBoundary(start) != nil else {
            throw ValidationError("--url '\(url)' is not an http:// or https:// address; expected e.g. https://www.example.com/")
        }
        // The suggestions go to a new file only: never over a file (or through a link) the user owns.
        if let writeSuggestions {
            let manager = FileManager.default
            if manager.fileExists(atPath: writeSuggestions) || (try? manager.destinationOfSymbolicLink(atPath: writeSuggestions)) != nil {
                throw ValidationError(
                    "--write-suggestions '\(writeSuggestions)' exists; expected a new file: remove it or name another, nothing was scanned or written")
            }
        }
    }

    func run() async throws {
        let company = try location.reading { try loadCompany(self.company, location: location) }
        guard let policy = company.source else { throw fail("\(company.slug) has no \(company.defaultLanguage) policy to compare with") }
        let browserPath: String
        do {
            browserPath = try BrowserProcess.locate(browser)
        } catch {
            throw fail("\(error)")
        }
        var options = ScanOptions(start: URL(string: url)!, pages: pages, acceptSelector: acceptSelector, browser: browserPath)
        options.pageTimeout = timeout
        let interrupts = Self.endBrowsersOnInterrupt()
        defer { for source in interrupts { source.cancel() } }
        let observations: ScanObservations
        do {
            observations = try await SiteScanner(options: options).scan()
        } catch {
            // Ended by the interrupt handler, which prints its own message and exits.
            if BrowserProcess.interrupted { try? await Task.sleep(for: .seconds(60)) }
            throw fail("\(error)")
        }
        let comparison = ScanComparison(policy: policy)
        let findings = comparison.findings(observations)
        print(ScanFormat(rawValue: format.rawValue)!.render(findings, observations: observations, strict: strict), terminator: "")
        if let writeSuggestions {
            do {
                // Created exclusively (O_EXCL): a file or link that appeared during the scan is not replaced.
                try Data(CookieSuggestions.yaml(observations, comparison: comparison).utf8).write(
                    to: URL(fileURLWithPath: writeSuggestions), options: .withoutOverwriting)
            } catch {
                throw fail("cannot write \(writeSuggestions): \(error.localizedDescription)")
            }
        }
        let failing = findings.contains { $0.severity == .error || (strict && $0.severity == .warning) }
        if failing { throw ExitCode(1) }
    }

    /// On SIGINT or SIGTERM no `defer` runs: the browsers started so far are ended and their
    /// profiles removed here, then the process exits as the signal would have it (130, 143).
    static func endBrowsersOnInterrupt() -> [any DispatchSourceSignal] {
        [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                BrowserProcess.terminateAll()
                printError("scan interrupted; the browser was closed and its profile removed\n")
                Foundation.exit(128 + number)
            }
            source.resume()
            return source
        }
    }
}
