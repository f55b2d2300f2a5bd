public import PolicyModel

/// CLDR plural categories for integers, for the languages PolicySite ships strings for.
/// Foundation does not expose plural rules, and they are short.
public enum PluralRule {
    public static func category(for n: Int, language: LanguageCode) -> String {
        let base = String(language.rawValue.prefix(2))
        switch base {
        case "ar":
            let mod100 = n % 100
            if n == 0 { return "zero" }
            if n == 1 { return "one" }
            if n == 2 { return "two" }
            if (3...10).contains(mod100) { return "few" }
            if (11...99).contains(mod100) { return "many" }
            return "other"
        case "fr", "hi", "pt":
            return n == 0 || n == 1 ? "one" : (base == "fr" && n != 0 && n % 1_000_000 == 0 ? "many" : "other")
        case "ja", "zh", "ko", "tr", "id", "vi", "th":
            return "other"
        default:
            return n == 1 ? "one" : "other"
        }
    }
}
