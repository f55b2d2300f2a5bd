import Foundation

/// Time spent in each phase of a build whose phases interleave (a chunk is loaded, rendered,
/// written, then the next), summed per phase for `--timings`.
struct BuildClock {
    enum Phase: String, CaseIterable {
        case load = "load and check"
        case render = "render pages"
        case write = "write pages (waiting for the writer)"
        case finish = "site files, assets and swap"
    }

    let now: @Sendable () -> Date
    private var mark: Date
    private var totals: [Phase: Double] = [:]

    init(now: @escaping @Sendable () -> Date) {
        self.now = now
        mark = now()
    }

    /// Adds the time since the last lap to `phase`.
    mutating func lap(_ phase: Phase) {
        let time = now()
        totals[phase, default: 0] += time.timeIntervalSince(mark)
        mark = time
    }

    var phases: [(name: String, seconds: Double)] {
        Phase.allCases.map { ($0.rawValue, totals[$0] ?? 0) }
    }
}
