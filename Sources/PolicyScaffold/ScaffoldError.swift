import PolicyDiagnostics
public import PolicyModel

public enum ScaffoldError: Error, Equatable, CustomStringConvertible {
    case exists(String)
    case badSlug(String)
    case unknownLanguage(String)
    case unknownJurisdiction(String, available: [String])
    case noSite(String)
    case unknownCompany(String, available: [String])
    case languageExists(String)
    case noSourcePolicy(String)
    case noTheme(String)
    /// A value given on the command line that `check` would reject, with what it says.
    case invalidValue([String])

    public var description: String {
        switch self {
        case .exists(let path): return "\(path) already exists; nothing was written (pick another folder or name)"
        case .badSlug(let slug):
            return
                "'\(Diagnostic.excerpt(slug))' cannot be a company folder; expected lowercase letters, digits and single hyphens, at most \(longestSlug) characters, e.g. acme or acme-eu"
        case .unknownLanguage(let code): return "unknown language code '\(code)'; expected a two-letter ISO 639-1 code such as en, fr, ar"
        case let .unknownJurisdiction(id, available): return "unknown jurisdiction '\(id)'; \(expectedOneOf(available))"
        case .noSite(let path): return "no site.yml in \(path); run `policysite new site DIR` first, or pass --content"
        case let .unknownCompany(name, available): return unknownCompanyMessage(name, available: available)
        case .languageExists(let path): return "\(path) already exists; the language is there already"
        case .noSourcePolicy(let path): return "no source policy at \(path) to translate from"
        case .noTheme(let path): return "no theme at \(path); pass --themes with the folder holding default/"
        case .invalidValue(let problems): return problems.joined(separator: "\n") + "\nnothing was written; give a value `policysite check` accepts"
        }
    }
}
