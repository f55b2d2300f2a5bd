import PolicyModel
import PolicyRender

/// `sitemap.xml` with every page and its language alternates, as search engines expect for
/// multilingual sites (`xhtml:link rel="alternate" hreflang`).
enum Sitemap {
    struct Entry {
        var path: String
        var lastModified: PolicyDate?
        /// Language → page path, the same page in every language, for hreflang.
        var alternates: [(LanguageCode, String)]
    }

    /// The sitemap made of `fragments`, each the `<url>` elements of some entries.
    static func document(_ fragments: [String]) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">

        """ + fragments.joined() + "</urlset>\n"
    }

    /// The `<url>` elements of `entries`: a company's part of the sitemap, kept as text between
    /// builds so a build that skips the company need not rebuild its entries.
    static func fragment(_ entries: [Entry], config: SiteConfig) -> String {
        var xml = ""
        for entry in entries {
            xml += "  <url>\n    <loc>\(escapeXML(config.absoluteURL(entry.path)))</loc>\n"
            if let date = entry.lastModified { xml += "    <lastmod>\(date)</lastmod>\n" }
            if entry.alternates.count > 1 {
                for (language, path) in entry.alternates {
                    xml += "    <xhtml:link rel=\"alternate\" hreflang=\"\(language)\" href=\"\(escapeXML(config.absoluteURL(path)))\"/>\n"
                }
                xml += "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"\(escapeXML(config.absoluteURL(entry.alternates[0].1)))\"/>\n"
            }
            xml += "  </url>\n"
        }
        return xml
    }
}
