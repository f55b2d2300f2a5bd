import Foundation
import PolicyFiles

/// Decides whether a build may replace a folder. A build swaps its output folder out whole, so
/// a wrong `--output` (`..`, `content`, the home folder) would take everything in it away: the
/// output must be a new folder, an empty one, or one a build made (it holds `markerName`), and
/// never a folder of the site's own, the current folder, the home folder or one holding them.
/// Nothing is moved or created before the check passes.
public struct OutputTarget: Sendable {
    /// The file every build leaves in its output: the proof that the folder is PolicySite's to replace.
    public static let markerName = ".policysite-output"
    public static let markerText = """
        This folder is built by PolicySite (policysite build). Each build replaces it whole:
        keep no files of your own here.

        """
    /// The folder relative paths start from.
    public var currentFolder: String
    /// The user's home folder, when known.
    public var home: String?

    public init(currentFolder: String, home: String?) {
        self.currentFolder = currentFolder
        self.home = home
    }

    /// This process's current folder and `HOME`.
    public init() {
        self.init(currentFolder: FileManager.default.currentDirectoryPath, home: ProcessInfo.processInfo.environment["HOME"])
    }

    /// Why a folder is not a build's to replace; each case says what to do instead.
    public enum Refusal: Error, Equatable, Sendable, CustomStringConvertible {
        case empty
        case tilde(String)
        case holds(output: String, what: String)
        case inside(output: String, what: String)
        case cacheFolder(String)
        case notAFolder(String)
        /// A folder on the way to the output, or the cache folder beside it, is a file.
        case blocked(output: String, by: String)
        case link(String)
        case notOurs(String)

        public var description: String {
            let advice = "choose a new or empty folder, such as public/ beside content/"
            switch self {
            case .empty: return "--output is empty; \(advice)"
            case .tilde(let path):
                return "refusing to build into '\(path)': PolicySite does not expand '~'; write the folder's path in full (or let the shell expand it)"
            case let .holds(output, what):
                return "refusing to build into \(output): it is or holds \(what), and a build replaces its output folder whole; \(advice)"
            case let .inside(output, what):
                return "refusing to build into \(output): it lies inside \(what), whose files are the site's sources; \(advice)"
            case .cacheFolder(let output):
                return "refusing to build into \(output): \(CacheFolder.name)/ is where builds keep their cache; \(advice)"
            case .notAFolder(let output):
                return "refusing to build into \(output): it is a file, not a folder; \(advice)"
            case let .blocked(output, file):
                return "refusing to build into \(output): \(file) is a file where a folder is needed; move it away or \(advice)"
            case .link(let output):
                return
                    "refusing to build into \(output): it is a symbolic link, and a build replaces its output folder whole; give the folder it points to, or \(advice)"
            case .notOurs(let output):
                return
                    "refusing to build into \(output): it is a folder PolicySite did not make (it has files and no \(OutputTarget.markerName) file), and a build replaces its output folder whole. \(advice.prefix(1).uppercased() + advice.dropFirst()); if \(output) holds only an older PolicySite build, delete it and build again"
            }
        }
    }

    /// Throws unless a build may replace `output`. `content` and `themes` are the site's folders.
    public func check(output: String, content: String, themes: String) throws(Refusal) {
        guard !output.isEmpty else { throw .empty }
        if output.hasPrefix("~") { throw .tilde(output) }
        let target = resolve(output)
        if target.split(separator: "/").contains(Substring(CacheFolder.name)) { throw .cacheFolder(output) }
        var protected = [(resolve(content), "the content folder (\(content))"), (resolve(themes), "the themes folder (\(themes))")]
        protected.append((resolve("."), "the current folder"))
        if let home, !home.isEmpty { protected.append((resolve(home), "your home folder")) }
        for (folder, what) in protected where Self.isWithin(folder, target) {
            throw .holds(output: output, what: what)
        }
        for (folder, what) in protected.prefix(2) where Self.isWithin(target, folder) {
            throw .inside(output: output, what: what)
        }
        // The folders on the way, and the cache folder beside the output, must be folders (or
        // not exist yet): a file there fails the build half-way, with a less helpful message.
        let parent = (absolute(output) as NSString).deletingLastPathComponent
        for path in [parent + "/" + CacheFolder.name] + Self.ancestors(of: parent) {
            var info = stat()
            if stat(path, &info) == 0, info.st_mode & S_IFMT != S_IFDIR { throw .blocked(output: output, by: path) }
        }
        var info = stat()
        guard lstat(absolute(output), &info) == 0 else { return }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: break
        case S_IFLNK: throw .link(output)
        default: throw .notAFolder(output)
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: absolute(output))) ?? []
        if !entries.isEmpty && !entries.contains(Self.markerName) { throw .notOurs(output) }
    }

    /// `path` and each folder above it, nearest first.
    private static func ancestors(of path: String) -> [String] {
        var paths: [String] = []
        var current = path
        while !current.isEmpty && current != "/" {
            paths.append(current)
            current = (current as NSString).deletingLastPathComponent
        }
        return paths
    }

    /// `path` made absolute from the current folder, without resolving links.
    private func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : currentFolder + "/" + path
    }

    /// `path` absolute, with `.`, `..` and every symbolic link of its existing part resolved;
    /// the part that does not exist yet is appended as written.
    func resolve(_ path: String) -> String {
        var existing = absolute(path)
        var missing: [String] = []
        while true {
            if let real = realpath(existing, nil) {
                defer { free(real) }
                var resolved = String(cString: real)
                for component in missing.reversed() {
                    switch component {
                    case "", ".": continue
                    case "..": resolved = (resolved as NSString).deletingLastPathComponent
                    default: resolved = resolved == "/" ? "/" + component : resolved + "/" + component
                    }
                }
                return resolved
            }
            let parent = (existing as NSString).deletingLastPathComponent
            guard parent != existing, !parent.isEmpty else { return existing }
            missing.append((existing as NSString).lastPathComponent)
            existing = parent
        }
    }

    /// Whether `inner` is `outer` or lies below it (both resolved).
    static func isWithin(_ inner: String, _ outer: String) -> Bool {
        inner == outer || outer == "/" || inner.hasPrefix(outer + "/")
    }
}
