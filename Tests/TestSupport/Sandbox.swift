public import Foundation

/// Where a test tries something destructive (a dangerous `--output`, a symbolic link out of the
/// site, a killed command): a site folder two levels inside a fresh scratch folder, with a
/// canary file in every folder a command could reach from there. A regression then breaks a
/// canary inside the scratch folder, never a real folder.
public struct Sandbox {
    /// `<scratch>/<unique>`: the outermost folder a test may touch.
    public let outer: URL
    /// `outer/home`: given to commands as `HOME`.
    public let home: URL
    /// `home/work`.
    public let middle: URL
    /// `middle/site`: the commands' current folder.
    public let site: URL
    private var canaries: [(url: URL, text: String)] = []

    public init(_ name: String = #function) throws {
        outer = Scratch.directory.appendingPathComponent("sandbox-\(name.filter(\.isLetter).prefix(40))-\(UUID().uuidString.prefix(8))")
        home = outer.appendingPathComponent("home")
        middle = home.appendingPathComponent("work")
        site = middle.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        for folder in [outer, home, middle, site] { try plantCanary(in: folder) }
    }

    /// Puts a canary with a text of its own in `folder`.
    public mutating func plantCanary(in folder: URL) throws {
        let text = "canary \(UUID().uuidString)\n"
        let url = folder.appendingPathComponent("canary-\(UUID().uuidString.prefix(8)).txt")
        try Data(text.utf8).write(to: url)
        canaries.append((url, text))
    }

    /// The canaries that are gone or changed (empty when all survived).
    public var brokenCanaries: [String] {
        canaries.filter { (try? String(contentsOf: $0.url, encoding: .utf8)) != $0.text }.map(\.url.path)
    }

    /// Every file below `folder` with its bytes, relative paths as keys: to show a folder was not touched.
    public static func snapshot(_ folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        let base = folder.resolvingSymlinksInPath().path
        guard let walker = FileManager.default.enumerator(atPath: base) else { return files }
        for case let path as String in walker {
            var isFolder: ObjCBool = false
            let full = base + "/" + path
            if FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue {
                files[path] = FileManager.default.contents(atPath: full) ?? Data()
            }
        }
        return files
    }
}
