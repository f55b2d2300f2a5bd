import PolicyContent
import PolicyDiagnostics
import PolicyFiles
import PolicyModel

/// Loads a site's companies a few at a time, so a build holds one chunk of companies in
/// memory instead of the whole site: memory grows with the largest company, not the site.
///
/// Each chunk is a `Site` of those companies that knows every language of the whole site
/// (from the outline), so its pages are the pages a build of the whole site renders.
struct CompanyStream: IteratorProtocol {
    struct Chunk {
        /// The companies loaded, as a site.
        var site: Site
        /// Companies not loaded because nothing in their folders changed since the last build.
        var reused: [(name: String, reuse: CompanyManifest.Reuse)] = []
        /// Problems of these companies: loading, slugs, translations.
        var diagnostics: [Diagnostic]
    }

    let loader: ContentLoader
    let outline: SiteOutline
    /// Companies per chunk: enough to keep every core busy loading and rendering, few enough
    /// that a chunk of large policies with years of history stays small.
    let chunkSize: Int
    /// Companies by folder name whose last build's record can stand in for loading them.
    let reusable: [String: CompanyManifest.Reuse]
    private var slugs: SlugRegister
    private var position = 0

    init(loader: ContentLoader, outline: SiteOutline, reusable: [String: CompanyManifest.Reuse] = [:], chunkSize: Int = 16) {
        self.loader = loader
        self.outline = outline
        self.reusable = reusable
        self.chunkSize = max(1, chunkSize)
        self.slugs = SlugRegister(for: outline)
    }

    var companyCount: Int { outline.folders.count }
    /// Companies handed out so far.
    var loaded: Int { position }

    mutating func next() -> Chunk? {
        guard position < outline.folders.count else { return nil }
        let names = Array(outline.folders[position..<min(outline.folders.count, position + chunkSize)])
        position += names.count
        var diagnostics: [Diagnostic] = []
        var companies: [Company] = []
        var reused: [(name: String, reuse: CompanyManifest.Reuse)] = []
        let toLoad = names.filter { reusable[$0] == nil }
        let loaded = Dictionary(uniqueKeysWithValues: zip(toLoad, loader.loadCompanies(toLoad, of: outline)))
        // In folder order, so the first folder to claim a slug keeps it whichever way each loads.
        for name in names {
            if let reuse = reusable[name] {
                if let duplicate = slugs.admit(slug: reuse.record.slug, folder: joinPath(outline.contentPath, name)) {
                    diagnostics.append(duplicate)
                } else {
                    reused.append((name, reuse))
                    diagnostics += reuse.record.diagnostics
                }
                continue
            }
            guard let (company, problems) = loaded[name] else { continue }
            diagnostics += problems
            guard let company else { continue }
            if let duplicate = slugs.admit(company) { diagnostics.append(duplicate) } else { companies.append(company) }
        }
        let site = outline.site(with: companies, allLanguages: true)
        diagnostics += TranslationChecks.check(site)
        return Chunk(site: site, reused: reused, diagnostics: diagnostics)
    }
}
