import Foundation
import PolicyConcurrency
package import PolicyDiagnostics
package import PolicyRender
import PolicyText

/// Checks every relative link of the rendered site: the target page exists, and a `#fragment`
/// names an id on it. Runs on pages in memory, so `check` needs no output folder.
///
/// Pages arrive a chunk at a time (a streaming check renders a few companies, then drops
/// them), so the checker keeps only what later links need: every page's path and a hash of
/// each of its anchors. A link whose target has not been rendered yet waits, with its source
/// location, until `finish`.
package struct LinkChecker {
    private struct Link {
        var page: String
        var source: String
        var href: String
        var target: String?
        var fragment: String?
        var location: SourceLocation
    }

    private var files: Set<String>
    /// Theme assets: links may point at them, but they have no anchors to check.
    private let assets: Set<String>
    /// `anchorKey(path, id)` of every id on every page seen. A 64-bit hash instead of the
    /// strings keeps a thousand-company site's anchors in tens of megabytes; a collision that
    /// hid a broken anchor would need two of them to collide (odds about 1 in 10^13).
    private var anchors = Set<Int>()
    private var waiting: [Link] = []
    /// Pages announced by `expect` and not added yet: they exist, their anchors are not known.
    private var expected = Set<String>()
    private var seen = Set<String>()
    private var diagnostics: [Diagnostic] = []

    package init(assets: [String]) {
        self.assets = Set(assets)
        files = self.assets
    }

    /// Pages that will be added last (the site-wide files every page links to): links to them
    /// are judged at once, except those naming an anchor, which wait for the page.
    package mutating func expect(_ paths: [String]) {
        let new = Set(paths).subtracting(files)
        files.formUnion(new)
        expected.formUnion(new)
    }

    /// A page's relative link, read and resolved: what the author wrote (unescaped), the
    /// site-relative file it names and its fragment.
    private struct Target {
        var href: String
        var target: String?
        var fragment: String?
    }

    /// Indexes `pages` and checks their links against every page seen so far. `locate(file,
    /// href)` finds the line that writes a link in its source file, when known.
    package mutating func add(_ pages: [RenderedPage], locate: (String, String) -> SourceLocation? = { _, _ in nil }) {
        // Reading and resolving the links on both cores: only the lookups in what was seen
        // need one thread (done one by one, they were a tenth of `check`, the other core idle).
        let parsed = ConcurrentMap.map(pages) { page -> (ids: [String], links: [Target]) in
            let html = String(decoding: page.contents, as: UTF8.self)
            let hrefs = page.path.hasSuffix(".html") ? Self.attributeValues("href", in: html) : []
            return (Self.attributeValues("id", in: html), hrefs.filter { !Self.isExternal($0) }.map { Self.target(of: $0, on: page.path) })
        }
        for (page, found) in zip(pages, parsed) {
            files.insert(page.path)
            expected.remove(page.path)
            for id in found.ids { anchors.insert(Self.anchorKey(page.path, id)) }
        }
        for (page, found) in zip(pages, parsed) {
            for resolved in found.links {
                let source = page.source ?? page.path
                var link = Link(
                    page: page.path, source: source, href: resolved.href, target: resolved.target, fragment: resolved.fragment,
                    location: SourceLocation(file: source))
                if let target = link.target, waits(target, fragment: link.fragment) {
                    // Perhaps a page of a company not rendered yet: decide in `finish`, with the
                    // link's line found now, while its source text is at hand.
                    link.location = locate(source, resolved.href) ?? link.location
                    waiting.append(link)
                } else {
                    judge(link) { locate(source, resolved.href) }
                }
            }
        }
    }

    /// `href` as written on the page at `path`: unescaped, resolved against the page, and split
    /// from its fragment (a bare `#fragment` names the page itself).
    private static func target(of href: String, on path: String) -> Target {
        let unescaped = unescapeHTML(href)
        let parts = unescaped.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        return Target(
            href: unescaped, target: parts[0].isEmpty ? path : resolve(String(parts[0]), from: path), fragment: parts.count > 1 ? String(parts[1]) : nil)
    }

    /// The file a link's target names: the path itself, or the folder's `index.html`.
    private func existingFile(_ target: String) -> String? {
        files.contains(target) ? target : files.contains(target + "index.html") ? target + "index.html" : nil
    }

    private func waits(_ target: String, fragment: String?) -> Bool {
        guard let file = existingFile(target) else { return true }
        return !(fragment ?? "").isEmpty && expected.contains(file)
    }

    /// Checks the links that waited for pages rendered later; returns every problem found.
    package mutating func finish() -> [Diagnostic] {
        for link in waiting { judge(link) { link.location } }
        waiting = []
        return diagnostics
    }

    private mutating func judge(_ link: Link, locate: () -> SourceLocation?) {
        var problem: String?
        if let file = link.target.flatMap(existingFile) {
            if let fragment = link.fragment, !fragment.isEmpty, !assets.contains(file),
                !anchors.contains(Self.anchorKey(file, Self.decoded(fragment)))
            {
                problem = "link '\(link.href)' on \(link.page) points to a missing anchor #\(fragment)"
            }
        } else {
            problem = "link '\(link.href)' on \(link.page) points to a page the site does not have"
        }
        guard let problem, seen.insert(link.source + problem).inserted else { return }
        diagnostics.append(
            .error(
                .brokenLink, at: locate() ?? SourceLocation(file: link.source), problem,
                expected: "expected links to pages of the site (e.g. ../cookies/) or to headings of the page (#cookies)"))
    }

    /// A fragment percent-decoded, as the id it names. Foundation's decoding is skipped for
    /// the fragments without a `%` (nearly all), where it returns them as they are: on one
    /// thread, for every in-page link, it was a sixth of what `check` does there.
    static func decoded(_ fragment: String) -> String {
        guard fragment.utf8.contains(UInt8(ascii: "%")) else { return fragment }
        return fragment.removingPercentEncoding ?? fragment
    }

    private static func anchorKey(_ path: String, _ id: String) -> Int {
        var hasher = Hasher()
        hasher.combine(path)
        hasher.combine(id)
        return hasher.finalize()
    }

    /// An attribute value as the author wrote it: the theme escapes `& < > " '` in every value.
    static func unescapeHTML(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = text
        for (entity, character) in [
            ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&#x27;", "'"), ("&#X27;", "'"), ("&#34;", "\""), ("&#x22;", "\""),
        ] {
            result = result.replacingOccurrences(of: entity, with: character)
        }
        return result.replacingOccurrences(of: "&amp;", with: "&")
    }

    static func isExternal(_ href: String) -> Bool {
        guard let colon = href.firstIndex(of: ":") else { return href.hasPrefix("//") }
        let scheme = href[..<colon]
        return !scheme.contains("/") && !scheme.contains("#") && !scheme.contains("?")
    }

    /// `href` relative to the page at `from` (a file path), as a site-relative path; nil when it
    /// climbs above the site root.
    static func resolve(_ href: String, from: String) -> String? {
        let clean = href.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0]
        var parts = href.hasPrefix("/") ? [] : from.split(separator: "/").dropLast().map(String.init)
        for segment in clean.split(separator: "/", omittingEmptySubsequences: false) {
            switch segment {
            case "", ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(segment))
            }
        }
        let path = parts.joined(separator: "/")
        return clean.hasSuffix("/") && !path.isEmpty ? path + "/" : path
    }

    /// Values of `name="…"` attributes, in order; the theme always quotes with double quotes.
    static func attributeValues(_ name: String, in html: String) -> [String] {
        var values: [String] = []
        let marker = Array(" \(name)=\"".utf8)
        var html = html
        // In place, on the page's own bytes, nothing copied to compare: the marker is ASCII,
        // so where its bytes match, its characters do.
        html.withUTF8 { bytes in
            var index = 0
            // A marker must have at least one byte after it, its value or the closing quote.
            while let found = bytes.firstIndex(of: marker, from: index), found + marker.count < bytes.count {
                let start = found + marker.count
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: "\"") { end += 1 }
                values.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
                index = end
            }
        }
        return values
    }
}
