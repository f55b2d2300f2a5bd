public import PolicyModel

/// What one publish wrote, for the command's report.
public struct PublishedVersion: Sendable, Equatable {
    public var company: String
    public var version: PolicyVersionNumber
    public var date: PolicyDate
    public var languages: [LanguageCode]
    public var files: [String]
}
