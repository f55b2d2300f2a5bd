import Foundation
import PolicyConcurrency
import PolicyContent
import PolicyDiagnostics
import PolicyFiles
import PolicyModel
import PolicyRender

/// `build`'s sink: each chunk's pages go to the staging folder on the background writer, with
/// the fingerprints, index entries and manifest records the next build reuses; the site-wide
/// files and the theme's assets come last, and the staging folder replaces the output.
///
/// Made once the driver has opened the site: what the last build recorded decides which
/// companies need not be loaded at all (`reusable`).
struct StagingSink: PageSink {
    let builder: SiteBuilder
    let options: BuildOptions
    let buildKey: String
    /// The last build's record, when it was made under the same key.
    let previous: CompanyManifest?
    /// Companies by folder name whose last build's record stands in for loading them.
    let reusable: [String: CompanyManifest.Reuse]
    private let staging: OutputWriter.Staging
    private let writer: BackgroundWriter
    private var collected: Collected
    /// Companies rendered, kept for later runs when `keepsSite`.
    private var kept: [Company] = []
    private(set) var pageCount = 0
    private(set) var summary = OutputWriter.Summary()

    /// Reads what the last build into the output recorded and opens the staging folder.
    init(_ opening: SiteDriver.Opening, builder: SiteBuilder, options: BuildOptions, archives: ArchiveCache?) throws {
        self.builder = builder
        self.options = options
        let outline = opening.outline
        buildKey = BuildCache.buildKey(theme: opening.theme, outline: outline, drafts: options.drafts)
        builder.renderCache.prepare(output: options.outputPath, key: buildKey)
        SealedFile.removeLeftovers(in: BuildCache(output: options.outputPath).folder)
        if let archives { SealedFile.removeLeftovers(in: archives.directory) }
        // Companies whose files are as the last build left them are not loaded (serve keeps
        // every company in memory, so it loads them all and stamps none).
        let digests = options.keepsSite ? [] : ConcurrentMap.map(outline.folders) { FolderDigest.digest(under: joinPath(outline.contentPath, $0)) }
        let stamps = Dictionary(zip(outline.folders, digests)) { first, _ in first }
        self.stamps = stamps
        let manifest = CompanyManifest(key: CompanyManifest.key(build: buildKey, today: opening.today))
        collected = Collected(manifest: manifest)
        previous = options.keepsSite ? nil : CompanyManifest.load(output: options.outputPath, key: manifest.key)
        reusable = previous.map { Self.reusableRecords($0, stamps: stamps, output: options.outputPath, cache: builder.renderCache) } ?? [:]
        staging = try OutputWriter.Staging(writer: OutputWriter(outputPath: options.outputPath, keepsPrevious: true))
        // The output files of skipped companies were looked up already.
        staging.knownInodes = Dictionary(reusable.values.flatMap { $0.pages.map { ($0.path, $0.inode) } }) { first, _ in first }
        writer = BackgroundWriter(staging)
    }

    /// Each company folder's digest, when it can be skipped by a later build.
    private let stamps: [String: String?]

    mutating func take(_ chunk: SiteDriver.Chunk) throws {
        if options.keepsSite { kept += chunk.site.companies }
        let pages = pages(of: chunk)
        // Written while the next chunk loads and renders.
        try writer.submit(pages)
        pageCount += pages.count
    }

    mutating func endOfChunks() throws { try writer.drain() }

    /// Leaves the output as it was.
    mutating func abandon() {
        try? writer.drain()
        staging.abort()
    }

    /// The site-wide files (kept when no company's entry in them changed), the theme's
    /// assets, the swap into the output, and the records of this build for the next.
    mutating func finish(_ opening: SiteDriver.Opening, diagnostics: [Diagnostic]) throws {
        let outline = opening.outline, theme = opening.theme, today = opening.today
        let files: [RenderedPage]
        var entries: [String: CompanyIndexEntry]?
        if let previous, collected.keepsSiteFiles(of: previous, folders: outline.folders, output: options.outputPath, cache: builder.renderCache) {
            // The same companies in the same order, and no entry changed: the site-wide
            // files are as they were.
            files = previous.siteFiles.map(RenderedPage.unchanged)
            collected.manifest.indexFile = previous.indexFile
        } else {
            let all = collected.entries(of: outline.folders, previous: previous, output: options.outputPath) { names in
                Self.entries(loading: names, loader: opening.loader, outline: outline, theme: theme, today: today)
            }
            let renderer = SiteRenderer(site: opening.wholeSite, theme: theme, bodies: builder.bodies, today: today)
            files = PagePlan.siteFiles(index: outline.folders.compactMap { all[$0] }, renderer: renderer)
            collected.manifest.indexFile = CompanyIndexFile.name(
                output: options.outputPath, digests: outline.folders.map { collected.digests[$0] ?? "-" }, key: collected.manifest.key)
            entries = all
        }
        collected.manifest.order = outline.folders
        collected.manifest.siteFiles = files.map(\.path)
        try staging.add(files)
        pageCount += files.count
        // Read through the site's file system, not from disk: the built-in theme's assets
        // are in memory (`built-in:themes/default/assets/…`).
        let assets = theme.assetCopies
        try staging.add(assets.map { RenderedPage(path: $0.destination, contents: try builder.fileSystem.readFile($0.source)) })
        pageCount += assets.count
        let summary = try staging.finish(assets: [])
        self.summary = summary
        builder.renderCache.save(
            collected.fingerprints, siteFiles: collected.manifest.siteFiles, output: options.outputPath, key: buildKey,
            // Empty when nothing was swapped in: a file is touched only after the staging folder exists.
            changed: staging.touched)
        // A build that skipped every company has nothing new to record.
        if let previous, collected.manifest != previous { collected.manifest.save(output: options.outputPath, entries: entries) }
    }

    /// Companies skipped because their files did not change.
    var companiesReused: Int { collected.reused }

    /// What was built, for later runs of this process (serve), when `keepsSite` asked for it.
    func prepared(_ opening: SiteDriver.Opening, diagnostics: [Diagnostic]) -> PreparedSite? {
        guard options.keepsSite else { return nil }
        return PreparedSite(
            site: opening.outline.site(with: kept), theme: opening.theme, diagnostics: diagnostics,
            index: Dictionary(collected.index.map { (joinPath(opening.outline.contentPath, $0.key), $0.value) }) { first, _ in first })
    }

    /// The pages of one chunk: a skipped company's pages are kept as they are, the others'
    /// rendered (or kept when their fingerprint is unchanged). Records each company's index
    /// entry, fingerprints and manifest record.
    private mutating func pages(of chunk: SiteDriver.Chunk) -> [RenderedPage] {
        var pages: [RenderedPage] = []
        collected.reused += chunk.reused.count
        for (name, reuse) in chunk.reused {
            for (path, fingerprint, _) in reuse.pages {
                pages.append(.unchanged(path))
                collected.fingerprints[path] = fingerprint
            }
            collected.digests[name] = reuse.record.entry
            collected.manifest.companies[name] = reuse.record
        }
        pages += chunk.pages
        collected.fingerprints.merge(chunk.fingerprints) { _, new in new }
        let today = chunk.renderer.today
        for company in chunk.site.companies {
            let name = (company.folder as NSString).lastPathComponent
            let entry = CompanyIndexEntry(company, renderer: chunk.renderer)
            let digest = entry.digest
            collected.index[name] = entry
            collected.digests[name] = digest
            // A company with a version waiting for its date changes on that date: never skipped.
            guard let stamps = stamps[name] ?? nil, !SiteRenderer.hasScheduledVersion(company, today: today) else { continue }
            collected.manifest.companies[name] = CompanyManifest.Record(
                files: stamps, slug: company.slug, entry: digest,
                diagnostics: chunk.diagnostics.filter { $0.location.file.hasPrefix(company.folder + "/") })
        }
        return pages
    }
}

extension StagingSink {
    /// What a build gathers from its chunks for the site-wide files and for the next build.
    struct Collected {
        /// The entry in the site-wide files of each company rendered, by folder name.
        var index: [String: CompanyIndexEntry] = [:]
        /// The digest of every company's entry, rendered or skipped.
        var digests: [String: String] = [:]
        var fingerprints: [String: String] = [:]
        var manifest: CompanyManifest
        /// Companies skipped because their files did not change.
        var reused = 0

        /// Whether the site-wide files of the last build stand: the same companies in the same
        /// order, each recorded with the entry it had, and every file still in the output.
        func keepsSiteFiles(of previous: CompanyManifest, folders: [String], output: String, cache: RenderCache) -> Bool {
            previous.order == folders && !previous.siteFiles.isEmpty
                && folders.allSatisfy { name in manifest.companies[name].map { $0.entry == previous.companies[name]?.entry } ?? false }
                && previous.siteFiles.allSatisfy { cache.isIntact($0, output: output) }
        }

        /// The index entries of `folders`: those rendered by this build, the others from the last
        /// build's index file (read only when some company was skipped). A company the file
        /// cannot supply (it is gone or damaged) is loaded again to make its entry.
        func entries(
            of folders: [String], previous: CompanyManifest?, output: String, loading: ([String]) -> [String: CompanyIndexEntry]
        ) -> [String: CompanyIndexEntry] {
            let skipped = folders.filter { index[$0] == nil && digests[$0] != nil }
            guard !skipped.isEmpty else { return index }
            let stored = previous.flatMap { CompanyIndexFile.load(output: output, name: $0.indexFile, key: $0.key) } ?? [:]
            var all = index
            for name in skipped { all[name] = stored[name] }
            return all.merging(loading(skipped.filter { all[$0] == nil })) { first, _ in first }
        }
    }

    /// The index entries of companies loaded again for them alone (their cached entries could
    /// not be read).
    static func entries(loading names: [String], loader: ContentLoader, outline: SiteOutline, theme: Theme, today: PolicyDate) -> [String: CompanyIndexEntry] {
        guard !names.isEmpty else { return [:] }
        let companies = loader.loadCompanies(names, of: outline).compactMap(\.0)
        let renderer = SiteRenderer(site: outline.site(with: companies, allLanguages: true), theme: theme, bodies: BodyCache(), today: today)
        return Dictionary(companies.map { (($0.folder as NSString).lastPathComponent, CompanyIndexEntry($0, renderer: renderer)) }) { first, _ in first }
    }

    /// The records of `manifest` that can stand in for loading their company: its files are
    /// stamped as recorded and every page it wrote is in the output with a known fingerprint.
    static func reusableRecords(_ manifest: CompanyManifest, stamps: [String: String?], output: String, cache: RenderCache) -> [String: CompanyManifest.Reuse] {
        let candidates = Array(manifest.companies.filter { name, record in stamps[name].flatMap { $0 } == record.files })
        let pages = cache.pagesByFolder()
        // Paths looked up from the output folder, not from the working directory.
        let folder = open(output, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { return [:] }
        defer { close(folder) }
        let usable = ConcurrentMap.map(candidates) { name, record -> (String, CompanyManifest.Reuse)? in
            var found: [(path: String, fingerprint: String, inode: UInt64)] = []
            for (path, fingerprint, stamp) in pages[record.slug] ?? [] {
                var info = stat()
                // A page changed in the output since (by hand, or an older copy put back) loads its company.
                guard fstatat(folder, path, &info, AT_SYMLINK_NOFOLLOW) == 0, RenderCache.stamp(info) == stamp else { return nil }
                found.append((path, fingerprint, UInt64(info.st_ino)))
            }
            return found.isEmpty ? nil : (name, CompanyManifest.Reuse(record: record, pages: found))
        }
        return Dictionary(usable.compactMap { $0 }) { first, _ in first }
    }
}
