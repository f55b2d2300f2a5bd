import Foundation
import Testing

/// Renders pages in headless Chromium at phone width: they must load without console messages
/// (our pages run no script, so any message means something broke), produce a screenshot, and
/// keep their language and direction in the live DOM. Screenshots go to a temporary folder.
private let installedChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }

@Suite(.serialized, .enabled(if: installedChromium != nil || CLI.checkersRequired, "Chromium is not installed: run `scripts/setup --test`"))
struct BrowserTests {
    static let chromium = installedChromium

    static let output: URL = {
        let output = try! CLI.temporaryDirectory("browser").appendingPathComponent("public")
        let result = try! CLI.run(["build", "--output", output.path])
        precondition(result.status == 0, result.stderr)
        return output
    }()

    func chromium(_ arguments: [String]) throws -> (stdout: String, stderr: String) {
        let binary = try #require(Self.chromium, "Chromium is not installed; run scripts/setup --test")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments =
            ["--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0", "--window-size=390,844", "--hide-scrollbars"] + arguments
        process.environment = CLI.scratchEnvironment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile(), stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

    /// Width and height from a PNG's IHDR chunk.
    func pngSize(_ data: Data) -> (Int, Int)? {
        guard data.count > 24, data.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else { return nil }
        let bytes = [UInt8](data[16..<24])
        let width = bytes[0..<4].reduce(0) { $0 << 8 | Int($1) }, height = bytes[4..<8].reduce(0) { $0 << 8 | Int($1) }
        return (width, height)
    }

    @Test(arguments: [("digiterex/ar/index.html", "ar", "rtl"), ("caltryx-tech/fr/cookies/index.html", "fr", "ltr")])
    func pageLoadsCleanlyAtPhoneWidth(_ page: String, _ language: String, _ direction: String) throws {
        let url = Self.output.appendingPathComponent(page).absoluteString
        let shot = try CLI.temporaryDirectory().appendingPathComponent("\(language).png")
        let run = try chromium(["--screenshot=\(shot.path)", url])
        let consoleLines = run.stderr.split(separator: "\n").filter { $0.contains(":CONSOLE") }
        #expect(consoleLines.isEmpty, "console: \(consoleLines)")
        let png = try Data(contentsOf: shot)
        let size = try #require(pngSize(png), "not a PNG")
        #expect(size.0 == 390)
        #expect(png.count > 20_000, "screenshot looks blank (\(png.count) bytes)")

        let dom = try chromium(["--dump-dom", url]).stdout
        #expect(dom.contains("<html lang=\"\(language)\" dir=\"\(direction)\" "))
        #expect(dom.contains("<main id=\"main\""))
    }
}
