import Foundation
import TestSupport
import Testing

/// Renders pages in headless Chromium (`BrowserSession`) at phone width: they must load without
/// console messages (our pages run no script but the print button's, so any message means
/// something broke), produce a screenshot, and keep their language and direction in the live
/// DOM. Screenshots go to a temporary folder.
@Suite(
    .enabled(
        if: BrowserSession.available || CLI.checkersRequired,
        "Chromium, chromium-driver or Selenium is not installed: run `scripts/setup --test`"))
struct BrowserTests {
    /// Width and height from a PNG's IHDR chunk.
    func pngSize(_ data: Data) -> (Int, Int)? {
        guard data.count > 24, data.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else { return nil }
        let bytes = [UInt8](data[16..<24])
        let width = bytes[0..<4].reduce(0) { $0 << 8 | Int($1) }, height = bytes[4..<8].reduce(0) { $0 << 8 | Int($1) }
        return (width, height)
    }

    @Test(arguments: [("digiterex/ar/index.html", "ar", "rtl"), ("caltryx-tech/fr/cookies/index.html", "fr", "ltr")])
    func pageLoadsCleanlyAtPhoneWidth(_ page: String, _ language: String, _ direction: String) throws {
        let site = try CheckedSites.folders().example
        let shot = try CLI.temporaryDirectory().appendingPathComponent("\(language).png")
        let visit = try BrowserSession.shared.get().visit(page, in: site, width: 390, height: 844, screenshot: shot)
        #expect(visit.console.isEmpty, "console: \(visit.console)")
        let png = try Data(contentsOf: shot)
        let size = try #require(pngSize(png), "not a PNG")
        #expect(size.0 == 390)
        #expect(png.count > 20_000, "screenshot looks blank (\(png.count) bytes)")

        #expect(visit.dom.contains("<html lang=\"\(language)\" dir=\"\(direction)\" "))
        #expect(visit.dom.contains("<main id=\"main\""))
    }
}
