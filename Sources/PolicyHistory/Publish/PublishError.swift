public import Foundation
public import PolicyDiagnostics
public import PolicyModel

public enum PublishError: Error, CustomStringConvertible, Equatable {
    case contentErrors([Diagnostic])
    case unknownCompany(String, available: [String])
    case nothingChanged(company: String, version: PolicyVersionNumber)
    case dateGoesBackwards(company: String, date: PolicyDate, latest: PolicyDate)
    case versionExists(String)
    case emptySummary
    /// A `--translation` names a language the company does not publish.
    case unknownTranslation(company: String, language: String, available: [String])
    case writeFailed(String)
    /// The published result would not pass `check`; nothing was written.
    case resultRejected([Diagnostic])
    /// Text written by `policysite new` for a person to replace is still there.
    case placeholders([Diagnostic])
    /// `--summary` or `--change` holds a character the changelog and the feed cannot carry.
    case controlCharacter(option: String, scalar: Unicode.Scalar, position: Int)
    case implausibleDate(PolicyDate, earliest: PolicyDate, latest: PolicyDate)
    case effectiveBeforeDate(effective: PolicyDate, date: PolicyDate)
    case effectiveTooFar(effective: PolicyDate, latest: PolicyDate)
    /// An earlier version takes effect after this one would, so it would never apply.
    case overtakesEarlierVersion(company: String, version: PolicyVersionNumber, effective: PolicyDate, new: PolicyDate)

    public var description: String {
        switch self {
        case .contentErrors(let diagnostics):
            return "content has \(diagnostics.errors.count) error(s); nothing was published. Fix them first (`policysite check`)."
        case let .unknownCompany(name, available):
            return unknownCompanyMessage(name, available: available)
        case let .nothingChanged(company, version):
            return "\(company): nothing changed since version \(version); edit the policy first, nothing was written"
        case let .dateGoesBackwards(company, date, latest):
            return "\(company): --date \(date) is before the last published version (\(latest)); expected a date on or after \(latest)"
        case .versionExists(let path):
            return "\(path) already exists; published versions are never overwritten, so pick another version (--major/--minor)"
        case .emptySummary:
            return "--summary is empty; expected one sentence saying what changed, for the changelog and the feed"
        case let .unknownTranslation(company, language, available):
            return
                "\(company) has no '\(language)' text for --translation \(language); expected one of its other languages: \(available.joined(separator: ", "))"
        case .writeFailed(let reason):
            return "could not write the new version (\(reason)); every file was left as it was"
        case .resultRejected(let diagnostics):
            return "the published content would not pass `policysite check` (\(diagnostics.errors.count) error(s), listed above); nothing was written"
        case .placeholders(let diagnostics):
            return
                "\(diagnostics.count) placeholder(s) left (listed above); a published version is a legal record, so replace every [[TODO: …]] first; nothing was written"
        case let .controlCharacter(option, scalar, position):
            let code = String(format: "U+%04X", scalar.value)
            return
                "\(option) has the control character \(code) at character \(position); expected plain text (tabs and line breaks are fine), since the changelog and the Atom feed cannot carry it; nothing was written"
        case let .implausibleDate(date, earliest, latest):
            return "--date \(date) is not a plausible publication date; expected a date from \(earliest) to today (\(latest)); nothing was written"
        case let .effectiveBeforeDate(effective, date):
            return
                "--effective \(effective) is before the publication date \(date); expected a date on or after \(date) (a version cannot apply before it is published); nothing was written"
        case let .effectiveTooFar(effective, latest):
            return
                "--effective \(effective) is more than \(Publisher.maximumNoticeYears) years after the publication date; expected a date up to \(latest); nothing was written"
        case let .overtakesEarlierVersion(company, version, effective, new):
            return
                "\(company): version \(version), published earlier, takes effect on \(effective), after this version's effective date \(new), so it would never apply; expected --effective \(effective) or later, or publish when \(version) has taken effect; nothing was written"
        }
    }
}
