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
        title: String, baseURL: String, defaultLanguage: LanguageCode, theme: String = "default",
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
        theme = try c.decodeIfPresent(String.self, forKey: .theme) ?? "default"
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
                        "duplicate-cookie-category", "custom cookie category '\(category.id)' redefines a built-in category",
                        expected: "expected a new id; \(CookieCategoryID.builtIn.joined(separator: ", ")) are built in and need no declaration"),
                    at: category.location)
            } else if !declared.insert(category.id).inserted {
                try decoder.report(
                    ValueError(
                        "duplicate-cookie-category", "custom cookie category '\(category.id)' is declared twice",
                        expected: "expected each category once, with all its labels in one entry"),
                    at: category.location)
            }
        }
        if !(baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://")) {
            try c.superDecoder(forKey: .baseURL).report(
                ValueError("bad-url", "base_url '\(baseURL)' is not an absolute URL", expected: "expected e.g. https://privacy.example.com/"))
        }
        if !baseURL.hasSuffix("/") { baseURL += "/" }
    }

    /// The base URL joined with a site-relative path such as `acme/en/`.
    public func absoluteURL(_ path: String) -> String { baseURL + path }
}

public struct SiteOptions: Codable, Sendable, Equatable {
    /// Raw HTML in Markdown bodies is escaped unless this is on.
    public var allowRawHTML: Bool
    /// What a page does for a language its company lacks.
    public var missingTranslation: MissingTranslation

    public enum MissingTranslation: String, Codable, Sendable, CaseIterable {
        /// The language switcher leaves the language out.
        case omit
        /// The default-language policy is shown at that language's URL with a visible note.
        case fallback
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case allowRawHTML = "allow_raw_html", missingTranslation = "missing_translation"
    }

    public init(allowRawHTML: Bool = false, missingTranslation: MissingTranslation = .omit) {
        self.allowRawHTML = allowRawHTML
        self.missingTranslation = missingTranslation
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        allowRawHTML = try c.decodeIfPresent(Bool.self, forKey: .allowRawHTML) ?? false
        let text = try c.decodeIfPresent(String.self, forKey: .missingTranslation) ?? "omit"
        guard let value = MissingTranslation(rawValue: text) else {
            throw ValueError(
                "bad-option", "missing_translation is '\(text)'",
                expected: "expected one of: \(MissingTranslation.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        missingTranslation = value
    }
}

/// A site-specific cookie category, e.g. `functional`, with its label in each language.
public struct CustomCookieCategory: Codable, Sendable, Equatable {
    public var id: String
    public var labels: [String: String]
    /// Where the category is declared, for the checks across the list.
    public var location: SourceLocation?

    enum CodingKeys: String, CodingKey, CaseIterable { case id, labels }

    public init(id: String, labels: [String: String]) {
        self.id = id
        self.labels = labels
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        labels = try c.decode([String: String].self, forKey: .labels)
        location = decoder.sourceLocation
        if !CookieCategoryID.isWellFormed(id) {
            try c.superDecoder(forKey: .id).report(
                ValueError(
                    "bad-cookie-category", id.isEmpty ? "cookie category id is empty" : "cookie category id '\(id)' is not an id",
                    expected:
                        "expected a lowercase letter, then lowercase letters, digits, '_' or '-' (e.g. functional), at most \(CookieCategoryID.longestID) characters"
                ))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(labels, forKey: .labels)
    }

    public static func == (lhs: CustomCookieCategory, rhs: CustomCookieCategory) -> Bool {
        lhs.id == rhs.id && lhs.labels == rhs.labels
    }
}

/// Facts the loader passes to decoding so values can be checked where they stand in the file.
public struct DecodingContext: Sendable {
    public var customCookieCategories: Set<String>
    /// The regimes the theme defines; nil when no registry was loaded (ids are then not checked).
    public var jurisdictions: JurisdictionRegistry?

    public init(customCookieCategories: Set<String> = [], jurisdictions: JurisdictionRegistry? = nil) {
        self.customCookieCategories = customCookieCategories
        self.jurisdictions = jurisdictions
    }
}
