public import Foundation
public import PolicyDiagnostics
import PolicyFiles
public import PolicyModel
import Synchronization

/// Slugs are URLs: the second company to claim one is refused.
public struct SlugRegister: Sendable {
    private var folders: [String: String] = [:]

    public init() {}

    /// Nil when the company's slug is free (and now taken), else the problem to report.
    public mutating func admit(_ company: Company) -> Diagnostic? {
        admit(slug: company.slug, folder: company.folder)
    }

    public mutating func admit(slug: String, folder: String) -> Diagnostic? {
        if let other = folders[slug] {
            return .error(
                "duplicate-slug", at: SourceLocation(file: joinPath(folder, "company.yml")), "slug '\(slug)' is already used by \(other)",
                expected: "expected a unique slug per company")
        }
        folders[slug] = folder
        return nil
    }
}
