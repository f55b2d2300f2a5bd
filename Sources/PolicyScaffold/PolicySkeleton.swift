import FoundationEssentials
import PolicyContent
import PolicyModel
import PolicyTranslations
import PolicyYAML

/// The first `privacy.md` of a company in one language: every structured part a policy needs,
/// with `[[TODO: …]]` where only the company knows the answer, and the rights its regimes grant.
/// Headings and the title come from the theme's UI strings, so each language starts in its own
/// words; the instructions inside the placeholders are in English, for the person who writes.
struct PolicySkeleton {
    var language: LanguageCode
    var strings: UIStrings
    var today: PolicyDate
    var regimes: [Jurisdiction]

    /// Rights every policy grants when no regime says otherwise (GDPR-style wording).
    static let baseRights: [Right] = [.access, .rectification, .erasure, .objection, .complaint]

    /// The `rights:` items: every regime's rights that are general rights, or the base set.
    var generalRights: [Right] {
        let listed = regimes.flatMap(\.rights).compactMap(Right.init(rawValue:))
        let rights = listed.isEmpty ? Self.baseRights : listed
        return Right.allCases.filter(rights.contains)
    }

    /// Regimes with rights of their own vocabulary (`know`, `grievance`) get a regional block.
    var regionalBlocks: [(id: String, rights: [String])] {
        regimes.compactMap { regime in
            let own = regime.rights.filter { Right(rawValue: $0) == nil }
            return own.isEmpty ? nil : (regime.id, own)
        }
    }

    func todo(_ instruction: String) -> String { Placeholder.text(instruction, quoted: true) }

    var text: String {
        var lines = [
            "---",
            "title: \(yamlQuoted(strings["policy.privacy_policy"]))",
            "version: \"1.0\"",
            "effective: \(today)",
            "last_updated: \(today)",
            "summary: \(todo("two or three sentences: what you collect, why, and how people reach you"))",
            "data_collected:",
            "  - category: \(todo("a kind of data, e.g. Contact details"))",
            "    items:",
            "      - \(todo("e.g. e-mail address"))",
            "    source: provided",
            "purposes:",
            "  - purpose: \(todo("why you use it, e.g. to answer your requests"))",
            "    legal_basis: contract",
            "retention:",
            "  - data: \(todo("which data, e.g. contact requests"))",
            "    # \(Placeholder.text("how long you keep it"))",
            "    period: 3 years",
            "cookies:",
            "  - category: essential",
            "    purpose: \(todo("what your essential cookies do, e.g. keep you signed in"))",
            "cookie_controls: \(todo("how visitors refuse or delete cookies"))",
            "third_parties:",
            "  - name: \(todo("a recipient, e.g. your hosting provider"))",
            "    purpose: \(todo("what it does with the data"))",
            "    role: processor",
            "rights:",
            "  # \(Placeholder.text("how quickly you answer a request"))",
            "  response_time: 30 days",
            "  items:",
        ]
        lines += generalRights.map { "    - right: \($0.rawValue)" }
        if !regionalBlocks.isEmpty { lines.append("regional_rights:") }
        for block in regionalBlocks {
            lines.append("  - jurisdiction: \(block.id)")
            lines.append("    items:")
            lines += block.rights.map { "      - right: \($0)" }
        }
        lines += ["---", ""]
        // The skeleton's own order, not the page's: what an author writes first.
        let sections: [(section: PolicySection, instruction: String)] = [
            (.dataCollected, "say when and how you collect the data listed in the table below"),
            (.purposes, "explain what you do with the data; the table below lists each purpose and its legal basis"),
            (.retention, "explain how you decide how long data is kept"),
            (.thirdParties, "say who receives data and why; the table below lists them"),
            (.cookies, "say which cookies the site sets; the cookie table follows"),
            (.rights, "invite people to use their rights and say how you verify who is asking"),
            (.contact, "say how to contact you about this policy"),
        ]
        lines += [Placeholder.text("an introduction: who you are and what this policy covers"), ""]
        for section in sections {
            lines += ["## \(strings[section.section.titleKey]) {#\(section.section.id)}", "", Placeholder.text(section.instruction), ""]
        }
        return lines.joined(separator: "\n")
    }

    /// The source text as the start of a translation: the same data and version (so the site
    /// builds), the title in the new language, and a placeholder at the top of the text that
    /// `publish` refuses until someone has translated it and removed the line.
    static func translationCopy(of source: String, from: LanguageCode, to: LanguageCode, title: String) -> String {
        var lines = FrontMatter.setting(["title": yamlQuoted(title)], in: source).components(separatedBy: "\n")
        guard let end = FrontMatter.closingLine(in: lines) else { return source }
        let note = Placeholder.text("translate this text and its front matter from \(from) into \(to), then delete this line")
        lines.insert(contentsOf: ["", note], at: end + 1)
        return lines.joined(separator: "\n")
    }
}
