import Mustache
import PolicyModel
import PolicyText
import PolicyTranslations

/// What an HTML fragment rendered once per build (a section, a table row) is found again by:
/// its template, the page's language and the typed values it renders from, hashed rather than
/// kept, so a build's fragments do not hold on to every text's values. Two 64-bit hashes of
/// the same values, each seeded apart (`Hasher` is seeded per process; the leading tag makes
/// the two inputs differ), so two different inputs agreeing on both is beyond reach.
struct FragmentKey: Hashable {
    let first: Int, second: Int

    /// `values` in order; nil stands for a value a page does not have.
    init(name: String, language: LanguageCode, _ values: (any Hashable)?...) {
        self.init(name: name, language: language, values: values)
    }

    init(name: String, language: LanguageCode, values: [(any Hashable)?]) {
        func digest(_ seed: UInt8) -> Int {
            var hasher = Hasher()
            hasher.combine(seed)
            hasher.combine(name)
            hasher.combine(language.rawValue)
            for value in values {
                if let value {
                    hasher.combine(true)
                    hasher.combine(value)
                } else {
                    hasher.combine(false)
                }
            }
            return hasher.finalize()
        }
        first = digest(1)
        second = digest(2)
    }
}
