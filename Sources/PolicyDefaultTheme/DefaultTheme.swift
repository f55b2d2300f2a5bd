public import Foundation

/// The default theme (`themes/default`: templates, assets, UI strings, regimes), compiled into the
/// binary at build time by the EmbedTheme plugin, so `policysite` runs anywhere as one file. The
/// commands use it when there is no `themes/` folder and no `--themes`; a site's own theme wins.
/// (The JSON Schemas are generated from the model in code, so they need no embedding.)
public enum DefaultTheme {
    /// The themes folder as commands name it when it is the built-in one: messages about its
    /// files read `built-in:themes/default/…`. No folder of that name is read from disk.
    public static let themesPath = "built-in:themes"

    /// Each file's path inside the theme folder (`templates/layout.mustache`) and its bytes.
    public static let files: [String: Data] = Dictionary(
        embeddedThemeFiles.map { ($0.path, Data(base64Encoded: $0.base64) ?? Data()) }, uniquingKeysWith: { first, _ in first })

    /// The files at their paths under `themesPath` (`built-in:themes/default/templates/layout.mustache`),
    /// for an `OverlayFileSystem` over the disk.
    public static let filesUnderThemesPath: [String: Data] = Dictionary(
        files.map { ("\(themesPath)/default/\($0.key)", $0.value) }, uniquingKeysWith: { first, _ in first })
}
