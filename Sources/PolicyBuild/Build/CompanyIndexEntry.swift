import Foundation
import PolicyFiles
public import PolicyModel
public import PolicyRender

/// The few facts about one company that pages outside its own folder show: its home-page
/// entry, its lines in `policies.json` and in the sitemap. A streaming build keeps these and
/// drops the company once its pages are written.
public struct CompanyIndexEntry: Sendable, Codable, Equatable {
    /// Its entry on each language's home page, by language code.
    public var homes: [String: HomeEntry]
    public var policies: [PoliciesIndex.Entry]
    /// Its `<url>` elements in sitemap.xml.
    var sitemap: String

    public init(_ company: Company, renderer: SiteRenderer) {
        homes = renderer.homeEntries(company)
        policies = renderer.indexEntries(company)
        sitemap = Sitemap.fragment(PagePlan.sitemapEntries(for: company, renderer: renderer), config: renderer.site.config)
    }
}

extension CompanyIndexEntry {
    /// A hash of the entry: equal digests, equal entries.
    var digest: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return sha256Hex((try? encoder.encode(self)) ?? Data())
    }
}
