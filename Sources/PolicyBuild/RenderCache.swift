import Foundation
import PolicyModel
import PolicyRender
import Synchronization

/// Remembers, for every page of the last successful build, a fingerprint of the inputs the
/// page shows. A page whose fingerprint is unchanged and whose file is still in the output is
/// not rendered again: the writer keeps the existing file. Kept in memory by long-lived builders
/// (serve) and on disk beside the output (`.policysite-cache/<output>.pages`) for the CLI.
public final class RenderCache: Sendable {
    private struct State {
        var fingerprints: [String: String] = [:]
        /// The output folder whose manifest `fingerprints` holds.
        var loadedFrom: String?
        /// `fingerprints` is what the manifest file on disk says (not so after `record`).
        var persisted = false
    }

    private let state = Mutex(State())

    public init() {}

    /// Bump when rendering changes in a way fingerprints cannot see (a code change).
    static let salt = "policysite-render-5"

    /// A file of the build cache kept beside `output`: `.policysite-cache/<output's name><suffix>`.
    static func cacheFile(_ suffix: String, for output: String) -> String {
        let url = URL(fileURLWithPath: output).standardizedFileURL
        return url.deletingLastPathComponent().appendingPathComponent(".policysite-cache/\(url.lastPathComponent)\(suffix)").path
    }

    /// One line per page, `<fingerprint> <path>`, after a header line: Foundation's JSON coding
    /// of 50,000 paths was a fifth of a one-file rebuild.
    static func manifestPath(for output: String) -> String { cacheFile(".pages", for: output) }
    static let header = "policysite-pages 1"

    static func decode(_ data: Data) -> [String: String]? {
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> [String: String]? in
            let newline = UInt8(ascii: "\n"), space = UInt8(ascii: " ")
            guard let headerEnd = bytes.firstIndex(of: newline),
                String(decoding: UnsafeRawBufferPointer(rebasing: bytes[..<headerEnd]), as: UTF8.self) == header
            else { return nil }
            var fingerprints: [String: String] = [:]
            fingerprints.reserveCapacity(bytes.count / 100)
            var start = headerEnd + 1
            while start < bytes.count {
                let end = bytes[start...].firstIndex(of: newline) ?? bytes.count
                guard let gap = bytes[start..<end].firstIndex(of: space) else { return nil }
                let path = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[(gap + 1)..<end]), as: UTF8.self)
                fingerprints[path] = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<gap]), as: UTF8.self)
                start = end + 1
            }
            return fingerprints
        }
    }

    static func encode(_ fingerprints: [String: String]) -> Data {
        let newline = UInt8(ascii: "\n"), space = UInt8(ascii: " ")
        var bytes = Array((header + "\n").utf8)
        bytes.reserveCapacity(fingerprints.count * 120)
        // A path with a line break cannot be written on a line: that page is rendered again.
        for (path, fingerprint) in fingerprints where !path.utf8.contains(newline) && !fingerprint.utf8.contains(space) {
            bytes += fingerprint.utf8
            bytes.append(space)
            bytes += path.utf8
            bytes.append(newline)
        }
        return Data(bytes)
    }

    /// Reads the manifest of the last build into `output`, once per cache.
    func prepare(output: String) {
        state.withLock { state in
            guard state.loadedFrom != output else { return }
            state.loadedFrom = output
            let data = try? Data(contentsOf: URL(fileURLWithPath: Self.manifestPath(for: output)))
            let decoded = data.flatMap(Self.decode)
            state.fingerprints = decoded ?? [:]
            state.persisted = decoded != nil
        }
    }

    func isCurrent(_ path: String, _ fingerprint: String, output: String) -> Bool {
        let known = state.withLock { $0.fingerprints[path] }
        return known == fingerprint && access(output + "/" + path, F_OK) == 0
    }

    /// The pages the last build recorded with their fingerprints, by their first folder (a
    /// company's slug).
    func pagesByFolder() -> [String: [(path: String, fingerprint: String)]] {
        state.withLock { state in
            var pages: [String: [(path: String, fingerprint: String)]] = [:]
            for (path, fingerprint) in state.fingerprints {
                guard let slash = path.firstIndex(of: "/") else { continue }
                pages[String(path[..<slash]), default: []].append((path, fingerprint))
            }
            return pages
        }
    }

    /// Records the fingerprints of a build whose output was written.
    func save(_ current: [String: String], output: String) {
        let unchanged = state.withLock { state in
            defer { state = State(fingerprints: current, loadedFrom: output, persisted: true) }
            return state.persisted && state.loadedFrom == output && state.fingerprints == current
        }
        // The file already says exactly this: writing 50,000 fingerprints again is not free.
        guard !unchanged else { return }
        let path = Self.manifestPath(for: output)
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try? Self.encode(current).write(to: URL(fileURLWithPath: path), options: .atomic)
        // The JSON file versions before 2026-11-30 kept.
        unlink(Self.cacheFile(".json", for: output))
    }

    /// Adds the fingerprints of pages written by a partial rebuild (serve's one-company path).
    /// The fingerprints file on disk no longer describes the output, and is removed: a later
    /// `build` into the same folder that trusted it would keep pages serve wrote for content
    /// that has changed back since.
    public func record(_ written: [String: String], output: String) {
        unlink(Self.manifestPath(for: output))
        state.withLock { state in
            if state.loadedFrom != output { state.fingerprints = [:] }
            state.fingerprints.merge(written) { _, new in new }
            state.loadedFrom = output
            state.persisted = false
        }
    }

    /// Forgets everything, e.g. after a failed write left the output in an unknown state.
    public func reset() {
        state.withLock { state in
            state.fingerprints = [:]
            state.persisted = false
        }
    }
}

extension PageJob {
    /// A hash of everything the page shows. (Pages that draw on the whole site are
    /// `PagePlan.siteFiles`, always rendered.)
    func fingerprint(site: Site, theme: Theme, today: PolicyDate) -> String {
        let base = [RenderCache.salt, theme.fingerprint, site.configHash, site.languages.map(\.rawValue).joined(separator: ",")]
        let parts: [String]
        switch self {
        case .policy(let page), .cookies(let page), .rights(let page), .contact(let page), .changelog(let page),
            .policyJSON(let page), .cookiesJSON(let page):
            // The page kind is part of `path`, which is hashed too.
            // A page shows its own language's text (or the source text it falls back to); of
            // the other languages it shows only their list and the source's version (the stale
            // notice), which `history` holds. So an English edit leaves the French pages be.
            let shown = (page.company.policies[page.language] ?? page.company.source)?.contentHash ?? "-"
            parts = [path, page.language.rawValue, shown] + Self.history(page.company)
        case let .feed(company, language):
            parts = ["feed", language.rawValue] + Self.current(company)
        case let .version(company, archived, language):
            // Archived texts never change: these pages depend only on the history, not on edits
            // to the current policy, beyond its version (the stale notice) and whether it is
            // this text (the page then names the current policy as its canonical address).
            let isCurrent = company.policies[language]?.contentHash == archived.policies[language]?.contentHash
            parts = [path, archived.version.description, language.rawValue, isCurrent ? "current" : "past"] + Self.history(company)
        case let .versionJSON(company, archived, language):
            parts = [path, archived.version.description, language.rawValue] + Self.history(company)
        case let .diff(company, old, new, language):
            parts = ["diff", old.version.description, new.version.description, language.rawValue] + Self.history(company)
        }
        // A company with a version announced ahead changes its pages on that date.
        let schedule = SiteRenderer.hasScheduledVersion(company, today: today) ? [today.description] : []
        return sha256Hex(Data((base + parts + schedule).joined(separator: "\u{0}").utf8))
    }

    private var company: Company {
        switch self {
        case .policy(let page), .cookies(let page), .rights(let page), .contact(let page), .changelog(let page), .policyJSON(let page), .cookiesJSON(let page):
            return page.company
        case .feed(let company, _), .version(let company, _, _), .diff(let company, _, _, _), .versionJSON(let company, _, _): return company
        }
    }

    /// Every current text: the feed falls back to the source text's date.
    private static func current(_ company: Company) -> [String] {
        history(company) + company.languages.map { company.policies[$0]?.contentHash ?? "-" }
    }

    private static func history(_ company: Company) -> [String] {
        [company.slug, company.dataHash, company.languages.map(\.rawValue).joined(separator: ","), company.source?.frontMatter.version.description ?? "-"]
            + company.archive.map(\.contentHash)
    }
}
