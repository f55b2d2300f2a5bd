import PolicyFiles

/// Where each file of a site lives under `content/`: the one definition the loader, `new`,
/// `publish`, `serve` and the checks share.
///
///     content/site.yml
///     content/<company>/company.yml
///     content/<company>/changelog.yml
///     content/<company>/<language>/privacy.md
///     content/<company>/versions/<version>/company.yml and <language>/privacy.md
public enum ContentLayout {
    /// Settings for the whole site, at the top of `content/`.
    public static let siteFile = "site.yml"
    /// A company's facts that do not depend on the language, in its folder and in each archived version.
    public static let companyFile = "company.yml"
    /// The versions `publish` recorded, in a company's folder.
    public static let changelogFile = "changelog.yml"
    /// The policy text, the only file of a language folder.
    public static let policyFile = "privacy.md"
    /// The folder of a company's published versions, one subfolder per version.
    public static let versionsFolder = "versions"

    /// `<content>/site.yml`.
    public static func site(in content: String) -> String { joinPath(content, siteFile) }
    /// `<folder>/company.yml`.
    public static func company(in folder: String) -> String { joinPath(folder, companyFile) }
    /// `<folder>/changelog.yml`.
    public static func changelog(in folder: String) -> String { joinPath(folder, changelogFile) }
    /// `<folder>/<language>/privacy.md`, in a company folder or an archived version's.
    public static func policy(in folder: String, language: String) -> String { joinPath(folder, language, policyFile) }
    /// `<folder>/<language>/privacy.md`, in a company folder or an archived version's.
    public static func policy(in folder: String, language: LanguageCode) -> String { policy(in: folder, language: language.rawValue) }
    /// `<folder>/versions`.
    public static func versions(in folder: String) -> String { joinPath(folder, versionsFolder) }
    /// `<folder>/versions/<version>`: where `publish` freezes a version.
    public static func version(_ version: PolicyVersionNumber, in folder: String) -> String {
        joinPath(folder, versionsFolder, version.description)
    }
}
