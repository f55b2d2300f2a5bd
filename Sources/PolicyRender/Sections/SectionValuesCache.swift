import PolicyModel
import PolicyTranslations
import Synchronization

/// `SectionValues` of a build, by text and language; a hit also needs the same company facts
/// (an archived version may show the facts it was published with). Two threads may make the
/// same values once each; both are equal.
final class SectionValuesCache: Sendable {
    private let entries = Mutex<[String: [SectionValues]]>([:])

    func values(for page: CompanyPage, make: () -> SectionValues) -> SectionValues {
        let key = page.document.contentHash + "/" + page.language.rawValue
        let info = page.company.info
        if let found = entries.withLock({ $0[key]?.first { $0.info == info } }) { return found }
        let made = make()
        entries.withLock { $0[key, default: []].append(made) }
        return made
    }
}
