import Foundation
import PolicyConcurrency
package import PolicyDiagnostics
import PolicyMarkdown
package import PolicyModel
package import PolicyRender
import PolicyText
import PolicyTranslations

/// Checks `check` runs beyond the schema: dates that claim the future, controllers nobody can
/// reach, and cookie categories (here), recipients, cookie providers and transfer countries
/// (`ProseMentions`) the prose and the tables disagree on.
package struct ContentChecks {
    let site: Site
    let renderer: SiteRenderer
    let today: PolicyDate

    package init(site: Site, renderer: SiteRenderer, today: PolicyDate) {
        self.site = site
        self.renderer = renderer
        self.today = today
    }

    package func run() -> [Diagnostic] {
        // One company per core: the cookie-prose check reads every sentence of every text, and
        // one company after another it was a twentieth of `check`, the other core idle.
        ConcurrentMap.map(site.companies) { company -> [Diagnostic] in
            var diagnostics = contact(company)
            for language in company.languages {
                guard let document = company.policies[language] else { continue }
                diagnostics += dates(document)
                diagnostics += cookieMentions(document, company: company)
                diagnostics += ProseMentions(document: document, company: company, renderer: renderer).run()
                diagnostics += escapedHTML(document)
                diagnostics += misplacedClaims(document)
            }
            for entry in company.changelog.entries where today < entry.date {
                diagnostics.append(
                    .error(
                        .futureDate, at: SourceLocation(file: ContentLayout.changelog(in: company.folder)),
                        "changelog entry \(entry.version) is dated \(entry.date), in the future",
                        expected: "expected published versions to carry the date they were published"))
            }
            return diagnostics
        }.flatMap { $0 }
    }

    /// `last_updated` says when the text last changed, so it cannot be later than today.
    /// `effective` may be in the future: a policy can be announced before it applies.
    func dates(_ document: PolicyDocument) -> [Diagnostic] {
        let front = document.frontMatter
        guard today < front.lastUpdated, front.effective < front.lastUpdated || today < front.effective || front.effective == front.lastUpdated else {
            return []
        }
        return [
            .error(
                .futureDate, at: document.location(of: "last_updated"),
                "last_updated \(front.lastUpdated) is in the future",
                expected: "expected the date the text last changed; put a future start date in 'effective' instead")
        ]
    }

    /// Raw HTML in a body is shown as text while `allow_raw_html` is off: the author almost
    /// certainly meant markup, and readers would see `<br>` on the page.
    func escapedHTML(_ document: PolicyDocument) -> [Diagnostic] {
        guard !site.config.options.allowRawHTML else { return [] }
        return renderer.body(of: document).escapedHTML.map { raw in
            let shown = raw.text.count > 40 ? String(raw.text.prefix(40)) + "…" : raw.text
            return .warning(
                .rawHTML, at: SourceLocation(file: document.path, line: document.bodyLine + raw.line - 1, column: raw.column),
                "raw HTML '\(shown)' will be shown as text",
                expected: "expected Markdown instead (a blank line for a paragraph, **bold**, [text](url)), or options.allow_raw_html: true in site.yml")
        }
    }

    /// A section claim (`{#cookies}`) on a heading other than `##` places nothing: the section's
    /// table would follow the body under the theme's heading, and the author would not know why.
    func misplacedClaims(_ document: PolicyDocument) -> [Diagnostic] {
        renderer.body(of: document).misplacedClaims.filter { SiteRenderer.structuredSectionIDs.contains($0.id) }.map { claim in
            let hashes = String(repeating: "#", count: claim.level)
            return .warning(
                .sectionClaim, at: SourceLocation(file: document.path, line: document.bodyLine + claim.line - 1, column: 1),
                "'\(hashes) \(claim.title) {#\(claim.id)}' is a level-\(claim.level) heading: only a level-2 heading claims the '\(claim.id)' section, so its table is placed after the body, not here",
                expected: "expected '## \(claim.title) {#\(claim.id)}' to place the table under this heading, or another id")
        }
    }

    func contact(_ company: Company) -> [Diagnostic] {
        let info = company.info
        let hasRightsContact = company.policies.values.contains { $0.frontMatter.rights?.contact != nil }
        guard info.privacyEmail == nil, info.phone == nil, info.address.isEmpty, info.website == nil, !hasRightsContact else { return [] }
        return [
            .warning(
                .missingContact, at: SourceLocation(file: ContentLayout.company(in: company.folder), line: 1, column: 1),
                "the controller has no contact data",
                expected: "expected at least one of privacy_email, phone, address or website, so readers can exercise their rights")
        ]
    }

    /// `text` split at sentence ends (`.`, `!`, `?`, a line break, `؟`, `।`), empty pieces
    /// left out: what `split` over its Characters gives, found by walking its scalars without
    /// breaking the text into Characters. A separator scalar ends a sentence only where it is
    /// a Character on its own (not `\r\n`, nor `.` with an accent on it).
    static func sentences(of text: String) -> [Substring] {
        var sentences: [Substring] = []
        let scalars = text.unicodeScalars
        var start = scalars.startIndex, index = start
        while index < scalars.endIndex {
            let next = scalars.index(after: index)
            switch scalars[index] {
            case ".", "!", "?", "\n", "؟", "।":
                if index.samePosition(in: text) != nil, next == scalars.endIndex || next.samePosition(in: text) != nil {
                    if start < index { sentences.append(text[start..<index]) }
                    start = next
                }
            default: break
            }
            index = next
        }
        if start < scalars.endIndex { sentences.append(text[start...]) }
        return sentences
    }

    /// Where the body's source first writes one of `phrases` (lowercased), for a message that
    /// points at the sentence to fix; nil when none is written as such (split by markup).
    static func line(of phrases: [String], in document: PolicyDocument, locale: Locale) -> SourceLocation? {
        let lines = document.body.split(separator: "\n", omittingEmptySubsequences: false)
        for (offset, line) in lines.enumerated() {
            let lowered = line.lowercased(with: locale)
            for phrase in phrases {
                if let range = lowered.range(of: phrase) {
                    return SourceLocation(
                        file: document.path, line: document.bodyLine + offset, column: lowered.distance(from: lowered.startIndex, to: range.lowerBound) + 1)
                }
            }
        }
        return nil
    }

    /// A sentence of the prose that speaks of cookies and names a category the table lacks, or
    /// a table category that prose discussing cookies never names. Each category is named in
    /// the singular or the plural ("an analytics cookie", "analytics cookies"), as the theme's
    /// `cookie_prose.<id>` phrases list them; the message points at the sentence.
    func cookieMentions(_ document: PolicyDocument, company: Company) -> [Diagnostic] {
        let locale = renderer.locale(for: document.language, company: company)
        let strings = locale.strings
        let cookieWord = strings["sections.cookies"].lowercased(with: locale.locale)
        let text = renderer.bodyText(document).lowercased(with: locale.locale)
        let sentences = Self.sentences(of: text)
        // The theme's words for cookies in the singular and plural; a theme without them, the
        // section title and "cookie". A sentence with one of them in it is about cookies.
        let themed = strings["cookie_words"] == "cookie_words" ? [] : Self.variants(strings["cookie_words"], locale: locale.locale)
        let words = Array(Set(themed.isEmpty ? (cookieWord.contains("cookie") ? ["cookie"] : [cookieWord, "cookie"]) : themed + ["cookie"])).sorted()
        // The bytes to scan for, nil for a word that is not ASCII: an ASCII word cannot be in a
        // sentence whose bytes lack it, which a scan tells faster than Foundation's search.
        let needles = words.map { word in word.utf8.allSatisfy { $0 < 0x80 } ? Array(word.utf8) : nil }
        let cookieSentences = sentences.filter { sentence in
            zip(words, needles).contains { word, needle in (needle.map { sentence.holdsBytes(of: $0) } ?? true) && sentence.contains(word) }
        }
        guard !cookieSentences.isEmpty else { return [] }
        // One search a phrase in the sentences joined by a separator, where a search per
        // sentence was one per sentence; no sentence holds a line break, so a phrase found in the
        // joined text lies within one of them unless it spans the break, which a phrase without
        // one cannot.
        let cookieText = cookieSentences.joined(separator: "\n")
        func mentions(_ phrase: String) -> Bool { !phrase.contains("\n") && cookieText.contains(phrase) }

        let inTable = Set(document.frontMatter.cookies.map(\.category.id))
        let known = CookieCategoryID.builtIn + site.config.customCookieCategories.map(\.id)
        // Built-in categories are named as the theme's `cookie_prose.<id>` phrases say;
        // custom ones by their label followed by the word for cookies.
        let labels: [(String, [String])] = known.map { id in
            let key = "cookie_prose.\(id)"
            let phrases =
                strings[key] != key
                ? strings[key]
                : PolicySectionsLabel.label(of: CookieCategoryID(id), strings: strings, config: site.config, language: document.language) + " " + cookieWord
            return (id, Self.variants(phrases, locale: locale.locale))
        }
        // Longest first, so "analytics cookies" is quoted rather than the "analytics cookie" in it.
        let said: [String: [String]] = Dictionary(
            labels.map { id, phrases in (id, phrases.filter(mentions).sorted { $0.count > $1.count }) }, uniquingKeysWith: { first, _ in first })
        let mentioned = Set(labels.map(\.0).filter { !(said[$0] ?? []).isEmpty })
        let fallback = SourceLocation(file: document.path, line: document.bodyLine, column: 1)
        var diagnostics: [Diagnostic] = []
        for (id, _) in labels where mentioned.contains(id) && !inTable.contains(id) {
            let phrase = said[id]![0]
            diagnostics.append(
                .warning(
                    .cookieProseMismatch, at: Self.line(of: said[id]!, in: document, locale: locale.locale) ?? fallback,
                    "the text mentions \(phrase), but the cookie table has no '\(id)' category",
                    expected: "expected a '\(id)' entry under cookies: in the front matter, or prose that matches the table"))
        }
        // Prose that defers to the table names no category, which is fine; prose that lists
        // categories must list the table's. Pointed at the first sentence naming another.
        if !mentioned.isEmpty {
            let others = labels.flatMap { said[$0.0] ?? [] }
            for (id, phrases) in labels where inTable.contains(id) && !mentioned.contains(id) {
                diagnostics.append(
                    .warning(
                        .cookieProseMismatch, at: Self.line(of: others, in: document, locale: locale.locale) ?? document.location(of: "cookies"),
                        "the cookie table lists '\(id)', but the text about cookies, which names other categories, never mentions \(phrases[0])",
                        expected: "expected the prose to name every category in the table, or the category removed"))
            }
        }
        return diagnostics
    }

    /// The `|`-separated variants of a theme phrase list, trimmed and lowercased.
    static func variants(_ list: String, locale: Locale) -> [String] {
        list.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces).lowercased(with: locale) }.filter { !$0.isEmpty }
    }
}
