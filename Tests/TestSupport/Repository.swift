public import Foundation

/// The package's own folders, found from this file's location (`Tests/TestSupport/`), for tests
/// that read the example site, the default theme or the fixtures in place.
public enum Repository {
    /// The package root: the folder holding `Package.swift`.
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// `content/`: the example site.
    public static var content: URL { root.appendingPathComponent("content") }
    /// `themes/`: the folder holding the default theme.
    public static var themes: URL { root.appendingPathComponent("themes") }
}

extension Repository {
    /// The Python that runs the page and schema checkers: the one `scripts/setup --test` makes in
    /// `.build-tools/python` (Debian's own Python takes no packages from PyPI), else `python3`.
    public static var python: String {
        let made = root.appendingPathComponent(".build-tools/python/bin/python3").path
        return FileManager.default.isExecutableFile(atPath: made) ? made : "python3"
    }

    /// In CI (`CI=true`) a checker that is missing fails its test instead of skipping it: a green
    /// run must have run every check.
    public static let checkersRequired = ProcessInfo.processInfo.environment["CI"] == "true"
}
