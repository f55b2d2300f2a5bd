// `stat`'s members: the compiler files the struct under CDispatch, so MemberImportVisibility asks for it.
import CDispatch
import Foundation

/// The built site on disk, and the rule for which of its files a request may reach.
///
/// A request path is percent-decoded once; any `..` or `.` segment, backslash or NUL byte is
/// refused outright (400), whether written plainly or as `%2e%2e` / `..%2f`. What remains is
/// resolved with `realpath` and must still lie inside the output folder, so a symlink that
/// leads out of it is answered 404 like a missing file.
struct OutputFolder: Sendable {
    let path: String

    enum Resolution: Equatable {
        case file(String)
        /// A folder asked for without its trailing slash: the pages' relative links need it.
        case redirect(String)
        case notFound
        case badRequest
    }

    func resolve(_ rawPath: String) -> Resolution {
        guard let decoded = rawPath.removingPercentEncoding, decoded.hasPrefix("/") else { return .badRequest }
        let segments = decoded.split(separator: "/")
        if decoded.contains("\0") || decoded.contains("\\") || segments.contains(where: { $0 == ".." || $0 == "." }) {
            return .badRequest
        }
        guard let root = Self.realPath(path) else { return .notFound }
        let candidate = ([path] + segments.map(String.init)).joined(separator: "/")
        guard let real = Self.realPath(candidate), Self.isInside(real, root) else { return .notFound }
        if Self.isDirectory(real) {
            guard decoded.hasSuffix("/") else {
                // Rebuilt from the segments so `//host` can never become a redirect off-site.
                return .redirect("/" + rawPath.split(separator: "/").joined(separator: "/") + "/")
            }
            guard let index = Self.realPath(real + "/index.html"), Self.isInside(index, root), Self.isRegularFile(index) else { return .notFound }
            return .file(index)
        }
        return Self.isRegularFile(real) ? .file(real) : .notFound
    }

    /// The site's own 404 page, when the build produced one.
    var notFoundPage: String? {
        guard let root = Self.realPath(path), let page = Self.realPath(path + "/404.html"), Self.isInside(page, root), Self.isRegularFile(page) else {
            return nil
        }
        return page
    }

    private static func isInside(_ path: String, _ root: String) -> Bool {
        path == root || path.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    private static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }
}
