public import PolicyModel
import PolicyTranslations

/// What the home page says about one company. The site-wide files (home page, `policies.json`,
/// sitemap) need a few facts per company, never its texts, so a streaming build keeps these
/// small values after a company's own pages are written and drops the company.
public struct HomeEntry: Sendable, Equatable, Codable {
    public struct Link: Sendable, Equatable, Codable {
        /// Language code, for links to the company's languages; empty for page links.
        public var code = ""
        /// The link text: a UI string, or the language's own name.
        public var label: String
        public var href: String

        init(label: String, href: String) {
            self.label = label
            self.href = href
        }

        init(code: String, name: String, href: String) {
            self.code = code
            label = name
            self.href = href
        }
    }

    public var name: String
    public var legalName: String
    public var summary: String
    /// Already formatted in the site's default language.
    public var lastUpdated: String
    public var href: String
    /// The language of the pages it links to and of its summary, which the home page in
    /// another language marks as such (`lang`, `dir`).
    public var language: String
    public var links: [Link]
    public var languages: [Link]
}
