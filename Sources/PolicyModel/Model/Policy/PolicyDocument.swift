public import PolicyDiagnostics

/// One language version of a company's current policy: front matter plus Markdown prose.
public struct PolicyDocument: Sendable, Equatable {
    /// Path as shown in messages, e.g. `content/acme/en/privacy.md`.
    public var path: String
    public var language: LanguageCode
    public var frontMatter: PolicyFrontMatter
    public var body: String
    /// Line of the file where the Markdown body starts (1-based).
    public var bodyLine: Int
    /// SHA-256 of the file's bytes; the build caches and the archive checks key on it.
    public var contentHash: String
    /// Where each top-level front-matter field is written, for checks made after decoding.
    public var fieldLocations: [String: SourceLocation]

    public init(
        path: String, language: LanguageCode, frontMatter: PolicyFrontMatter, body: String, bodyLine: Int,
        contentHash: String, fieldLocations: [String: SourceLocation] = [:]
    ) {
        self.fieldLocations = fieldLocations
        self.path = path
        self.language = language
        self.frontMatter = frontMatter
        self.body = body
        self.bodyLine = bodyLine
        self.contentHash = contentHash
    }
}

extension PolicyDocument {
    /// The location of a top-level field, or of the file's first line when it is absent.
    public func location(of field: String) -> SourceLocation {
        fieldLocations[field] ?? SourceLocation(file: path, line: 1, column: 1)
    }
}
