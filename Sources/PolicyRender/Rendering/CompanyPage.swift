public import Foundation
import PolicyConcurrency
import PolicyHistory
public import PolicyMarkdown
public import PolicyModel
import PolicyText
import PolicyTranslations

/// One page of a company in one language, with what decides its content.
public struct CompanyPage: Sendable {
    public let company: Company
    /// The language the page is published under (its URL and its UI strings).
    public let language: LanguageCode
    /// The policy text shown: the translation, or the default-language text on a fallback page.
    public let document: PolicyDocument
    /// Published texts that take effect later than today, announced on the page, the nearest first.
    public let upcoming: [PolicyDocument]
    /// What the shown text is on the build's day: the version in force, or an upcoming one
    /// while none has taken effect.
    public let status: VersionTimeline.Status
    /// The working text shown as a draft: edited since it was published, or never published,
    /// while the policy page shows another text.
    public let isDraft: Bool
    public var isFallback: Bool { document.language != language }

    public init(
        company: Company, language: LanguageCode, document: PolicyDocument, upcoming: [PolicyDocument] = [], status: VersionTimeline.Status = .current,
        isDraft: Bool = false
    ) {
        self.company = company
        self.language = language
        self.document = document
        self.upcoming = upcoming
        self.status = status
        self.isDraft = isDraft
    }
}
