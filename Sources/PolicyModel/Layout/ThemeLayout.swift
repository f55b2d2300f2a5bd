import PolicyFiles

/// The files of a theme folder (`themes/<name>/`) that are not templates or assets.
public enum ThemeLayout {
    /// The theme a site uses when site.yml names none, and the one `new site` copies.
    public static let defaultTheme = "default"
    /// The folder of UI strings, one `<language>.yml` each.
    public static let stringsFolder = "i18n"
    /// The privacy regimes the theme knows.
    public static let jurisdictionsFile = "jurisdictions.yml"

    /// `<theme>/i18n`.
    public static func strings(in theme: String) -> String { joinPath(theme, stringsFolder) }
    /// `<theme>/i18n/<language>.yml`.
    public static func strings(in theme: String, language: LanguageCode) -> String {
        joinPath(theme, stringsFolder, language.rawValue + ".yml")
    }
    /// `<theme>/jurisdictions.yml`.
    public static func jurisdictions(in theme: String) -> String { joinPath(theme, jurisdictionsFile) }
}
