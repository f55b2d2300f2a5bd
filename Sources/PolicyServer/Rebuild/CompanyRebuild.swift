import Foundation
import PolicyBuild
import PolicyDiagnostics
import PolicyModel
import PolicyRender

/// Serve's sink for a run of `SiteDriver` over a few companies (`CompanySubsetFileSystem`):
/// their pages go into the existing output folder, in place.
///
/// The driver renders exactly the pages a full build would for these companies, whatever kinds
/// of page the build plan has. The rebuild only handles edits that leave every other page's
/// bytes as they were: the same slug (URLs), the same languages (switchers, site languages),
/// the same archived versions and the same `last_updated` dates (sitemap.xml). Anything else
/// writes nothing and leaves `rebuilt` nil: the caller rebuilds the whole site, so the fast
/// path never leaves a stale page behind.
struct CompanyRebuild: PageSink {
    typealias Failure = any Error

    /// The site that last built cleanly.
    let live: LiveSite
    /// The company folders reloaded, as `Company.folder` names them.
    let folders: Set<String>
    let outputPath: String
    let bodies: BodyCache
    let renderCache: RenderCache
    private var companies: [Company] = []
    private var pages: [RenderedPage] = []
    private var fingerprints: [String: String] = [:]
    /// The live site with the companies swapped in, once their pages are written; nil when
    /// other pages depend on what changed (nothing was written).
    private(set) var rebuilt: LiveSite?
    /// How many files were written.
    private(set) var written = 0
    /// The run's problems (warnings), once it finished.
    private(set) var diagnostics: [Diagnostic] = []

    init(live: LiveSite, folders: Set<String>, outputPath: String, bodies: BodyCache, renderCache: RenderCache) {
        self.live = live
        self.folders = folders
        self.outputPath = outputPath
        self.bodies = bodies
        self.renderCache = renderCache
    }

    mutating func take(_ chunk: SiteDriver.Chunk) {
        companies += chunk.site.companies
        pages += chunk.pages
        fingerprints.merge(chunk.fingerprints) { _, new in new }
    }

    /// Merges the companies into the live site when no other page depends on what changed, and
    /// writes their pages (with the home page and `policies.json` when their entries changed).
    mutating func finish(_ opening: SiteDriver.Opening, diagnostics: [Diagnostic]) throws {
        self.diagnostics = diagnostics
        guard companies.count == folders.count, let site = Self.merge(opening.site(with: companies), into: live.site) else { return }
        var index = live.index
        let all = Self.pages(
            from: pages, companies: companies, merged: site, theme: opening.theme, bodies: bodies, today: opening.today, index: &index)
        written = try Self.write(all, to: outputPath)
        renderCache.record(fingerprints, output: outputPath)
        rebuilt = LiveSite(site: site, theme: opening.theme, index: index)
    }

    /// The live site with the reloaded companies swapped in, or nil when other pages depend
    /// on what changed.
    static func merge(_ reloaded: Site, into live: Site) -> Site? {
        // Under `missing_translation: fallback` every company is published in every site
        // language, so a subset with fewer languages would render different pages.
        guard reloaded.languages == live.languages || reloaded.config.options.missingTranslation == .omit else { return nil }
        var site = live
        for company in reloaded.companies {
            guard let index = site.companies.firstIndex(where: { $0.folder == company.folder }),
                SitewideFacts(site.companies[index]) == SitewideFacts(company)
            else { return nil }
            site.companies[index] = company
        }
        return site.languages == live.languages ? site : nil
    }

    /// What pages outside a company's own folder of URLs show about it.
    private struct SitewideFacts: Equatable {
        var slug: String
        var languages: [LanguageCode]
        var dates: [LanguageCode: PolicyDate]
        var archive: [String]

        init(_ company: Company) {
            slug = company.slug
            languages = company.languages
            dates = company.policies.mapValues(\.frontMatter.lastUpdated)
            archive = company.archive.map { archived in
                "\(archived.version):" + archived.policies.map { "\($0.key)=\($0.value.frontMatter.lastUpdated)" }.sorted().joined(separator: ",")
            }
        }
    }

    /// The reloaded companies' pages, and the home page and the `policies.json` index when a
    /// reloaded company's entry in them changed (they list every company's name, summary,
    /// version and date); `index` gets the new entries. Nothing here visits every company
    /// unless one of those two files has to change.
    static func pages(
        from own: [RenderedPage], companies: [Company], merged: Site, theme: Theme, bodies: BodyCache, today: PolicyDate,
        index: inout [String: CompanyIndexEntry]
    ) -> [RenderedPage] {
        let renderer = SiteRenderer(site: merged, theme: theme, bodies: bodies, today: today)
        var homeChanged = false, policiesChanged = false
        for company in companies {
            let entry = CompanyIndexEntry(company, renderer: renderer)
            let old = index[company.folder]
            homeChanged = homeChanged || old?.homes != entry.homes
            policiesChanged = policiesChanged || old?.policies != entry.policies
            index[company.folder] = entry
        }
        guard homeChanged || policiesChanged else { return own }
        let entries = merged.companies.map { index[$0.folder] ?? CompanyIndexEntry($0, renderer: renderer) }
        return own + (homeChanged ? renderer.renderHomes(entries.map(\.homes)) : [])
            + (policiesChanged ? [renderer.renderIndexJSON(entries.flatMap(\.policies))] : [])
    }

    /// Writes pages whose bytes changed, each by an atomic rename, so a request never reads a
    /// half-written page. Returns how many files were written.
    static func write(_ pages: [RenderedPage], to outputPath: String) throws -> Int {
        let output = URL(fileURLWithPath: outputPath)
        OutputWriter.outputChangedOutsideABuild(outputPath)
        var written = 0
        for page in pages where !page.isUnchanged {
            let target = output.appendingPathComponent(page.path)
            if let existing = try? Data(contentsOf: target), existing == page.contents { continue }
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try page.contents.write(to: target, options: .atomic)
            written += 1
        }
        return written
    }
}
