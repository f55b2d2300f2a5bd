import PolicyModel

/// Cookies whose category is common knowledge, so a scan can tell that an undeclared `_fbp` is
/// a marketing cookie even though the policy does not list it. Kept short on purpose: only names
/// that one well-known service sets and that mean the same thing on every site.
enum KnownCookies {
    struct Entry {
        var pattern: Cookie
        var category: String
    }

    private static let list: [(name: String, category: String, provider: String)] = [
        ("_ga", "analytics", "Google Analytics"), ("_ga_*", "analytics", "Google Analytics"), ("_gid", "analytics", "Google Analytics"),
        ("_gat*", "analytics", "Google Analytics"), ("__utm*", "analytics", "Google Analytics"), ("_pk_id*", "analytics", "Matomo"),
        ("_pk_ses*", "analytics", "Matomo"), ("_hjSession*", "analytics", "Hotjar"), ("_clck", "analytics", "Microsoft Clarity"),
        ("_clsk", "analytics", "Microsoft Clarity"), ("_fbp", "marketing", "Meta Pixel"), ("_fbc", "marketing", "Meta Pixel"),
        ("_gcl_*", "marketing", "Google Ads"), ("IDE", "marketing", "Google Ads (DoubleClick)"), ("_uetsid", "marketing", "Microsoft Advertising"),
        ("_uetvid", "marketing", "Microsoft Advertising"), ("li_sugr", "marketing", "LinkedIn"), ("_ttp", "marketing", "TikTok Pixel"),
    ]

    static let entries: [Entry] = list.map { Entry(pattern: Cookie(name: $0.name, provider: $0.provider, purpose: ""), category: $0.category) }

    static func entry(for name: String) -> Entry? { entries.first { $0.pattern.matches(name) } }
}
