import PolicyDiagnostics
import PolicyFiles
import PolicyModel
import PolicyTranslations
import Testing

@testable import PolicyRender

func lang(_ code: String) -> LanguageCode { LanguageCode(code)! }

let testTranslations = Translations(
    defaultLanguage: lang("en"),
    tables: [
        lang("en"): [
            "duration.hour_one": "{n} hour", "duration.hour_other": "{n} hours",
            "duration.month_one": "{n} month", "duration.month_other": "{n} months",
            "duration.year_one": "{n} year", "duration.year_other": "{n} years",
            "duration.up_to": "up to {duration}",
            "duration.session": "until the browser closes",
            "sections.cookies": "Cookies",
            "policy.children_min_age": "Not for children under {age}.",
        ],
        lang("fr"): [
            "duration.month_one": "{n} mois", "duration.month_other": "{n} mois",
            "duration.year_one": "{n} an", "duration.year_other": "{n} ans",
            "duration.up_to": "jusqu'à {duration}",
            "duration.session": "fin de session",
            "sections.cookies": "Témoins",
        ],
        lang("ar"): [
            "duration.day_zero": "{n} أيام", "duration.day_one": "يوم واحد", "duration.day_two": "يومان",
            "duration.day_few": "{n} أيام", "duration.day_many": "{n} يومًا", "duration.day_other": "{n} يوم",
        ],
    ])

func pageLocale(_ language: String, _ identifier: String? = nil) -> PageLocale {
    PageLocale(language: lang(language), localeIdentifier: identifier, strings: testTranslations.strings(for: lang(language)))
}

func duration(_ text: String) -> PolicyDuration { PolicyDuration(text)! }

@Suite("PageLocale formatting")
struct PageLocaleTests {
    @Test func frenchDurations() {
        let fr = pageLocale("fr")
        #expect(fr.format(duration("14 months")) == "14 mois")
        #expect(fr.format(duration("up to 2 years")) == "jusqu'à 2 ans")
        #expect(fr.format(duration("1 year")) == "1 an")
        #expect(fr.format(duration("session")) == "fin de session")
    }

    @Test func englishDurations() {
        let en = pageLocale("en")
        #expect(en.format(duration("1 month")) == "1 month")
        #expect(en.format(duration("14 months")) == "14 months")
        #expect(en.format(duration("up to 2 years")) == "up to 2 years")
        #expect(en.format(duration("24-48 hours")) == "24–48 hours")
        #expect(en.format(duration("session")) == "until the browser closes")
    }

    @Test func arabicPluralFormsPickTheirOwnStrings() {
        let ar = pageLocale("ar", "ar-MA")
        #expect(ar.format(duration("1 day")) == "يوم واحد")
        #expect(ar.format(duration("2 days")) == "يومان")
        #expect(ar.format(duration("5 days")) == "5 أيام")
        #expect(ar.format(duration("30 days")) == "30 يومًا")
        #expect(ar.format(duration("100 days")) == "100 يوم")
    }

    @Test func arabicEgyptUsesArabicIndicDigits() {
        let ar = pageLocale("ar", "ar-EG")
        #expect(ar.format(PolicyDate("2025-01-15")!).contains("٢٠٢٥"))
        #expect(ar.format(2025) == "٢٠٢٥")
    }

    @Test func arabicMoroccoUsesLatinDigits() {
        let ar = pageLocale("ar", "ar-MA")
        let text = ar.format(PolicyDate("2025-01-15")!)
        #expect(text.contains("2025"))
        #expect(!text.contains("٢"))
    }

    @Test func datesInFrenchAndEnglish() {
        #expect(pageLocale("fr").format(PolicyDate("2025-01-15")!) == "15 janvier 2025")
        #expect(pageLocale("en").format(PolicyDate("2025-01")!) == "January 2025")
        #expect(pageLocale("fr").format(PolicyDate("2025-03")!) == "mars 2025")
        #expect(pageLocale("en", "en-GB").format(PolicyDate("2025-01-14")!) == "14 January 2025")
    }

    @Test func datesAreNotShiftedByTimeZones() {
        #expect(pageLocale("en", "en-GB").format(PolicyDate("2025-12-31")!) == "31 December 2025")
        #expect(pageLocale("en", "en-GB").format(PolicyDate("2025-01-01")!) == "1 January 2025")
    }

    @Test func numbersAreNotGrouped() {
        #expect(pageLocale("en").format(12345) == "12345")
    }

    @Test func writingDirection() {
        #expect(pageLocale("ar").isRightToLeft)
        #expect(pageLocale("ar").direction == "rtl")
        #expect(!pageLocale("fr").isRightToLeft)
        #expect(pageLocale("fr").direction == "ltr")
    }

    @Test func countryNames() {
        #expect(pageLocale("fr").countryName(CountryCode("MA")!) == "Maroc")
        #expect(pageLocale("en").countryName(CountryCode("MA")!) == "Morocco")
    }

    @Test func nativeLanguageNames() {
        #expect(PageLocale.nativeName(of: lang("fr")) == "Français")
        #expect(PageLocale.nativeName(of: lang("en")) == "English")
    }
}

@Suite("UI strings")
struct UIStringsTests {
    @Test func missingKeyFallsBackToDefaultLanguage() {
        let fr = testTranslations.strings(for: lang("fr"))
        #expect(fr["sections.cookies"] == "Témoins")
        #expect(fr["policy.children_min_age"] == "Not for children under {age}.")
        #expect(fr["no.such.key"] == "no.such.key")
        #expect(fr.format("policy.children_min_age", ["age": "16"]) == "Not for children under 16.")
    }

    @Test func languageWithoutTableUsesDefault() {
        let de = testTranslations.strings(for: lang("de"))
        #expect(de["sections.cookies"] == "Cookies")
        #expect(!testTranslations.hasTable(for: lang("de")))
        #expect(testTranslations.hasTable(for: lang("fr")))
    }

    @Test func missingKeysListsDefaultKeysAbsentFromALanguage() {
        let missing = testTranslations.missingKeys(for: lang("fr"))
        #expect(missing == ["duration.hour_one", "duration.hour_other", "policy.children_min_age"])
        #expect(testTranslations.missingKeys(for: lang("en")).isEmpty)
    }

    @Test func diagnosticsWarnAboutMissingStringsAndFiles() throws {
        let diagnostics = testTranslations.diagnostics(for: [lang("en"), lang("fr"), lang("de")], themeDirectory: "themes/default")
        #expect(diagnostics.map(\.code) == ["missing-ui-string", "missing-ui-strings"])
        #expect(diagnostics.allSatisfy { $0.severity == .warning })
        let fr = try #require(diagnostics.first)
        #expect(fr.location.file == "themes/default/i18n/fr.yml")
        #expect(fr.message == "missing UI strings 'duration.hour_one', 'duration.hour_other', 'policy.children_min_age'")
        #expect(fr.expected == "expected every key of en.yml; falling back to en")
        let de = try #require(diagnostics.last)
        #expect(
            de.description
                == "themes/default/i18n/de.yml: warning: no UI strings for language 'de'; expected themes/default/i18n/de.yml; pages in de use en headings until it exists"
        )
    }

    @Test func singleMissingStringIsSingular() {
        let translations = Translations(
            defaultLanguage: lang("en"),
            tables: [
                lang("en"): ["a": "A", "b": "B"], lang("fr"): ["a": "A"],
            ])
        let diagnostics = translations.diagnostics(for: [lang("fr")], themeDirectory: "t")
        #expect(diagnostics.map(\.message) == ["missing UI string 'b'"])
    }

    @Test func loadsNestedYAMLFromAFileSystem() {
        let fs = InMemoryFileSystem(files: [
            "theme/i18n/en.yml": "sections:\n  cookies: Cookies\nduration:\n  up_to: \"up to {duration}\"\n",
            "theme/i18n/fr.yml": "sections:\n  cookies: Témoins\n",
            "theme/i18n/xx.yml": "a: b\n",
        ])
        let (translations, diagnostics) = Translations.load(directory: "theme/i18n", defaultLanguage: lang("en"), fileSystem: fs)
        #expect(diagnostics.map(\.code) == ["unknown-language"])
        #expect(translations.languages.map(\.rawValue) == ["en", "fr"])
        #expect(translations.strings(for: lang("fr"))["sections.cookies"] == "Témoins")
        #expect(translations.missingKeys(for: lang("fr")) == ["duration.up_to"])
    }
}
