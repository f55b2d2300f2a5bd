import Foundation
import TestSupport
import Testing

/// axe-core (WCAG 2.1 A/AA and best practices) in headless Chromium on every page of the
/// example site and of a policy far larger than the seeds (`CheckedSites`), at 375 px and
/// 1280 px, light and dark; and no page wider than a phone. `BrowserSession` drives the browser.
@Suite struct AccessibilityTests {
    @Test(
        .enabled(
            if: BrowserSession.available || CLI.checkersRequired,
            "axe-core, Selenium or chromium-driver is not installed: run `scripts/setup --test`"))
    func everyPagePassesAxeAtPhoneAndDesktopWidthInLightAndDark() throws {
        let sites = try CheckedSites.folders()
        let session = try BrowserSession.shared.get()
        let reports = [try session.axe(site: sites.example, name: "example"), try session.axe(site: sites.large, name: "large")]
        let pages = reports.map(\.pages).reduce(0, +), violations = reports.flatMap(\.violations)
        #expect(pages > 280, "pages checked (page × width × scheme): \(pages)")
        let listed = violations.prefix(20).map(\.description).joined(separator: "\n")
        #expect(violations.isEmpty, "\(violations.count) violations:\n\(listed)")
    }
}
