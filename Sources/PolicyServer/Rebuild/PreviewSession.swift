import Foundation
public import PolicyBuild
public import PolicyDiagnostics
public import PolicyModel
import PolicyRender

/// Owns the preview's builds: one long-lived `SiteBuilder`, so parsed policies and rendered
/// Markdown survive between rebuilds, and the last good site, so an edit to one company
/// re-renders a dozen pages instead of the whole corpus. Being an actor, it runs one rebuild
/// at a time; edits made meanwhile are picked up by the watcher's next poll.
///
/// Its code runs on a dispatch queue of its own (`BuildQueue`), not on Swift's cooperative
/// thread pool: a rebuild is seconds of blocking, parallel work (`SiteBuilder` spreads pages
/// over dispatch's worker threads), and on the pool it would hold a thread the server needs to
/// answer requests.
public actor PreviewSession {
    private nonisolated let queue = BuildQueue()
    public nonisolated var unownedExecutor: UnownedSerialExecutor { queue.asUnownedSerialExecutor() }
    public nonisolated let options: BuildOptions
    public nonisolated let status: PreviewStatus
    public nonisolated let events: ReloadBroadcaster
    private let builder: SiteBuilder
    private let log: @Sendable (String) -> Void
    private let clock = ContinuousClock()
    private var live: LiveSite?
    /// What the last failed build covered; nil after a good build.
    private var failedScope: RebuildScope?

    /// - Parameter log: where rebuild summaries and content errors go (the terminal).
    public init(
        options: BuildOptions, builder: SiteBuilder = SiteBuilder(), events: ReloadBroadcaster = ReloadBroadcaster(),
        log: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        var options = options
        // The fast path for one company merges it into the site the last full build loaded.
        options.keepsSite = true
        // Watched paths are `content/<company>/…`; a trailing slash would break the matching.
        while options.contentPath.count > 1 && options.contentPath.hasSuffix("/") { options.contentPath.removeLast() }
        self.options = options
        self.builder = builder
        self.events = events
        self.status = PreviewStatus()
        self.log = log
    }

    /// True when the session's code runs on its build queue, off the cooperative pool.
    func runsOnBuildQueue() -> Bool { BuildQueue.isCurrent }

    /// The folders and file the watcher should poll.
    public nonisolated var watchedRoots: [String] { [options.contentPath, options.themesPath] }

    /// Renders the whole site into the output folder.
    @discardableResult
    public func buildAll() -> RebuildResult {
        finish(timed { fullBuild() })
    }

    /// Rebuilds what `changes` (paths reported by the watcher) affect and tells browsers.
    @discardableResult
    public func rebuild(after changes: Set<String>) -> RebuildResult {
        var scope = RebuildScope.of(changes, contentPath: options.contentPath)
        if let failedScope { scope = scope.union(failedScope) }
        guard live != nil, case .companies(let folders) = scope else { return finish(timed { fullBuild() }) }
        return finish(timed { companyBuild(folders) ?? fullBuild() })
    }

    private func timed(_ work: () -> (RebuildResult.Kind, Int, [Diagnostic])) -> (RebuildResult.Kind, Int, [Diagnostic], Duration) {
        let start = clock.now
        let (kind, written, diagnostics) = work()
        return (kind, written, diagnostics, clock.now - start)
    }

    private func finish(_ outcome: (RebuildResult.Kind, Int, [Diagnostic], Duration)) -> RebuildResult {
        let (kind, written, diagnostics, duration) = outcome
        let failed = kind == .failed
        let build = status.record(failure: failed ? diagnostics : nil)
        let result = RebuildResult(kind: kind, build: build, filesWritten: written, diagnostics: diagnostics, duration: duration)
        log(Self.summary(result))
        events.send(ReloadEvent(kind: failed ? .failed : .reload, build: build))
        return result
    }

    static func summary(_ result: RebuildResult) -> String {
        let milliseconds = Double(result.duration.components.seconds) * 1000 + Double(result.duration.components.attoseconds) / 1e15
        let time = String(format: "%.1f ms", milliseconds)
        let problems = DiagnosticFormat.text.render(result.diagnostics)
        switch result.kind {
        case .failed:
            return problems + "build \(result.build) failed after \(time); the browser shows these problems until the next good save\n"
        case .full:
            return problems + "build \(result.build): rebuilt the site, \(result.filesWritten) files written, in \(time)\n"
        case .companies(let folders):
            return problems + "build \(result.build): rebuilt \(folders.joined(separator: ", ")), \(result.filesWritten) files written, in \(time)\n"
        }
    }

    /// `policysite build` without the strictness, keeping what it loaded for later fast paths.
    /// The same build as `policysite build` (one code path), into the preview's folder.
    private func fullBuild() -> (RebuildResult.Kind, Int, [Diagnostic]) {
        do {
            let report = try builder.build(options)
            if let prepared = report.prepared { live = LiveSite(site: prepared.site, theme: prepared.theme, index: prepared.index) }
            failedScope = nil
            return (.full, report.written, report.diagnostics)
        } catch {
            failedScope = .everything
            switch error {
            case .invalidContent(let diagnostics): return (.failed, 0, diagnostics)
            case let .output(path, underlying): return (.failed, 0, [Self.outputProblem(path, underlying)])
            case .refusedOutput(let refusal): return (.failed, 0, [Self.outputProblem(options.outputPath, refusal)])
            }
        }
    }

    /// Reloads and re-renders only `folders`: the driver of every build, over a content folder
    /// that shows only them, into a sink that writes in place (`CompanyRebuild`); nil when the
    /// change reaches other pages.
    private func companyBuild(_ folders: Set<String>) -> (RebuildResult.Kind, Int, [Diagnostic])? {
        guard let live else { return nil }
        let names = Set(folders.map { String($0.dropFirst(options.contentPath.count + 1)) })
        let subsetBuilder = SiteBuilder(
            fileSystem: CompanySubsetFileSystem(base: builder.fileSystem, contentPath: options.contentPath, folderNames: names),
            documents: builder.documents, bodies: builder.bodies, renderCache: builder.renderCache, now: builder.now)
        let driver = SiteDriver.companies(options, builder: subsetBuilder, theme: live.theme)
        let (opened, problems) = driver.open()
        guard let opening = opened else {
            failedScope = .companies(folders)
            return (.failed, 0, problems)
        }
        var rebuild = CompanyRebuild(
            live: live, folders: folders, outputPath: options.outputPath, bodies: builder.bodies, renderCache: builder.renderCache)
        let outcome: SiteDriver.Outcome
        do {
            // Archived-version and diff pages of the companies are skipped unless their inputs changed.
            outcome = try driver.run(opening, into: &rebuild)
        } catch {
            failedScope = .companies(folders)
            return (.failed, 0, rebuild.diagnostics + [Self.outputProblem(options.outputPath, error)])
        }
        switch outcome {
        case .failed(let diagnostics):
            failedScope = .companies(folders)
            return (.failed, 0, diagnostics)
        case .finished(let diagnostics):
            guard let rebuilt = rebuild.rebuilt else { return nil }
            self.live = rebuilt
            failedScope = nil
            return (.companies(folders.sorted()), rebuild.written, diagnostics)
        }
    }

    private static func outputProblem(_ path: String, _ error: Any) -> Diagnostic {
        .error(.output, at: SourceLocation(file: path), "could not write the preview: \(error)", expected: "expected a writable output folder")
    }
}
