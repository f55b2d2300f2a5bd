import Foundation
import PolicyFiles
import Testing

/// Translations across the built site: stale detection, fallbacks, missing UI strings.
@Suite struct MultilingualTests {
    /// A copy of the example content and theme to edit freely.
    func workspace() throws -> URL {
        let folder = try CLI.temporaryDirectory()
        for name in ["content", "themes"] {
            try FileManager.default.copyItem(at: CLI.root.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        return folder
    }

    func edit(_ file: URL, _ change: (String) -> String) throws {
        try change(read(file)).write(to: file, atomically: true, encoding: .utf8)
    }

    @Test func staleTranslationWarnsMarksThePageAndFailsUnderStrict() throws {
        let folder = try workspace()
        try edit(folder.appendingPathComponent("content/digiterex/en/privacy.md")) { $0.replacingOccurrences(of: "version: \"1.0\"", with: "version: \"1.1\"") }
        let build = try CLI.run(["build"], in: folder)
        #expect(build.status == 0, "\(build.stderr)")
        for language in ["fr", "ar"] {
            #expect(
                build.stderr.contains(
                    "content/digiterex/\(language)/privacy.md:3:1: warning: translation is version 1.0 but the en source is version 1.1; expected the translation updated to 1.1"
                ), "\(build.stderr)")
        }
        let french = try read(folder.appendingPathComponent("public/digiterex/fr/index.html"))
        #expect(french.contains("class=\"notice notice-warning\""))
        #expect(french.contains("<a href=\"../en/index.html\">"))
        let english = try read(folder.appendingPathComponent("public/digiterex/en/index.html"))
        #expect(!english.contains("notice-warning"))

        let strict = try CLI.run(["build", "--strict", "--output", "strict-public"], in: folder)
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("content/digiterex/fr/privacy.md:3:1: error: translation is version 1.0"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("strict-public").path))
        #expect(try CLI.run(["check", "--strict"], in: folder).status == 1)
        #expect(try CLI.run(["check"], in: folder).status == 0)
    }

    @Test func missingLanguagesAreOmittedByDefault() throws {
        let output = try CheckedSites.folders().example
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("mydigisoft/fr").path))
        let english = try read(output.appendingPathComponent("mydigisoft/en/index.html"))
        #expect(!english.contains("hreflang=\"fr\""))
        #expect(!english.contains("class=\"language-switcher\""))
    }

    @Test func fallbackShowsTheSourceTextWithAVisibleNote() throws {
        let folder = try workspace()
        try edit(folder.appendingPathComponent("content/site.yml")) {
            $0.replacingOccurrences(of: "missing_translation: omit", with: "missing_translation: fallback")
        }
        let build = try CLI.run(["build"], in: folder)
        #expect(build.status == 0, "\(build.stderr)")
        let page = try read(folder.appendingPathComponent("public/mydigisoft/fr/index.html"))
        #expect(page.contains("<html lang=\"fr\" dir=\"ltr\" "))
        #expect(page.contains("<article class=\"policy\" lang=\"en\" dir=\"ltr\">"))
        #expect(page.contains("Cette politique n&#39;est pas disponible en français"), "\(page.prefix(3000))")
        #expect(page.contains("hreflang=\"fr\""))
        let arabic = try read(folder.appendingPathComponent("public/mydigisoft/ar/index.html"))
        #expect(arabic.contains("<html lang=\"ar\" dir=\"rtl\" "))
        #expect(arabic.contains("<article class=\"policy\" lang=\"en\" dir=\"ltr\">"))
    }

    @Test func missingUIStringWarnsAndFallsBackToTheDefaultLanguage() throws {
        let folder = try workspace()
        try edit(folder.appendingPathComponent("themes/default/i18n/fr.yml")) { text in
            text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("  skip_to_content:") }.joined(separator: "\n")
        }
        let build = try CLI.run(["build"], in: folder)
        #expect(build.status == 0)
        #expect(
            build.stderr.contains(
                "themes/default/i18n/fr.yml: warning: missing UI string 'site.skip_to_content'; expected every key of en.yml; falling back to en"),
            "\(build.stderr)")
        let page = try read(folder.appendingPathComponent("public/ite/fr/index.html"))
        #expect(page.contains("<a class=\"skip-link\" href=\"#main\">Skip to content</a>"))
        #expect(try CLI.run(["build", "--strict"], in: folder).status == 1)
    }

    @Test func datesAndDurationsAreWrittenInThePageLanguage() throws {
        let output = try CheckedSites.folders().example
        let hindi = try read(output.appendingPathComponent("digi-smart-manager/hi/versions/1.0/index.html"))
        #expect(hindi.contains("<time datetime=\"2025-01\">जनवरी 2025</time>"))
        let arabic = try read(output.appendingPathComponent("digiterex/ar/contact/index.html"))
        #expect(arabic.contains("المغرب"))
        #expect(arabic.contains("24–48 ساعة"), "\(arabic)")
    }
}
