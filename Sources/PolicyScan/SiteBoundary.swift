public import Foundation

/// What counts as the scanned site: the start URL's host without a leading `www.`, and its
/// subdomains. Without the Public Suffix List this cannot tell that `shop.example.co.uk` and
/// `blog.example.co.uk` are one site when the scan starts on the first (docs/scan.md).
public struct SiteBoundary: Sendable, Equatable {
    public let root: String
    public let scheme: String
    public let port: Int?

    public init?(_ start: URL) {
        guard let host = start.host?.lowercased(), let scheme = start.scheme?.lowercased(), ["http", "https"].contains(scheme) else { return nil }
        root = host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
        self.scheme = scheme
        port = start.port
    }

    /// Whether `host` (a request's host or a cookie's domain, leading dot allowed) is the site's.
    public func isFirstParty(_ host: String) -> Bool {
        var host = host.lowercased()
        if host.hasPrefix(".") { host.removeFirst() }
        if host == root || host.hasSuffix("." + root) { return true }
        // A cookie set on the parent domain (`example.com` while scanning shop.example.com).
        return host.contains(".") && !isAddress(host) && root.hasSuffix("." + host)
    }

    /// Whether a link is one the crawl follows: http(s), on the site, on the start URL's port
    /// (a loopback test site and its stand-in third party differ only by port or address).
    public func follows(_ url: URL) -> Bool {
        guard let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme), let host = url.host else { return false }
        guard isFirstParty(host), url.port == port else { return false }
        let skipped = ["pdf", "zip", "png", "jpg", "jpeg", "gif", "svg", "webp", "mp4", "mp3", "xml", "json", "txt", "css", "js"]
        return !skipped.contains(url.pathExtension.lowercased())
    }

    private func isAddress(_ host: String) -> Bool {
        host.allSatisfy { $0.isNumber || $0 == "." } || host.contains(":")
    }
}
