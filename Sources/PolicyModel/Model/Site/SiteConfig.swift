import PolicyDiagnostics
import PolicyYAML

/// `content/site.yml`: settings for the whole site.
public struct SiteConfig: Codable, Sendable, Equatable {
    public var title: String
    /// Absolute URL the site is published at; used for sitemap, feeds and hreflang links.
    public var baseURL: String
    public var defaultLanguage: LanguageCode
    public var theme: String
    public var description: String?
    /// Foundation locale to format each language with, e.g. `ar: ar-EG` for Arabic-Indic digits.
    public var locales: [String: String]
    public var options: SiteOptions
    /// Cookie categories beyond the four built-in ones.
    public var customCookieCategories: [CustomCookieCategory]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case title, baseURL = "base_url", defaultLanguage = "default_language", theme, description, locales, options
        case customCookieCategories = "custom_cookie_categories"
    }

    public init(
        title: String, baseURL: String, defaultLanguage: LanguageCode, theme: String = ThemeLayout.defaultTheme,
        description: String? = nil, locales: [String: String] = [:], options: SiteOptions = SiteOptions(),
        customCookieCategories: [CustomCookieCategory] = []
    ) {
        self.title = title
        self.baseURL = baseURL
        self.defaultLanguage = defaultLanguage
        self.theme = theme
        self.description = description
        self.locales = locales
        self.options = options
        self.customCookieCategories = customCookieCategories
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        title = try c.decode(String.self, forKey: .title)
        baseURL = try c.decode(String.self, forKey: .baseURL)
        defaultLanguage = try c.decode(LanguageCode.self, forKey: .defaultLanguage)
        theme = try c.decodeIfPresent(String.self, forKey: .theme) ?? ThemeLayout.defaultTheme
        description = try c.decodeIfPresent(String.self, forKey: .description)
        locales = try c.decodeIfPresent([String: String].self, forKey: .locales) ?? [:]
        options = try c.decodeIfPresent(SiteOptions.self, forKey: .options) ?? SiteOptions()
        customCookieCategories = try c.decodeIfPresent([CustomCookieCategory].self, forKey: .customCookieCategories) ?? []
        try decoder.requireLine(title, c, .title)
        var declared = Set<String>()
        for category in customCookieCategories {
            if CookieCategoryID.builtIn.contains(category.id) {
                try decoder.report(
                    ValueError(
                        .duplicateCookieCategory, "custom cookie category '\(category.id)' redefines a built-in category",
                        expected: "expected a new id; \(CookieCategoryID.builtIn.joined(separator: ", ")) are built in and need no declaration"),
                    at: category.location)
            } else if !declared.insert(category.id).inserted {
                try decoder.report(
                    ValueError(
                        .duplicateCookieCategory, "custom cookie category '\(category.id)' is declared twice",
                        expected: "expected each category once, with all its labels in one entry"),
                    at: category.location)
            }
        }
        if !(baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://")) {
            try c.superDecoder(forKey: .baseURL).report(
                ValueError(.badURL, "base_url '\(baseURL)' is not an absolute URL", expected: "expected e.g. https://privacy.example.com/"))
        }
        if !baseURL.hasSuffix("/") { baseURL += "/" }
    }

    /// The base URL joined with a site-relative path such as `acme/en/`.
    public func absoluteURL(_ path: String) -> String { baseURL + path }
}
