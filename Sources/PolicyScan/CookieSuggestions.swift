import PolicyContent
public import PolicyModel
import PolicyYAML

/// The entries `--write-suggestions` writes for cookies the policy does not declare: cookie
/// table categories the author pastes under `cookies:` and completes. The category and purposes
/// are placeholders, which `check` lists and `publish` refuses until they are replaced.
public enum CookieSuggestions {
    public static func yaml(_ observations: ScanObservations, comparison: ScanComparison) -> String {
        let declared = comparison.declared.map(\.cookie)
        var seen = Set<String>()
        let cookies = observations.cookies.filter { cookie in
            !declared.contains { $0.matches(cookie.name) } && seen.insert(cookie.name).inserted
        }
        let policy = comparison.policy
        var text = """
            # Cookies that `policysite scan` saw on \(observations.start) and \(policy.path) does not declare.
            # Paste each entry under `cookies:` in that file (or its cookies into the category it belongs to),
            # then replace every [[TODO: …]].

            """
        if cookies.isEmpty { return text + "# (none: every cookie seen is declared)\n" }
        for cookie in cookies {
            let known = KnownCookies.entry(for: cookie.name)
            let hint = known.map { " a known \($0.category) cookie (\($0.pattern.provider))" } ?? ""
            text += """
                - category: \(Placeholder.text("essential, analytics, preferences or marketing;\(hint)", quoted: true))
                  purpose: \(Placeholder.text("why the site uses these cookies", quoted: true))
                  cookies:
                    - name: \(yamlQuoted(cookie.name))
                      provider: \(yamlQuoted(known?.pattern.provider ?? cookie.domain))
                      purpose: \(Placeholder.text("what \(cookie.name) does", quoted: true))
                      duration: \(cookie.lifetime.map(durationText) ?? "session")

                """
        }
        return text
    }

    /// An observed lifetime as a duration the content format reads: `30 days`, `1 year`, `2 hours`.
    static func durationText(_ seconds: Double) -> String {
        func plural(_ count: Int, _ unit: String) -> String { "\(count) \(unit)\(count == 1 ? "" : "s")" }
        let days = Int((seconds / 86_400).rounded())
        if days >= 1 {
            if days % 365 == 0 { return plural(days / 365, "year") }
            return plural(days, "day")
        }
        let hours = Int((seconds / 3_600).rounded())
        if hours >= 1 { return plural(hours, "hour") }
        return plural(max(1, Int((seconds / 60).rounded())), "minute")
    }
}
