import Foundation
import Testing

/// A home page per site language (`/`, `/fr/`, `/ar/`, `/hi/`), each in its language and
/// direction, with `hreflang` alternates and a switcher between them; every company page leads
/// to the home in its own language.
@Suite struct HomePerLanguageTests {
    static let languages = ["en": "", "fr": "fr/", "ar": "ar/", "hi": "hi/"]

    @Test func everySiteLanguageHasAHomeLinkedFromItsPages() throws {
        let site = try CheckedSites.folders().example
        for (language, path) in Self.languages {
            let home = try read(site.appendingPathComponent(path + "index.html"))
            let direction = language == "ar" ? "rtl" : "ltr"
            #expect(home.contains("<html lang=\"\(language)\" dir=\"\(direction)\" "), "\(language)")
            #expect(home.contains("<link rel=\"canonical\" href=\"https://policies.example.org/\(path)\">"))
            // Alternates: every home, and the default one for everyone else.
            for (other, otherPath) in Self.languages {
                #expect(
                    home.contains("<link rel=\"alternate\" hreflang=\"\(other)\" href=\"https://policies.example.org/\(otherPath)\">"), "\(language) → \(other)"
                )
            }
            #expect(home.contains("<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://policies.example.org/\">"))
            #expect(home.contains("class=\"language-switcher\""))
            // Its companies' links go to their pages in its language where they have them.
            let depth = path.isEmpty ? "" : "../"
            #expect(home.contains("<h2><a href=\"\(depth)caltryx-tech/\(language == "hi" ? "en" : language)/index.html\">"), "\(language)")
        }
        let arabicHome = try read(site.appendingPathComponent("ar/index.html"))
        #expect(arabicHome.contains("<h1>سياسات الخصوصية</h1>"))
        #expect(arabicHome.contains("<a href=\"../fr/index.html\" hreflang=\"fr\" lang=\"fr\" dir=\"ltr\">"))
        #expect(arabicHome.contains("<a href=\"index.html\" hreflang=\"ar\" lang=\"ar\" dir=\"rtl\" aria-current=\"page\">"))
        #expect(arabicHome.contains("<a href=\"../index.html\" hreflang=\"en\" lang=\"en\" dir=\"ltr\">"))

        // A company page's title and footer lead to the home in its language.
        let arabicPage = try read(site.appendingPathComponent("digiterex/ar/rights/index.html"))
        #expect(arabicPage.contains("<a class=\"site-title\" href=\"../../../ar/index.html\">"))
        let englishPage = try read(site.appendingPathComponent("digiterex/en/index.html"))
        #expect(englishPage.contains("<a class=\"site-title\" href=\"../../index.html\">"))
        let hindiPage = try read(site.appendingPathComponent("digi-smart-manager/hi/index.html"))
        #expect(hindiPage.contains("<a class=\"site-title\" href=\"../../hi/index.html\">"))

        let sitemap = try read(site.appendingPathComponent("sitemap.xml"))
        for (_, path) in Self.languages { #expect(sitemap.contains("<loc>https://policies.example.org/\(path)</loc>"), "\(path)") }
    }
}
