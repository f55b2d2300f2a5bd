public import Foundation
public import PolicyDiagnostics

/// Why a file of the site could not be read, in words the site's author can act on. It never
/// quotes what a symbolic link points to: the target may be a secret (a key, `/proc/self/environ`)
/// and the message may end up in a CI log.
public enum FileAccessError: Error, Equatable, Sendable {
    case missing(String)
    /// A folder where a file was expected.
    case isFolder(String)
    /// A FIFO, socket or device: reading it could block or never end.
    case notRegularFile(String)
    /// `link` is a symbolic link (in the path, or the path itself) whose target lies outside
    /// every folder the site is read from.
    case linkLeavesSite(path: String, link: String)
    /// A symbolic link to nothing.
    case danglingLink(String)
    /// Symbolic links that point at each other.
    case linkLoop(String)
    /// The system refused to read it (permissions, I/O).
    case unreadable(String, reason: String)

    public var path: String {
        switch self {
        case .missing(let path), .isFolder(let path), .notRegularFile(let path), .danglingLink(let path), .linkLoop(let path): path
        case .linkLeavesSite(let path, _): path
        case .unreadable(let path, _): path
        }
    }

    /// A stable diagnostic code.
    public var code: ErrorCode {
        switch self {
        case .missing: .missingFile
        case .isFolder: .notAFile
        case .notRegularFile: .notAFile
        case .linkLeavesSite: .linkLeavesSite
        case .danglingLink: .danglingLink
        case .linkLoop: .linkLoop
        case .unreadable: .unreadableFile
        }
    }

    /// What is wrong.
    public var message: String {
        switch self {
        case .missing: "file is missing"
        case .isFolder: "is a folder, not a file"
        case .notRegularFile: "is not a regular file (a pipe, socket or device), so it is not read"
        case let .linkLeavesSite(path, link):
            link == path
                ? "is a symbolic link to a place outside the site's folders, so it is not read"
                : "is reached through \(link), a symbolic link to a place outside the site's folders, so it is not read"
        case .danglingLink: "is a symbolic link to a file that does not exist"
        case .linkLoop: "is a symbolic link that leads back to itself (a loop)"
        case .unreadable(_, let reason): "cannot be read: \(reason)"
        }
    }

    /// What to do next; `missing` is the caller's own advice for a file that is not there.
    public func expected(missing: String) -> String {
        switch self {
        case .missing: missing
        case .isFolder, .notRegularFile: "expected a regular file here"
        case .linkLeavesSite:
            "a link may point only inside the content and themes folders; copy the file into the site instead of linking to it"
        case .danglingLink, .linkLoop: "point the link at an existing file inside the site, or replace it with the file"
        case .unreadable: "make the file readable by the user running policysite"
        }
    }

    public func diagnostic(missing: String = "expected the file") -> Diagnostic {
        let expected = expected(missing: missing)
        return .error(code, at: SourceLocation(file: path), message, expected: expected.isEmpty ? nil : expected)
    }

    /// The error for `path` after a system call failed with `errno`.
    static func fromErrno(_ path: String, _ number: Int32) -> FileAccessError {
        switch number {
        case ENOENT, ENOTDIR:
            var info = stat()
            return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK ? .danglingLink(path) : .missing(path)
        case ELOOP: return .linkLoop(path)
        case EISDIR: return .isFolder(path)
        default: return .unreadable(path, reason: String(cString: strerror(number)))
        }
    }
}

extension FileAccessError: CustomStringConvertible {
    public var description: String { "\(path): \(message)" }
}

extension FileSystem {
    /// The file's bytes, or nil with the reason added to `diagnostics` (`missing` says what to
    /// do when the file is simply not there).
    public func readFile(_ path: String, _ diagnostics: inout [Diagnostic], missing: String = "expected the file") -> Data? {
        do {
            return try readFile(path)
        } catch let error as FileAccessError {
            diagnostics.append(error.diagnostic(missing: missing))
        } catch let error as CocoaError where [.fileReadNoSuchFile, .fileNoSuchFile].contains(error.code) {
            diagnostics.append(FileAccessError.missing(path).diagnostic(missing: missing))
        } catch {
            diagnostics.append(FileAccessError.unreadable(path, reason: plainMessage(error)).diagnostic(missing: missing))
        }
        return nil
    }
}
