import PolicyModel
import PolicyRender

/// `sitemap.xml` with every page and its language alternates, as search engines expect for
/// multilingual sites (`xhtml:link rel="alternate" hreflang`).
enum Sitemap {
    struct Entry: Equatable {
        var path: String
        var lastModified: PolicyDate?
        /// The same page in every language, for hreflang.
        var alternates: [Alternate]

        init(path: String, lastModified: PolicyDate?, alternates: [(LanguageCode, String)]) {
            self.path = path
            self.lastModified = lastModified
            self.alternates = alternates.map { Alternate(language: $0.0, path: $0.1) }
        }
    }

    struct Alternate: Equatable {
        var language: LanguageCode
        var path: String
    }

    static func render(_ entries: [Entry], config: SiteConfig) -> String {
        document([fragment(entries, config: config)])
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
                for alternate in entry.alternates {
                    xml +=
                        "    <xhtml:link rel=\"alternate\" hreflang=\"\(alternate.language)\" href=\"\(escapeXML(config.absoluteURL(alternate.path)))\"/>\n"
                }
                xml += "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"\(escapeXML(config.absoluteURL(entry.alternates[0].path)))\"/>\n"
            }
            xml += "  </url>\n"
        }
        return xml
    }
}
