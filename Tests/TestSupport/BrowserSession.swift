public import Foundation

/// One headless Chromium session for every browser test of the test process:
/// `Tests/Tools/browser-session.py`, started on first use and ended at exit. Starting Chromium
/// costs seconds of CPU, so tests ask this session instead of starting their own:
///
/// ```swift
/// let session = try BrowserSession.shared.get()
/// let report = try session.axe(site: folder, name: "example")      // every page, 2 widths × 2 schemes
/// let page = try session.visit("acme/en/index.html", in: folder, width: 390, height: 844)
/// ```
///
/// Requests are answered one at a time (a lock around each); an axe request spreads its pages
/// over two browsers per core, so tests gain nothing by asking in parallel.
public final class BrowserSession: @unchecked Sendable {
    // `@unchecked`: `input`, `output` and `buffer` are used only while `lock` is held.
    private let process: Process
    private let input: FileHandle
    private let output: FileHandle
    private let errors: URL
    private var buffer = Data()
    private let lock = NSLock()

    /// Python with Selenium and axe-core's script, chromium and chromium-driver
    /// (`scripts/setup --test` installs them).
    public static let available: Bool = {
        let probe = try? Tool.run("/usr/bin/env", [Repository.python, "-c", "import selenium, axe_playwright_python"])
        return probe?.status == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver")
            && FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium")
    }()

    /// The session of this test process, started on first use.
    public static let shared: Result<BrowserSession, any Error> = {
        let session = Result { try BrowserSession() }
        atexit { BrowserSession.closeShared() }
        return session
    }()

    private static func closeShared() {
        guard case .success(let session) = shared else { return }
        session.close()
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The answer to a request that failed.
    private struct Refusal: Decodable { var error: String }

    private init() throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [Repository.python, Repository.root.appendingPathComponent("Tests/Tools/browser-session.py").path]
        process.environment = Tool.scratchEnvironment
        let toSession = Pipe(), fromSession = Pipe()
        errors = Scratch.directory.appendingPathComponent("browser-session-\(UUID().uuidString.prefix(8)).log")
        guard FileManager.default.createFile(atPath: errors.path, contents: nil) else { throw Failure(description: "cannot create \(errors.path)") }
        process.standardInput = toSession
        process.standardOutput = fromSession
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        input = toSession.fileHandleForWriting
        output = fromSession.fileHandleForReading
    }

    /// Closing its input ends the session: the script quits its browsers and exits.
    private func close() {
        lock.withLock {
            try? input.close()
            process.waitUntilExit()
        }
    }

    /// Sends one request and returns its answer, decoded.
    private func ask<Answer: Decodable>(_ request: some Encodable, as: Answer.Type) throws -> Answer {
        let line = try lock.withLock { () throws -> Data in
            try input.write(contentsOf: JSONEncoder().encode(request) + Data("\n".utf8))
            while true {
                if let end = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                    let line = buffer[buffer.startIndex..<end]
                    buffer = Data(buffer[buffer.index(after: end)...])
                    return Data(line)
                }
                let more = output.availableData
                guard !more.isEmpty else {
                    let log = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
                    throw Failure(description: "the browser session ended: \(log.suffix(2000))")
                }
                buffer += more
            }
        }
        if let refusal = try? JSONDecoder().decode(Refusal.self, from: line) { throw Failure(description: "the browser session failed: \(refusal.error)") }
        return try JSONDecoder().decode(Answer.self, from: line)
    }

    public struct AxeReport: Decodable, Sendable {
        public struct Violation: Decodable, Sendable, CustomStringConvertible {
            public var site: String
            public var page: String
            public var width: Int
            public var scheme: String
            public var id: String
            public var help: String
            public var nodes: [String]
            public var description: String { "\(site)/\(page) at \(width) px, \(scheme): \(id) — \(help) \(nodes)" }
        }
        /// Pages checked, counting each page once per width and colour scheme.
        public var pages: Int
        public var violations: [Violation]
    }

    /// axe-core (WCAG 2.1 A and AA, best practices) on every page of `site` but `404.html`, at
    /// 375 px and 1280 px, light and dark, and a `horizontal-overflow` violation for a page
    /// wider than 375 px. `name` labels the violations.
    public func axe(site: URL, name: String) throws -> AxeReport {
        struct Request: Encodable {
            var op = "axe"
            var root: String
            var site: String
        }
        return try ask(Request(root: site.path, site: name), as: AxeReport.self)
    }

    public struct Visit: Decodable, Sendable {
        /// What the page wrote to the browser's console (failed loads included).
        public var console: [String]
        /// `document.documentElement.outerHTML` once loaded.
        public var dom: String
    }

    /// Loads `page` (relative to `site`) at that viewport in the light scheme, saving a
    /// screenshot to `screenshot` when given.
    public func visit(_ page: String, in site: URL, width: Int, height: Int, screenshot: URL? = nil) throws -> Visit {
        struct Request: Encodable {
            var op = "visit"
            var root: String
            var page: String
            var width: Int
            var height: Int
            var screenshot: String?
        }
        return try ask(Request(root: site.path, page: page, width: width, height: height, screenshot: screenshot?.path), as: Visit.self)
    }
}
