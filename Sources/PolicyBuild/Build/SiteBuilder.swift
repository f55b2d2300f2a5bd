public import Foundation
import PolicyConcurrency
public import PolicyContent
public import PolicyDiagnostics
public import PolicyFiles
public import PolicyModel
public import PolicyRender
import PolicyTranslations

/// `policysite build`: content/ and a theme in, a complete static site out. The pass itself is
/// `SiteDriver`'s (shared with `check` and serve); this type owns what a build adds around it:
/// the output refusal, the lock, and the long-lived caches every run of a process shares.
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

    /// `build`, once the output is known to be the build's and no other build writes it: the
    /// driver's run into the staging folder (`StagingSink`).
    private func buildHoldingLock(_ options: BuildOptions) throws(BuildError) -> BuildReport {
        let start = now()
        var clock = BuildClock(now: now)
        // A build into a folder that holds no site yet (a fresh clone in CI, nearly always)
        // reads the archive cache but does not fill it: the entries are for a next build into
        // the same place, which in CI never comes. Skipping them changes no output: an entry
        // only spares a parse, and a file without one is parsed. The next build there fills
        // the cache as it parses.
        let archives = fileSystem.isDirectory(options.outputPath) ? options.archiveCache : options.archiveCache?.readingOnly
        let driver = SiteDriver.build(options, builder: self, archives: archives)
        let (opened, problems) = driver.open(clock: &clock)
        guard let opening = opened else { throw .invalidContent(problems) }
        var sink: StagingSink
        do {
            sink = try StagingSink(opening, builder: self, options: options, archives: archives)
        } catch {
            renderCache.reset()
            throw .output(path: options.outputPath, underlying: plainMessage(error))
        }
        let outcome: SiteDriver.Outcome
        do {
            let reusable = sink.reusable
            outcome = try driver.run(opening, into: &sink, reusable: reusable, clock: &clock)
        } catch {
            sink.abandon()
            renderCache.reset()
            throw .output(path: options.outputPath, underlying: plainMessage(error))
        }
        guard case .finished(let diagnostics) = outcome else { throw .invalidContent(outcome.diagnostics) }
        return BuildReport(
            phases: clock.phases, diagnostics: diagnostics, pages: sink.pageCount, written: sink.summary.written, unchanged: sink.summary.unchanged,
            companiesReused: sink.companiesReused, seconds: now().timeIntervalSince(start), prepared: sink.prepared(opening, diagnostics: diagnostics))
    }
}
