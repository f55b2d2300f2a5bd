import PolicyModel
import Testing

@testable import PolicyTranslations

@Suite("PluralRule")
struct PluralRuleTests {
    func category(_ n: Int, _ language: String) -> String { PluralRule.category(for: n, language: LanguageCode(language)!) }

    @Test func english() {
        #expect(category(1, "en") == "one")
        #expect(category(0, "en") == "other")
        #expect(category(2, "en") == "other")
        #expect(category(21, "en") == "other")
    }

    @Test func frenchTreatsZeroAsOne() {
        #expect(category(0, "fr") == "one")
        #expect(category(1, "fr") == "one")
        #expect(category(2, "fr") == "other")
        #expect(category(1_000_000, "fr") == "many")
    }

    @Test func arabicHasSixCategories() {
        #expect(category(0, "ar") == "zero")
        #expect(category(1, "ar") == "one")
        #expect(category(2, "ar") == "two")
        #expect(category(3, "ar") == "few")
        #expect(category(10, "ar") == "few")
        #expect(category(103, "ar") == "few")
        #expect(category(11, "ar") == "many")
        #expect(category(99, "ar") == "many")
        #expect(category(100, "ar") == "other")
        #expect(category(102, "ar") == "other")
    }

    @Test func hindi() {
        #expect(category(0, "hi") == "one")
        #expect(category(1, "hi") == "one")
        #expect(category(2, "hi") == "other")
    }

    @Test func regionalVariantsUseTheBaseLanguage() {
        #expect(category(0, "pt-br") == "one")
        #expect(category(5, "ar-ma") == "few")
    }
}
