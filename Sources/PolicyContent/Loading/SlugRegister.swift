public import PolicyDiagnostics
public import PolicyModel

/// Slugs are URLs: the second company to claim one is refused, and so is a company whose slug
/// is a folder the site itself writes at the top: a language's home page (`/fr/`) or the assets.
public struct SlugRegister: Sendable {
    private var folders: [String: String] = [:]
    private var reserved: [String: String] = [:]

    /// `languages`: the languages with a home page of their own, each owning the top-level folder of its code.
    public init(reservingHomesOf languages: some Sequence<LanguageCode> = [LanguageCode]()) {
        for language in languages { reserved[language.rawValue] = "the \(language.rawValue) home page (/\(language.rawValue)/)" }
        reserved["assets"] = "the theme's assets (/assets/)"
    }

    /// The register for `outline`'s companies: every language a company has, but the default
    /// (whose home is the site root), owns a home page's folder.
    public init(for outline: SiteOutline) {
        self.init(reservingHomesOf: outline.folderLanguages.subtracting([outline.config.defaultLanguage]))
    }

    /// Nil when the company's slug is free (and now taken), else the problem to report.
    public mutating func admit(_ company: Company) -> Diagnostic? {
        admit(slug: company.slug, folder: company.folder)
    }

    public mutating func admit(slug: String, folder: String) -> Diagnostic? {
        if let owner = reserved[slug] {
            return .error(
                .reservedSlug, at: SourceLocation(file: ContentLayout.company(in: folder)), "slug '\(slug)' is the address of \(owner)",
                expected: "expected a slug that is not a language code of the site nor 'assets'; set slug: in company.yml (e.g. \(slug)-company)")
        }
        if let other = folders[slug] {
            return .error(
                .duplicateSlug, at: SourceLocation(file: ContentLayout.company(in: folder)), "slug '\(slug)' is already used by \(other)",
                expected: "expected a unique slug per company")
        }
        folders[slug] = folder
        return nil
    }
}
