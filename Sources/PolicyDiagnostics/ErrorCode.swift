import Foundation

/// Every code a problem can carry. `Diagnostic.code` (and `PolicySite.Problem.code`) is promised
/// as a stable identifier for tools that read `--format json`: each code is named here once,
/// explained in docs/diagnostics.md, and the raise sites take an `ErrorCode`, so a code that is
/// not catalogued does not compile. ErrorCodeCatalogueTests checks that the two lists agree.
///
/// A code carries no severity: the place that raises it decides (`missing-ui-strings` is an
/// error for the default language and a warning for the others), and `--strict` makes every
/// warning an error.
public struct ErrorCode: Hashable, Sendable, CustomStringConvertible {
    /// The kebab-case text written in the output, e.g. `unknown-field`.
    public let name: String

    private init(_ name: String) { self.name = name }

    public var description: String { name }

    // MARK: YAML and front matter: the text of a content file

    public static let yamlSyntax = ErrorCode("yaml-syntax")
    public static let duplicateKey = ErrorCode("duplicate-key")
    public static let emptyDocument = ErrorCode("empty-document")
    public static let tooLarge = ErrorCode("too-large")
    public static let tooManyAliases = ErrorCode("too-many-aliases")
    public static let missingFrontMatter = ErrorCode("missing-front-matter")
    public static let unclosedFrontMatter = ErrorCode("unclosed-front-matter")
    public static let wrongType = ErrorCode("wrong-type")
    public static let missingField = ErrorCode("missing-field")
    public static let unknownField = ErrorCode("unknown-field")
    public static let invalidValue = ErrorCode("invalid-value")
    public static let renamedField = ErrorCode("renamed-field")
    public static let controlCharacter = ErrorCode("control-character")
    public static let emptyValue = ErrorCode("empty-value")
    public static let badValue = ErrorCode("bad-value")
    public static let tooLong = ErrorCode("too-long")
    public static let badDate = ErrorCode("bad-date")
    public static let badDuration = ErrorCode("bad-duration")
    public static let badEmail = ErrorCode("bad-email")
    public static let badURL = ErrorCode("bad-url")
    public static let badDomain = ErrorCode("bad-domain")
    public static let badVersion = ErrorCode("bad-version")
    public static let badOption = ErrorCode("bad-option")
    public static let badCookieCategory = ErrorCode("bad-cookie-category")
    public static let unknownCountry = ErrorCode("unknown-country")
    public static let unknownLanguage = ErrorCode("unknown-language")
    public static let unknownRegion = ErrorCode("unknown-region")
    public static let unknownJurisdiction = ErrorCode("unknown-jurisdiction")
    public static let unknownCookieCategory = ErrorCode("unknown-cookie-category")
    public static let unknownRight = ErrorCode("unknown-right")

    // MARK: Content: what the files say together

    public static let noContentFolder = ErrorCode("no-content-folder")
    public static let contentNotAFolder = ErrorCode("content-not-a-folder")
    public static let noCompanies = ErrorCode("no-companies")
    public static let unexpectedFile = ErrorCode("unexpected-file")
    public static let badSlug = ErrorCode("bad-slug")
    public static let duplicateSlug = ErrorCode("duplicate-slug")
    public static let reservedSlug = ErrorCode("reserved-slug")
    public static let missingDefaultLanguage = ErrorCode("missing-default-language")
    public static let missingTranslation = ErrorCode("missing-translation")
    public static let unlistedLanguage = ErrorCode("unlisted-language")
    public static let conflictingFields = ErrorCode("conflicting-fields")
    public static let duplicateCookie = ErrorCode("duplicate-cookie")
    public static let duplicateCookieCategory = ErrorCode("duplicate-cookie-category")
    public static let duplicateJurisdiction = ErrorCode("duplicate-jurisdiction")
    public static let duplicateRight = ErrorCode("duplicate-right")
    public static let undeclaredJurisdiction = ErrorCode("undeclared-jurisdiction")
    public static let nothingPublished = ErrorCode("nothing-published")
    public static let placeholder = ErrorCode("placeholder")
    public static let staleTranslation = ErrorCode("stale-translation")
    public static let translationAhead = ErrorCode("translation-ahead")
    public static let translationMismatch = ErrorCode("translation-mismatch")

    // MARK: History: changelog.yml and versions/

    public static let badChangelog = ErrorCode("bad-changelog")
    public static let unrecordedVersion = ErrorCode("unrecorded-version")
    public static let badArchiveHash = ErrorCode("bad-archive-hash")
    public static let archiveModified = ErrorCode("archive-modified")
    public static let missingArchive = ErrorCode("missing-archive")

    // MARK: Theme: templates, UI strings and jurisdictions.yml

    public static let unknownTheme = ErrorCode("unknown-theme")
    public static let missingTemplate = ErrorCode("missing-template")
    public static let templateSyntax = ErrorCode("template-syntax")
    public static let unknownPartialName = ErrorCode("unknown-partial-name")
    public static let unknownTemplateName = ErrorCode("unknown-template-name")
    public static let unknownRowValue = ErrorCode("unknown-row-value")
    public static let missingUIStrings = ErrorCode("missing-ui-strings")
    public static let missingUIString = ErrorCode("missing-ui-string")
    public static let badJurisdiction = ErrorCode("bad-jurisdiction")
    public static let badRequirement = ErrorCode("bad-requirement")

    // MARK: Files: reading content and writing output

    public static let missingFile = ErrorCode("missing-file")
    public static let notAFile = ErrorCode("not-a-file")
    public static let linkLeavesSite = ErrorCode("link-leaves-site")
    public static let danglingLink = ErrorCode("dangling-link")
    public static let linkLoop = ErrorCode("link-loop")
    public static let unreadableFile = ErrorCode("unreadable-file")
    public static let badEncoding = ErrorCode("bad-encoding")
    public static let output = ErrorCode("output")

    // MARK: Check: what `policysite check` adds to a build's checks

    public static let brokenLink = ErrorCode("broken-link")
    public static let futureDate = ErrorCode("future-date")
    public static let missingContact = ErrorCode("missing-contact")
    public static let rawHTML = ErrorCode("raw-html")
    public static let sectionClaim = ErrorCode("section-claim")
    public static let cookieProseMismatch = ErrorCode("cookie-prose-mismatch")
    public static let cookieProviderProseMismatch = ErrorCode("cookie-provider-prose-mismatch")
    public static let recipientProseMismatch = ErrorCode("recipient-prose-mismatch")
    public static let transferProseMismatch = ErrorCode("transfer-prose-mismatch")

    // MARK: Scan: `policysite scan`, the live site against its policy

    public static let undeclaredCookie = ErrorCode("undeclared-cookie")
    public static let undeclaredCategory = ErrorCode("undeclared-category")
    public static let undeclaredStorage = ErrorCode("undeclared-storage")
    public static let undeclaredRecipient = ErrorCode("undeclared-recipient")
    public static let cookieLifetime = ErrorCode("cookie-lifetime")
    public static let beforeConsent = ErrorCode("before-consent")
    public static let cookieNotSeen = ErrorCode("cookie-not-seen")
    public static let acceptSelectorMissing = ErrorCode("accept-selector-missing")
    public static let pageUnreachable = ErrorCode("page-unreachable")

    // MARK: Families: one code per item of a list the theme or the model defines

    /// `lint-<regime>-<item>`: an item a regime's lint (the theme's jurisdictions.yml) requires
    /// is not stated (`policysite lint`).
    public static func lint(regime: String, item: String) -> ErrorCode { ErrorCode("lint-\(regime)-\(item)") }

    /// `gdpr-art13-<item>`: an item of GDPR Article 13 is not stated (`policysite lint`).
    public static func article13(_ item: String) -> ErrorCode { ErrorCode("gdpr-art13-\(item)") }

    /// `unknown-<field>`: a value outside the closed list of `field` (`unknown-legal-basis`); a
    /// field name's spaces become hyphens.
    public static func unknownValue(of field: String) -> ErrorCode {
        ErrorCode("unknown-" + field.replacingOccurrences(of: " ", with: "-"))
    }

    /// The three families as docs/diagnostics.md writes them.
    public static let familyPatterns = ["lint-<regime>-<item>", "gdpr-art13-<item>", "unknown-<field>"]

    /// Every fixed code, in the order of docs/diagnostics.md.
    public static let all: [ErrorCode] = [
        .yamlSyntax, .duplicateKey, .emptyDocument, .tooLarge, .tooManyAliases,
        .missingFrontMatter, .unclosedFrontMatter, .wrongType, .missingField, .unknownField,
        .invalidValue, .renamedField, .controlCharacter, .emptyValue, .badValue,
        .tooLong, .badDate, .badDuration, .badEmail, .badURL,
        .badDomain, .badVersion, .badOption, .badCookieCategory, .unknownCountry,
        .unknownLanguage, .unknownRegion, .unknownJurisdiction, .unknownCookieCategory, .unknownRight,
        .noContentFolder, .contentNotAFolder, .noCompanies, .unexpectedFile, .badSlug, .duplicateSlug, .reservedSlug,
        .missingDefaultLanguage, .missingTranslation, .unlistedLanguage, .conflictingFields, .duplicateCookie,
        .duplicateCookieCategory, .duplicateJurisdiction, .duplicateRight, .undeclaredJurisdiction, .nothingPublished,
        .placeholder, .staleTranslation, .translationAhead, .translationMismatch, .badChangelog,
        .unrecordedVersion, .badArchiveHash, .archiveModified, .missingArchive, .unknownTheme,
        .missingTemplate, .templateSyntax, .unknownPartialName, .unknownTemplateName, .unknownRowValue, .missingUIStrings,
        .missingUIString, .badJurisdiction, .badRequirement, .missingFile, .notAFile,
        .linkLeavesSite, .danglingLink, .linkLoop, .unreadableFile, .badEncoding,
        .output, .brokenLink, .futureDate, .missingContact, .rawHTML,
        .sectionClaim, .cookieProseMismatch, .cookieProviderProseMismatch, .recipientProseMismatch, .transferProseMismatch,
        .undeclaredCookie, .undeclaredCategory, .undeclaredStorage, .undeclaredRecipient, .cookieLifetime,
        .beforeConsent, .cookieNotSeen, .acceptSelectorMissing, .pageUnreachable,
    ]
}
