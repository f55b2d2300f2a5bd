import Foundation
import PolicyConcurrency
import PolicyFiles
import PolicyModel
import PolicyRender
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Remembers, for every page of the last successful build, a fingerprint of the inputs the
/// page shows and a stamp of the file the build left in the output. A page whose fingerprint is
/// unchanged and whose file in the output still has its stamp is not rendered again: the writer
/// keeps the existing file. Kept in memory by long-lived builders (serve) and on disk beside the
/// output (`.policysite-cache/<output>.pages`, sealed) for the CLI.
///
/// The stamp (inode, change time, size) is what makes the output safe to trust: an edit by hand
/// changes the change time whatever the modification time is set back to, and an older copy put
/// back is a new inode; either way the page is rendered and compared again.
public final class RenderCache: Sendable {
    private struct State {
        var fingerprints: [String: String] = [:]
        /// Every file the last build left in the output that it may keep unseen (its pages and
        /// its site-wide files), with its stamp.
        var stamps: [String: String] = [:]
        /// The output folder whose manifest `fingerprints` holds.
        var loadedFrom: String?
        /// `fingerprints` and `stamps` are what the manifest file on disk says (not so after `record`).
        var persisted = false
    }

    private let state = Mutex(State())

    public init() {}

    /// Bump when rendering changes in a way fingerprints cannot see (a code change).
    static let salt = "policysite-render-7"

    /// A file of the build cache kept beside `output`: `.policysite-cache/<output's name><suffix>`.
    static func cacheFile(_ suffix: String, for output: String) -> String {
        let url = URL(fileURLWithPath: output).standardizedFileURL
        return url.deletingLastPathComponent().appendingPathComponent(".policysite-cache/\(url.lastPathComponent)\(suffix)").path
    }

    /// The folder of the build cache beside `output`.
    static func cacheFolder(for output: String) -> String {
        (cacheFile("", for: output) as NSString).deletingLastPathComponent
    }

    /// One line per file, `<fingerprint> <stamp> <path>` (`-` as the fingerprint of a site-wide
    /// file), after a header line: Foundation's JSON coding of 50,000 paths was a fifth of a
    /// one-file rebuild.
    static func manifestPath(for output: String) -> String { cacheFile(".pages", for: output) }
    static let header = "policysite-pages 2"
    /// The fingerprint recorded for a file that has a stamp but no fingerprint.
    static let noFingerprint = "-"

    static func decode(_ data: Data) -> (fingerprints: [String: String], stamps: [String: String])? {
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> ([String: String], [String: String])? in
            let newline = UInt8(ascii: "\n"), space = UInt8(ascii: " ")
            guard let headerEnd = bytes.firstIndex(of: newline),
                String(decoding: UnsafeRawBufferPointer(rebasing: bytes[..<headerEnd]), as: UTF8.self) == header
            else { return nil }
            var fingerprints: [String: String] = [:], stamps: [String: String] = [:]
            fingerprints.reserveCapacity(bytes.count / 120)
            stamps.reserveCapacity(bytes.count / 120)
            var start = headerEnd + 1
            while start < bytes.count {
                let end = bytes[start...].firstIndex(of: newline) ?? bytes.count
                guard let gap = bytes[start..<end].firstIndex(of: space), let second = bytes[(gap + 1)..<end].firstIndex(of: space) else { return nil }
                let path = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[(second + 1)..<end]), as: UTF8.self)
                let fingerprint = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<gap]), as: UTF8.self)
                if fingerprint != noFingerprint { fingerprints[path] = fingerprint }
                stamps[path] = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[(gap + 1)..<second]), as: UTF8.self)
                start = end + 1
            }
            return (fingerprints, stamps)
        }
    }

    static func encode(_ fingerprints: [String: String], stamps: [String: String]) -> Data {
        let newline = UInt8(ascii: "\n"), space = UInt8(ascii: " ")
        var bytes = Array((header + "\n").utf8)
        bytes.reserveCapacity(stamps.count * 140)
        // A path with a line break cannot be written on a line: that page is rendered again.
        for (path, stamp) in stamps where !path.utf8.contains(newline) {
            let fingerprint = fingerprints[path] ?? noFingerprint
            guard !fingerprint.utf8.contains(space) else { continue }
            bytes += fingerprint.utf8
            bytes.append(space)
            bytes += stamp.utf8
            bytes.append(space)
            bytes += path.utf8
            bytes.append(newline)
        }
        return Data(bytes)
    }

    /// A file's stamp in the output: inode, change time (nanoseconds) and size.
    static func stamp(_ info: stat) -> String {
        "\(info.st_ino)-\(info.st_ctim.tv_sec).\(info.st_ctim.tv_nsec)-\(info.st_size)"
    }

    /// The stamp of `path` in the output folder open as `folder`; nil when it is not there.
    static func stamp(of path: String, in folder: Int32) -> String? {
        var info = stat()
        return fstatat(folder, path, &info, AT_SYMLINK_NOFOLLOW) == 0 && info.st_mode & S_IFMT == S_IFREG ? stamp(info) : nil
    }

    /// Reads the manifest of the last build into `output`, once per cache.
    func prepare(output: String) {
        state.withLock { state in
            guard state.loadedFrom != output else { return }
            state.loadedFrom = output
            let decoded = SealedFile.read(Self.manifestPath(for: output)).flatMap(Self.decode)
            state.fingerprints = decoded?.fingerprints ?? [:]
            state.stamps = decoded?.stamps ?? [:]
            state.persisted = decoded != nil
        }
    }

    func isCurrent(_ path: String, _ fingerprint: String, output: String) -> Bool {
        let (known, stamp) = state.withLock { ($0.fingerprints[path], $0.stamps[path]) }
        guard known == fingerprint, let stamp else { return false }
        var info = stat()
        return lstat(output + "/" + path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG && Self.stamp(info) == stamp
    }

    /// Whether `path` in the output is the file the last build left there.
    func isIntact(_ path: String, output: String) -> Bool {
        guard let stamp = state.withLock({ $0.stamps[path] }) else { return false }
        var info = stat()
        return lstat(output + "/" + path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG && Self.stamp(info) == stamp
    }

    /// The pages the last build recorded with their fingerprints and stamps, by their first
    /// folder (a company's slug).
    func pagesByFolder() -> [String: [(path: String, fingerprint: String, stamp: String)]] {
        state.withLock { state in
            var pages: [String: [(path: String, fingerprint: String, stamp: String)]] = [:]
            for (path, fingerprint) in state.fingerprints {
                guard let slash = path.firstIndex(of: "/"), let stamp = state.stamps[path] else { continue }
                pages[String(path[..<slash]), default: []].append((path, fingerprint, stamp))
            }
            return pages
        }
    }

    /// Records the fingerprints of a build whose output was written, and the stamps of its
    /// pages and `siteFiles` as they are now in the output. With `restamp` false (the build
    /// swapped nothing in), the stamps recorded before still hold for the files they name.
    func save(_ current: [String: String], siteFiles: [String], output: String, restamp: Bool) {
        let known = state.withLock { $0.loadedFrom == output ? $0.stamps : [:] }
        let paths = Array(current.keys) + siteFiles
        let stamps = restamp ? Self.stamps(of: paths, output: output) : Self.stamps(of: paths, output: output, known: known)
        let unchanged = state.withLock { state in
            defer { state = State(fingerprints: current, stamps: stamps, loadedFrom: output, persisted: true) }
            return state.persisted && state.loadedFrom == output && state.fingerprints == current && state.stamps == stamps
        }
        // The file already says exactly this: writing 50,000 fingerprints again is not free.
        guard !unchanged else { return }
        let path = Self.manifestPath(for: output)
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try? SealedFile.write(Self.encode(current, stamps: stamps), to: path)
    }

    /// The stamps of `paths` in the output, on every core; those in `known` are taken from it.
    static func stamps(of paths: [String], output: String, known: [String: String] = [:]) -> [String: String] {
        let folder = open(output, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { return [:] }
        defer { close(folder) }
        let chunks = stride(from: 0, to: paths.count, by: 2048).map { Array(paths[$0..<min($0 + 2048, paths.count)]) }
        let found = ConcurrentMap.map(chunks) { chunk in
            chunk.compactMap { path in (known[path] ?? stamp(of: path, in: folder)).map { (path, $0) } }
        }
        return Dictionary(found.joined()) { first, _ in first }
    }

    /// Adds the fingerprints of pages written by a partial rebuild (serve's one-company path).
    /// The fingerprints file on disk no longer describes the output, and is removed: a later
    /// `build` into the same folder that trusted it would keep pages serve wrote for content
    /// that has changed back since.
    public func record(_ written: [String: String], output: String) {
        unlink(Self.manifestPath(for: output))
        let stamps = Self.stamps(of: Array(written.keys), output: output)
        state.withLock { state in
            if state.loadedFrom != output {
                state.fingerprints = [:]
                state.stamps = [:]
            }
            state.fingerprints.merge(written) { _, new in new }
            state.stamps.merge(stamps) { _, new in new }
            state.loadedFrom = output
            state.persisted = false
        }
    }

    /// Forgets everything, e.g. after a failed write left the output in an unknown state.
    public func reset() {
        state.withLock { state in
            state.fingerprints = [:]
            state.stamps = [:]
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
            .policyJSON(let page), .cookiesJSON(let page), .draft(let page):
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
        case .policy(let page), .cookies(let page), .rights(let page), .contact(let page), .changelog(let page), .policyJSON(let page), .cookiesJSON(let page),
            .draft(let page):
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
            + company.archive.map(\.contentHash) + [pageKinds(company)]
    }

    /// Which languages have a cookies and a rights page: every page of the company, archived
    /// ones too, links to them while they exist, whichever text the page shows.
    private static func pageKinds(_ company: Company) -> String {
        company.languages.map {
            "\($0)\(SiteRenderer.hasCookiesPage(company, $0) ? "+cookies" : "")\(SiteRenderer.hasRightsPage(company, $0) ? "+rights" : "")"
        }.joined(separator: ",")
    }
}
