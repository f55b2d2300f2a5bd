import Foundation
public import PolicyContent
public import PolicyDiagnostics
public import PolicyModel
public import PolicyRender
import PolicyTranslations

/// The one pass of `build`, `check` and serve's rebuild of a few companies: the site's outline
/// (site.yml, company folders, languages), its theme, then a chunk of companies at a time
/// loaded, its problems collected, its pages rendered and handed to a `PageSink`, which writes
/// them (build, serve) or checks them (check). The three differ in their sink and in the
/// settings below, never in the order of the steps.
///
/// Any problem keeps the chunks loading, so that one run reports them all, but stops the
/// rendering; the sink is then told to `abandon` and `finish` never comes.
public struct SiteDriver: Sendable {
    /// Where the rendered bodies of a chunk's policies are kept.
    public enum Bodies: Sendable {
        /// In this cache, across chunks and runs (serve renders again what it kept).
        case shared(BodyCache)
        /// In a cache of the chunk's own, dropped with it; without the prose's plain text when
        /// nothing reads it (a build runs no check of the words).
        case perChunk(keepsPlainText: Bool)
    }

    /// What every chunk is loaded and rendered against.
    public struct Opening: Sendable {
        public let outline: SiteOutline
        public let theme: Theme
        /// The site without its companies but with all its languages: the site-wide files are
        /// rendered from it.
        public let wholeSite: Site
        public let today: PolicyDate
        /// site.yml's, the company folders' and the theme's problems.
        public let diagnostics: [Diagnostic]
        let loader: ContentLoader

        /// `companies` as a site of their own languages (not the whole site's), as a site
        /// loaded whole is.
        public func site(with companies: [Company]) -> Site { outline.site(with: companies) }
    }

    /// One chunk of companies, loaded and rendered.
    public struct Chunk {
        /// The chunk's companies as a site that knows every language of the whole site.
        public let site: Site
        /// The renderer of the chunk's pages, for what a sink derives from them (index entries,
        /// content checks). It is released after the sink's `take`: a sink must not keep it.
        public let renderer: SiteRenderer
        /// The chunk's pages; with `reusing`, unchanged ones are `.unchanged`.
        public let pages: [RenderedPage]
        /// The fingerprint of every page rendered or found unchanged, by path.
        public let fingerprints: [String: String]
        /// The chunk's own problems (loading, slugs, translations).
        public let diagnostics: [Diagnostic]
        /// Companies not loaded because nothing in their folders changed since the last build.
        let reused: [(name: String, reuse: CompanyManifest.Reuse)]
    }

    /// How a run ended once every chunk was loaded.
    public enum Outcome: Sendable {
        /// No problem stopped it; the sink has finished. Every diagnostic, sorted by location.
        case finished([Diagnostic])
        /// A problem stopped the rendering; the sink has abandoned. Every diagnostic, sorted.
        case failed([Diagnostic])

        public var diagnostics: [Diagnostic] {
            switch self {
            case .finished(let diagnostics), .failed(let diagnostics): diagnostics
            }
        }
    }

    /// The file system read, the render cache, and the clock.
    public var builder: SiteBuilder
    public var options: BuildOptions
    /// The theme already loaded, instead of loading it (serve's rebuild of a few companies: a
    /// theme edit rebuilds the whole site).
    public var theme: Theme?
    /// Parsed policy files kept between runs (serve); nil parses every file.
    public var documents: DocumentCache?
    public var archives: ArchiveCache?
    /// Load the companies as published by this day (`build --as-of`); nil loads every version.
    public var publishedBy: PolicyDate?
    public var drafts: Bool
    public var bodies: Bodies
    /// The output folder whose pages, unchanged since the build that wrote them, come back
    /// `.unchanged` instead of rendered (`RenderCache`); nil renders every page.
    public var reusing: String?
    /// Warnings stop the rendering too (`build --strict`).
    public var stopsOnWarnings: Bool
    var chunkSize = 16

    public init(
        builder: SiteBuilder, options: BuildOptions, theme: Theme? = nil, documents: DocumentCache? = nil, archives: ArchiveCache? = nil,
        publishedBy: PolicyDate? = nil, drafts: Bool = false, bodies: Bodies, reusing: String? = nil, stopsOnWarnings: Bool = false
    ) {
        self.builder = builder
        self.options = options
        self.theme = theme
        self.documents = documents
        self.archives = archives
        self.publishedBy = publishedBy
        self.drafts = drafts
        self.bodies = bodies
        self.reusing = reusing
        self.stopsOnWarnings = stopsOnWarnings
    }

    /// `build`: the companies as published by today, written into `options.outputPath` (a
    /// page unchanged there is kept). The site kept in memory for later runs (`keepsSite`,
    /// serve) keeps its parsed files and bodies too.
    static func build(_ options: BuildOptions, builder: SiteBuilder, archives: ArchiveCache?) -> SiteDriver {
        SiteDriver(
            builder: builder, options: options, documents: options.keepsSite ? builder.documents : nil, archives: archives,
            publishedBy: PolicyDate(builder.now()), drafts: options.drafts,
            bodies: options.keepsSite ? .shared(builder.bodies) : .perChunk(keepsPlainText: false), reusing: options.outputPath,
            stopsOnWarnings: options.strict)
    }

    /// `check`: every version of every company, drafts too (the author publishes them next),
    /// all rendered afresh with the plain text of the prose for the content checks.
    static func check(_ options: BuildOptions, builder: SiteBuilder) -> SiteDriver {
        SiteDriver(builder: builder, options: options, archives: options.archiveCache, drafts: true, bodies: .perChunk(keepsPlainText: true))
    }

    /// Serve's rebuild of a few companies: `builder` shows only their folders and shares the
    /// long-lived builder's caches (parsed files, bodies, fingerprints); `theme` is the live
    /// site's.
    public static func companies(_ options: BuildOptions, builder: SiteBuilder, theme: Theme) -> SiteDriver {
        SiteDriver(
            builder: builder, options: options, theme: theme, documents: builder.documents, archives: options.archiveCache,
            publishedBy: PolicyDate(builder.now()), drafts: options.drafts, bodies: .shared(builder.bodies), reusing: options.outputPath)
    }

    /// The outline and the theme; nil, with every problem found sorted by location, when either
    /// does not load.
    public func open() -> (Opening?, [Diagnostic]) {
        var clock = BuildClock(now: builder.now)
        return open(clock: &clock)
    }

    func open(clock: inout BuildClock) -> (Opening?, [Diagnostic]) {
        var loader = ContentLoader(fileSystem: builder.fileSystem, cache: documents, themesPath: options.themesPath, archiveCache: archives)
        loader.publishedBy = publishedBy
        let (outline, outlineProblems) = loader.outline(contentPath: options.contentPath)
        guard let outline else { return (nil, outlineProblems.sortedByLocation()) }
        let wholeSite = outline.site(with: [], allLanguages: true)
        let (loadedTheme, themeProblems) =
            theme.map { ($0, $0.translations.diagnostics(for: wholeSite.languages, themeDirectory: $0.directory)) }
            ?? builder.loadTheme(for: wholeSite, options)
        let diagnostics = outlineProblems + themeProblems
        guard let loadedTheme else { return (nil, diagnostics.sortedByLocation()) }
        clock.lap(.load)
        let opening = Opening(
            outline: outline, theme: loadedTheme, wholeSite: wholeSite, today: PolicyDate(builder.now()), diagnostics: diagnostics, loader: loader)
        return (opening, diagnostics)
    }

    /// Loads, renders and hands to `sink` every chunk of companies, then has the sink finish
    /// (or abandon, when some content has a problem). An error the sink throws ends the run
    /// there; the caller decides what the sink undoes.
    public func run<Sink: PageSink>(_ opening: Opening, into sink: inout Sink) throws(Sink.Failure) -> Outcome {
        var clock = BuildClock(now: builder.now)
        return try run(opening, into: &sink, clock: &clock)
    }

    /// `run`, skipping the companies in `reusable` (their pages stand as the last build left
    /// them) and timing each phase on `clock`.
    func run<Sink: PageSink>(
        _ opening: Opening, into sink: inout Sink, reusable: [String: CompanyManifest.Reuse] = [:], clock: inout BuildClock
    ) throws(Sink.Failure) -> Outcome {
        var diagnostics = opening.diagnostics
        func failing() -> Bool { diagnostics.hasErrors || (stopsOnWarnings && !diagnostics.warnings.isEmpty) }
        var stream = CompanyStream(loader: opening.loader, outline: opening.outline, reusable: reusable, chunkSize: chunkSize)
        while let loaded = stream.next() {
            diagnostics += loaded.diagnostics
            clock.lap(.load)
            // Keep loading to report every problem, but render nothing once one is found:
            // rendering content that does not load would only repeat the same problems.
            guard !failing() else { continue }
            let renderer = SiteRenderer(
                site: loaded.site, theme: opening.theme, bodies: bodies.forChunk, today: opening.today, drafts: drafts)
            let (pages, fingerprints) = builder.renderCompanies(loaded.site, renderer: renderer, reusing: reusing)
            clock.lap(.render)
            try sink.take(
                Chunk(site: loaded.site, renderer: renderer, pages: pages, fingerprints: fingerprints, diagnostics: loaded.diagnostics, reused: loaded.reused))
            RetiredRenderer.release(consume renderer)
            options.progress?(stream.loaded, stream.companyCount)
            clock.lap(.write)
        }
        try sink.endOfChunks()
        clock.lap(.write)
        diagnostics = diagnostics.sortedByLocation()
        guard !failing() else {
            sink.abandon()
            return .failed(diagnostics)
        }
        try sink.finish(opening, diagnostics: diagnostics)
        clock.lap(.finish)
        return .finished(diagnostics)
    }
}

extension SiteDriver.Bodies {
    /// The cache a chunk renders with.
    var forChunk: BodyCache {
        switch self {
        case .shared(let cache): cache
        case .perChunk(let keepsPlainText): BodyCache(keepsPlainText: keepsPlainText)
        }
    }
}
