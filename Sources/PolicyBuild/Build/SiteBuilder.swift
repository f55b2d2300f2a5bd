public import Foundation
import PolicyConcurrency
public import PolicyContent
public import PolicyDiagnostics
public import PolicyFiles
public import PolicyModel
public import PolicyRender
import PolicyTranslations

/// `policysite build`: content/ and a theme in, a complete static site out.
public struct SiteBuilder: Sendable {
    public var fileSystem: any FileSystem
    /// Parsed policies and rendered bodies survive between builds of one process (serve).
    public let documents: DocumentCache
    public let bodies: BodyCache
    /// Fingerprints of the pages last written, so unchanged pages are not rendered again.
    public let renderCache: RenderCache
    public var now: @Sendable () -> Date
    /// Which folders a build may replace (the current and home folders it protects).
    public var outputTarget: OutputTarget

    public init(
        fileSystem: any FileSystem = LocalFileSystem(), documents: DocumentCache = DocumentCache(), bodies: BodyCache = BodyCache(),
        renderCache: RenderCache = RenderCache(), now: @escaping @Sendable () -> Date = Date.init, outputTarget: OutputTarget = OutputTarget()
    ) {
        self.outputTarget = outputTarget
        self.fileSystem = fileSystem
        self.documents = documents
        self.bodies = bodies
        self.renderCache = renderCache
        self.now = now
    }

    /// Loads and checks content and theme without writing anything (`check`, and the first
    /// half of `build`).
    /// With `theme`, that theme is used instead of loading it again (serve's fast path, which
    /// rebuilds everything when a theme file changes).
    public func prepare(_ options: BuildOptions, theme knownTheme: Theme? = nil) -> (PreparedSite?, [Diagnostic]) {
        var loader = ContentLoader(fileSystem: fileSystem, cache: documents, themesPath: options.themesPath, archiveCache: options.archiveCache)
        loader.publishedBy = PolicyDate(now())
        let loaded = loader.load(contentPath: options.contentPath)
        var diagnostics = loaded.diagnostics
        guard let site = loaded.site else { return (nil, diagnostics) }
        let (theme, themeProblems) =
            knownTheme.map { ($0, $0.translations.diagnostics(for: site.languages, themeDirectory: $0.directory)) } ?? loadTheme(for: site, options)
        diagnostics = (diagnostics + themeProblems).sortedByLocation()
        guard let theme else { return (nil, diagnostics) }
        return (PreparedSite(site: site, theme: theme, diagnostics: diagnostics), diagnostics)
    }

    /// The site's theme, and its missing UI strings for the site's languages.
    func loadTheme(for site: Site, _ options: BuildOptions) -> (Theme?, [Diagnostic]) {
        let (theme, problems) = Theme.load(
            themesDirectory: options.themesPath, name: site.config.theme, defaultLanguage: site.config.defaultLanguage, languages: site.languages,
            fileSystem: fileSystem)
        guard let theme else { return (nil, problems) }
        return (theme, problems + theme.translations.diagnostics(for: site.languages, themeDirectory: theme.directory))
    }

    /// Renders every page of the site in memory, in parallel (what a build writes, all at
    /// once: tests compare the two).
    public func render(_ prepared: PreparedSite, drafts: Bool = false) -> [RenderedPage] {
        let renderer = SiteRenderer(site: prepared.site, theme: prepared.theme, bodies: bodies, today: PolicyDate(now()), drafts: drafts)
        return renderCompanies(prepared.site, renderer: renderer, reusing: nil).pages + PagePlan.siteFiles(for: prepared.site, renderer: renderer)
    }

    /// The pages of the site's companies, rendered in parallel, with their fingerprints; with
    /// `output`, pages unchanged since the last build there come back as `.unchanged`.
    public func renderCompanies(_ site: Site, renderer: SiteRenderer, reusing output: String?) -> (pages: [RenderedPage], fingerprints: [String: String]) {
        let jobs = PagePlan.jobs(for: site, renderer: renderer)
        let cache = renderCache, today = renderer.today
        var inputs = PageInputDigests(site: site, theme: renderer.theme, drafts: renderer.showsDrafts)
        inputs.add(site.companies)
        let digests = inputs
        let results = ConcurrentMap.map(jobs) { job -> (RenderedPage?, String) in
            let fingerprint = digests.fingerprint(job, today: today)
            if let output, cache.isCurrent(job.path, fingerprint, output: output) {
                return (.unchanged(job.path), fingerprint)
            }
            return (job.render(renderer), fingerprint)
        }
        var fingerprints: [String: String] = [:]
        for (job, result) in zip(jobs, results) where result.0 != nil { fingerprints[job.path] = result.1 }
        return (results.compactMap(\.0), fingerprints)
    }

    /// Builds the site into `options.outputPath`, a chunk of companies at a time: each chunk is
    /// loaded, checked, rendered and written to the staging folder before the next is read, and
    /// the site-wide files come last from each company's small index entry. Any problem keeps
    /// loading (to report them all) but stops rendering, and leaves the output as it was.
    public func build(_ options: BuildOptions) throws(BuildError) -> BuildReport {
        do {
            try outputTarget.check(output: options.outputPath, content: options.contentPath, themes: options.themesPath)
        } catch {
            throw .refusedOutput(error)
        }
        // One build at a time into an output: two would swap, record and reuse the same
        // folders. The lock lives in the cache folder, never in the output.
        let lock: SiteLock?
        do {
            let cache = BuildCache(output: options.outputPath)
            cache.create()
            lock = try SiteLock.acquire(
                .exclusive, file: cache.lockFile, timeout: .seconds(600),
                waiting: { options.waiting?($0) })
        } catch {
            switch error {
            case let .busy(_, holder, waited):
                let who = holder.map { " (pid \($0))" } ?? ""
                throw .output(
                    path: options.outputPath,
                    underlying: "another build into it\(who) did not finish within \(waited.components.seconds) s; run the build again when it has")
            case .unusable: throw .output(path: options.outputPath, underlying: "\(error)")
            }
        }
        return try withExtendedLifetime(lock) { () throws(BuildError) -> BuildReport in try buildHoldingLock(options) }
    }

    /// `build`, once the output is known to be the build's and no other build writes it.
    private func buildHoldingLock(_ options: BuildOptions) throws(BuildError) -> BuildReport {
        let start = now()
        var clock = BuildClock(now: now)
        // A build into a folder that holds no site yet (a fresh clone in CI, nearly always)
        // reads the archive cache but does not fill it: the entries are for a next build into
        // the same place, which in CI never comes. Skipping them changes no output: an entry
        // only spares a parse, and a file without one is parsed. The next build there fills
        // the cache as it parses.
        let archives = fileSystem.isDirectory(options.outputPath) ? options.archiveCache : options.archiveCache?.readingOnly
        var loader = ContentLoader(
            fileSystem: fileSystem, cache: options.keepsSite ? documents : nil, themesPath: options.themesPath, archiveCache: archives)
        loader.publishedBy = PolicyDate(now())
        let (outline, outlineProblems) = loader.outline(contentPath: options.contentPath)
        var diagnostics = outlineProblems
        guard let outline else { throw .invalidContent(diagnostics.sortedByLocation()) }
        let wholeSite = outline.site(with: [], allLanguages: true)
        let (loadedTheme, themeProblems) = loadTheme(for: wholeSite, options)
        diagnostics += themeProblems
        guard let theme = loadedTheme else { throw .invalidContent(diagnostics.sortedByLocation()) }
        clock.lap(.load)

        func failing() -> Bool { diagnostics.hasErrors || (options.strict && !diagnostics.warnings.isEmpty) }
        let today = PolicyDate(now())
        let buildKey = BuildCache.buildKey(theme: theme, outline: outline, drafts: options.drafts)
        renderCache.prepare(output: options.outputPath, key: buildKey)
        SealedFile.removeLeftovers(in: BuildCache(output: options.outputPath).folder)
        if let archives { SealedFile.removeLeftovers(in: archives.directory) }
        var staging: OutputWriter.Staging?
        var writer: BackgroundWriter?
        var kept: [Company] = []
        var pageCount = 0
        // Companies whose files are as the last build left them are not loaded (serve keeps
        // every company in memory, so it loads them all and stamps none).
        let stamps = options.keepsSite ? [] : ConcurrentMap.map(outline.folders) { FolderDigest.digest(under: joinPath(outline.contentPath, $0)) }
        let stampsByName = Dictionary(zip(outline.folders, stamps)) { first, _ in first }
        var collected = Collected(manifest: CompanyManifest(key: CompanyManifest.key(build: buildKey, today: today)))
        let previous = options.keepsSite ? nil : CompanyManifest.load(output: options.outputPath, key: collected.manifest.key)
        let reusable = previous.map { reusableRecords($0, stamps: stampsByName, output: options.outputPath) } ?? [:]
        var stream = CompanyStream(loader: loader, outline: outline, reusable: reusable)
        do {
            let open = try OutputWriter.Staging(writer: OutputWriter(outputPath: options.outputPath, keepsPrevious: true))
            // The output files of skipped companies were looked up already.
            open.knownInodes = Dictionary(reusable.values.flatMap { $0.pages.map { ($0.path, $0.inode) } }) { first, _ in first }
            staging = open
            let background = BackgroundWriter(open)
            writer = background
            while let chunk = stream.next() {
                diagnostics += chunk.diagnostics
                if options.keepsSite { kept += chunk.site.companies }
                clock.lap(.load)
                // Keep loading to report every problem, but render nothing once one is found.
                guard !failing() else { continue }
                let pages = pages(of: chunk, theme: theme, today: today, options: options, stamps: stampsByName, into: &collected)
                clock.lap(.render)
                // Written while the next chunk loads and renders; `.write` is the wait for it.
                try background.submit(pages)
                pageCount += pages.count
                options.progress?(stream.loaded, stream.companyCount)
                clock.lap(.write)
            }
            try background.drain()
            clock.lap(.write)
        } catch {
            try? writer?.drain()
            staging?.abort()
            renderCache.reset()
            throw .output(path: options.outputPath, underlying: plainMessage(error))
        }
        diagnostics = diagnostics.sortedByLocation()
        guard !failing(), let staging else {
            staging?.abort()
            throw .invalidContent(diagnostics)
        }
        let assets = theme.assetCopies
        let summary: OutputWriter.Summary
        var entries: [String: CompanyIndexEntry]?
        do {
            let files: [RenderedPage]
            if let previous, collected.keepsSiteFiles(of: previous, folders: outline.folders, output: options.outputPath, cache: renderCache) {
                // The same companies in the same order, and no entry changed: the site-wide
                // files are as they were.
                files = previous.siteFiles.map(RenderedPage.unchanged)
                collected.manifest.indexFile = previous.indexFile
            } else {
                let all = collected.entries(of: outline.folders, previous: previous, output: options.outputPath) { names in
                    Self.entries(loading: names, loader: loader, outline: outline, theme: theme, today: today)
                }
                let renderer = SiteRenderer(site: wholeSite, theme: theme, bodies: bodies, today: today)
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
            try staging.add(assets.map { RenderedPage(path: $0.destination, contents: try fileSystem.readFile($0.source)) })
            summary = try staging.finish(assets: [])
        } catch {
            staging.abort()
            renderCache.reset()
            throw .output(path: options.outputPath, underlying: plainMessage(error))
        }
        renderCache.save(
            collected.fingerprints, siteFiles: collected.manifest.siteFiles, output: options.outputPath, key: buildKey, restamp: summary.replaced)
        // A build that skipped every company has nothing new to record.
        if let previous, collected.manifest != previous { collected.manifest.save(output: options.outputPath, entries: entries) }
        clock.lap(.finish)
        let prepared =
            options.keepsSite
            ? PreparedSite(
                site: outline.site(with: kept), theme: theme, diagnostics: diagnostics,
                index: Dictionary(collected.index.map { (joinPath(outline.contentPath, $0.key), $0.value) }) { first, _ in first }) : nil
        return BuildReport(
            phases: clock.phases, diagnostics: diagnostics, pages: pageCount + assets.count, written: summary.written, unchanged: summary.unchanged,
            companiesReused: collected.reused, seconds: now().timeIntervalSince(start), prepared: prepared)
    }
}

extension SiteBuilder {
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

    /// The pages of one chunk: a skipped company's pages are kept as they are, the others'
    /// rendered (or kept when their fingerprint is unchanged). Records each company's index
    /// entry, fingerprints and manifest record in `collected`.
    func pages(
        of chunk: CompanyStream.Chunk, theme: Theme, today: PolicyDate, options: BuildOptions, stamps: [String: String?],
        into collected: inout Collected
    ) -> [RenderedPage] {
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
        // A build runs no check that reads the prose's words, so its bodies leave them out.
        let renderer = SiteRenderer(
            site: chunk.site, theme: theme, bodies: options.keepsSite ? bodies : BodyCache(keepsPlainText: false), today: today,
            drafts: options.drafts)
        let (rendered, printed) = renderCompanies(chunk.site, renderer: renderer, reusing: options.outputPath)
        pages += rendered
        collected.fingerprints.merge(printed) { _, new in new }
        for company in chunk.site.companies {
            let name = (company.folder as NSString).lastPathComponent
            let entry = CompanyIndexEntry(company, renderer: renderer)
            let digest = entry.digest
            collected.index[name] = entry
            collected.digests[name] = digest
            // A company with a version waiting for its date changes on that date: never skipped.
            guard let stamps = stamps[name] ?? nil, !SiteRenderer.hasScheduledVersion(company, today: today) else { continue }
            collected.manifest.companies[name] = CompanyManifest.Record(
                files: stamps, slug: company.slug, entry: digest,
                diagnostics: chunk.diagnostics.filter { $0.location.file.hasPrefix(company.folder + "/") })
        }
        RetiredRenderer.release(consume renderer)
        return pages
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
    func reusableRecords(_ manifest: CompanyManifest, stamps: [String: String?], output: String) -> [String: CompanyManifest.Reuse] {
        let candidates = Array(manifest.companies.filter { name, record in stamps[name].flatMap { $0 } == record.files })
        let pages = renderCache.pagesByFolder()
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
