public import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The one format of every file in `.policysite-cache/`: a sealed file (`SealedFile`) whose
/// payload starts with the line `policysite-cache 3 <kind> <key>`, and the one rule that decides
/// whether it is used: `key` is a hash of the inputs the record was made from, always including
/// the code that made it (`code`), and a record is read only when the inputs of the build
/// reading it hash to the same key. Anything else (another key, another kind, a file torn or
/// edited by hand) reads as absent, and the build does the work the record would have saved.
public enum CacheRecord {
    static let format = "policysite-cache 3"

    /// The code that makes and reads records: the running executable's inode, size and
    /// modification time. Every release, and every compile of a development build, is another
    /// executable, so a record made by other code (which may render, parse or digest
    /// differently) is never used; nobody has to remember to bump a version when rendering changes.
    public static let code: String = {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return "unknown-\(UUID().uuidString)" }
        return "\(info.st_ino)-\(info.st_size)-\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }()

    /// A key for records made from `inputs`: their hash together with `code`'s.
    public static func key(_ inputs: [String]) -> String {
        sha256Hex(Data(([format, code] + inputs).joined(separator: "\u{0}").utf8))
    }

    /// The payload of the record of this kind at `path` made under `key`; nil otherwise.
    public static func read(_ path: String, kind: String, key: String) -> Data? {
        guard let data = SealedFile.read(path) else { return nil }
        let header = Data("\(format) \(kind) \(key)\n".utf8)
        guard data.starts(with: header) else { return nil }
        return Data(data.dropFirst(header.count))
    }

    public static func write(_ payload: Data, kind: String, key: String, to path: String) throws {
        try SealedFile.write(Data("\(format) \(kind) \(key)\n".utf8) + payload, to: path)
    }
}
