import PolicyDiagnostics

/// The longest slug: a slug is a folder name and a URL segment, and file systems refuse
/// names over 255 bytes.
public let longestSlug = 64

/// A URL segment: lowercase ASCII letters and digits in parts joined by single hyphens, at
/// most `longestSlug` characters. Company folders, `slug:` and jurisdiction ids follow it.
public func isValidSlug(_ slug: String) -> Bool {
    !slug.isEmpty && slug.utf8.count <= longestSlug
        && slug.split(separator: "-", omittingEmptySubsequences: false).allSatisfy { part in
            !part.isEmpty && part.allSatisfy { ($0.isASCII && $0.isLowercase) || $0.isASCII && $0.isNumber }
        }
}

/// What every command says when a company named on its command line is not in content/.
public func unknownCompanyMessage(_ name: String, available: [String]) -> String {
    "no company '\(name)' in content/; \(expectedOneOf(available))"
}
