public import Foundation
public import PolicyModel
public import PolicyRender

public struct BuildOptions: Sendable {
    public var contentPath: String
    public var themesPath: String
    public var outputPath: String
    /// Warnings (stale translations, missing UI strings) fail the build too.
    public var strict: Bool
    /// Called after each batch of pages with how many are done of how many (a terminal shows it).
    public var progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?
    /// Parsed archived texts kept on disk between runs (the CLI keeps them beside the output).
    public var archiveCache: ArchiveCache?

    public init(contentPath: String = "content", themesPath: String = "themes", outputPath: String = "public", strict: Bool = false) {
        self.contentPath = contentPath
        self.themesPath = themesPath
        self.outputPath = outputPath
        self.strict = strict
    }
}

public struct BuildReport: Sendable {
    /// Seconds spent in each phase, in order: load, render, write.
    public var phases: [(name: String, seconds: Double)] = []
    public var diagnostics: [Diagnostic]
    public var pages: Int
    public var written: Int
    public var unchanged: Int
    public var seconds: Double
    /// What was built, for callers that keep it (serve's fast path for one company).
    public var prepared: PreparedSite?
}

public enum BuildError: Error, CustomStringConvertible {
    /// The content has problems; nothing was written.
    case invalidContent([Diagnostic])
    /// Writing the output failed; the previous output is untouched.
    case output(path: String, underlying: String)

    public var description: String {
        switch self {
        case .invalidContent(let diagnostics):
            let errors = diagnostics.errors.count, warnings = diagnostics.warnings.count
            return
                "build failed: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s"); the previous output was left as it was. Fix the problems above and build again."
        case let .output(path, underlying):
            return "could not write the site to \(path): \(underlying); the previous output was left as it was."
        }
    }
}

/// Everything a build has checked and is ready to render: the loaded site and its theme.
public struct PreparedSite: Sendable {
    public let site: Site
    public let theme: Theme
    public let diagnostics: [Diagnostic]
}

/// `policysite build`: content/ and a theme in, a complete static site out.
public struct SiteBuilder: Sendable {
    public var fileSystem: any FileSystem
    /// Parsed policies and rendered bodies survive between builds of one process (serve).
    public let documents: DocumentCache
    public let bodies: BodyCache
    /// Fingerprints of the pages last written, so unchanged pages are not rendered again.
    public let renderCache: RenderCache
    public var now: @Sendable () -> Date

    public init(
        fileSystem: any FileSystem = LocalFileSystem(), documents: DocumentCache = DocumentCache(), bodies: BodyCache = BodyCache(),
        renderCache: RenderCache = RenderCache(), now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.fileSystem = fileSystem
        self.documents = documents
        self.bodies = bodies
        self.renderCache = renderCache
        self.now = now
    }

    /// Loads and checks content and theme without writing anything (`check`, and the first
    /// half of `build`).
    public func prepare(_ options: BuildOptions) -> (PreparedSite?, [Diagnostic]) {
        let loaded = ContentLoader(fileSystem: fileSystem, cache: documents, themesPath: options.themesPath, archiveCache: options.archiveCache)
            .load(contentPath: options.contentPath)
        var diagnostics = loaded.diagnostics
        guard let site = loaded.site else { return (nil, diagnostics) }
        let (theme, themeProblems) = Theme.load(
            themesDirectory: options.themesPath, name: site.config.theme, defaultLanguage: site.config.defaultLanguage, fileSystem: fileSystem)
        diagnostics += themeProblems
        guard let theme else { return (nil, diagnostics) }
        diagnostics += theme.translations.diagnostics(for: site.languages, themeDirectory: theme.directory)
        diagnostics = diagnostics.sortedByLocation()
        return (PreparedSite(site: site, theme: theme, diagnostics: diagnostics), diagnostics)
    }

    /// Renders every page of the site in memory, in parallel.
    /// Renders every page of the site in memory, in parallel. With `output`, pages whose
    /// inputs are unchanged since the last build into that folder come back as `.unchanged`.
    public func render(_ prepared: PreparedSite, reusing output: String? = nil) -> [RenderedPage] {
        renderWithFingerprints(prepared, reusing: output).pages
    }

    /// `render`, also returning each page's fingerprint; after writing the pages, hand the
    /// fingerprints to `renderCache.record` so the next build can skip unchanged pages.
    public func renderWithFingerprints(_ prepared: PreparedSite, reusing output: String?) -> (pages: [RenderedPage], fingerprints: [String: String]) {
        var pages: [RenderedPage] = []
        let fingerprints = renderInBatches(prepared, reusing: output, batchSize: .max) { pages += $0 }
        return (pages, fingerprints)
    }

    /// Renders the site in batches of `batchSize` pages (each batch in parallel) and hands each
    /// batch to `consume` before rendering the next, so memory holds one batch at a time.
    /// Returns the fingerprints of every page.
    @discardableResult
    func renderInBatches(
        _ prepared: PreparedSite, reusing output: String?, batchSize: Int, progress: (@Sendable (Int, Int) -> Void)? = nil,
        consume: ([RenderedPage]) throws -> Void
    ) rethrows -> [String: String] {
        let today = PolicyDate(now())
        let renderer = SiteRenderer(site: prepared.site, theme: prepared.theme, bodies: bodies, today: today)
        let jobs = PagePlan.jobs(for: prepared.site, renderer: renderer)
        if let output { renderCache.prepare(output: output) }
        let cache = renderCache
        var fingerprints: [String: String] = [:]
        var start = 0
        while start < jobs.count {
            let batch = Array(jobs[start..<min(jobs.count, start &+ batchSize)])
            start += batch.count
            let results = ConcurrentMap.map(batch) { job -> (RenderedPage?, String?) in
                let fingerprint = job.fingerprint(site: prepared.site, theme: prepared.theme, today: today)
                if let output, let fingerprint, cache.isCurrent(job.path, fingerprint, output: output) {
                    return (.unchanged(job.path), fingerprint)
                }
                return (job.render(renderer), fingerprint)
            }
            for (job, result) in zip(batch, results) where result.0 != nil {
                if let fingerprint = result.1 { fingerprints[job.path] = fingerprint }
            }
            try consume(results.compactMap(\.0))
            progress?(start, jobs.count)
        }
        try consume(PagePlan.siteFiles(for: prepared.site, renderer: renderer))
        return fingerprints
    }

    public func build(_ options: BuildOptions) throws(BuildError) -> BuildReport {
        let start = now()
        var phases: [(String, Double)] = []
        var mark = start
        func lap(_ name: String) {
            let time = now()
            phases.append((name, time.timeIntervalSince(mark)))
            mark = time
        }
        let (prepared, diagnostics) = prepare(options)
        lap("load and check")
        guard let prepared, !diagnostics.hasErrors, !(options.strict && !diagnostics.warnings.isEmpty) else {
            throw .invalidContent(diagnostics)
        }
        // Render and write in batches: a thousand-company site never sits in memory whole.
        let assets = prepared.theme.assetCopies
        var staging: OutputWriter.Staging?
        let summary: OutputWriter.Summary
        var pageCount = 0
        let fingerprints: [String: String]
        do {
            let open = try OutputWriter.Staging(writer: OutputWriter(outputPath: options.outputPath))
            staging = open
            fingerprints = try renderInBatches(prepared, reusing: options.outputPath, batchSize: 512, progress: options.progress) { batch in
                pageCount += batch.count
                try open.add(batch)
            }
            lap("render and write pages")
            summary = try open.finish(assets: assets)
        } catch {
            staging?.abort()
            renderCache.reset()
            throw .output(path: options.outputPath, underlying: "\(error)")
        }
        renderCache.save(fingerprints, output: options.outputPath)
        lap("assets and swap")
        return BuildReport(
            phases: phases, diagnostics: diagnostics, pages: pageCount + assets.count, written: summary.written,
            unchanged: summary.unchanged, seconds: now().timeIntervalSince(start), prepared: prepared)
    }
}
