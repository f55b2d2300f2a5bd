import Foundation
import PolicyModel
import PolicyRender

/// Checks every relative link of the rendered site: the target page exists, and a `#fragment`
/// names an id on it. Runs on pages in memory, so `check` needs no output folder.
enum LinkChecker {
    struct PageIndex {
        var ids: Set<String>
        var links: [String]
    }

    /// `locate(file, href)` finds the line that writes a link in its source file, when known.
    static func check(_ pages: [RenderedPage], assets: [String], locate: (String, String) -> SourceLocation? = { _, _ in nil }) -> [Diagnostic] {
        let indexes = ConcurrentMap.map(pages) { page -> PageIndex in
            let html = String(decoding: page.contents, as: UTF8.self)
            return PageIndex(ids: Set(attributeValues("id", in: html)), links: attributeValues("href", in: html))
        }
        var byPath: [String: PageIndex] = [:]
        for (page, index) in zip(pages, indexes) { byPath[page.path] = index }
        let files = Set(pages.map(\.path)).union(assets)

        var diagnostics: [Diagnostic] = []
        var seen = Set<String>()
        for (page, index) in zip(pages, indexes) where page.path.hasSuffix(".html") {
            for href in index.links where !isExternal(href) {
                let unescaped = unescapeHTML(href)
                let parts = unescaped.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
                let target = parts[0].isEmpty ? page.path : resolve(String(parts[0]), from: page.path)
                let fragment = parts.count > 1 ? String(parts[1]) : nil
                var problem: String?
                if let target, files.contains(target) || files.contains(target + "index.html") {
                    let file = files.contains(target) ? target : target + "index.html"
                    if let fragment, !fragment.isEmpty, let ids = byPath[file]?.ids, !ids.contains(fragment.removingPercentEncoding ?? fragment) {
                        problem = "link '\(unescaped)' on \(page.path) points to a missing anchor #\(fragment)"
                    }
                } else {
                    problem = "link '\(unescaped)' on \(page.path) points to a page the site does not have"
                }
                guard let problem, seen.insert((page.source ?? page.path) + problem).inserted else { continue }
                let source = page.source ?? page.path
                diagnostics.append(
                    .error(
                        "broken-link", at: locate(source, unescaped) ?? SourceLocation(file: source), problem,
                        expected: "expected links to pages of the site (e.g. ../cookies/) or to headings of the page (#cookies)"))
            }
        }
        return diagnostics
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
        let bytes = Array(html.utf8)
        var index = 0
        while index + marker.count < bytes.count {
            if bytes[index] == marker[0], Array(bytes[index..<index + marker.count]) == marker {
                let start = index + marker.count
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: "\"") { end += 1 }
                values.append(String(decoding: bytes[start..<end], as: UTF8.self))
                index = end
            } else {
                index += 1
            }
        }
        return values
    }
}
