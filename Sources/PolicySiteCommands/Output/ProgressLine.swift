import Foundation

/// `rendered 512/3,000 pages · 1.4 s`, rewritten in place on a terminal; nothing elsewhere.
final class ProgressLine: Sendable {
    let started = Date()
    let enabled: Bool

    init(enabled: Bool) { self.enabled = enabled }

    func update(_ done: Int, _ total: Int) {
        guard enabled, total > 0 else { return }
        let elapsed = String(format: "%.1f", Date().timeIntervalSince(started))
        FileHandle.standardOutput.write(Data("\r\u{1B}[2Krendered \(done)/\(total) companies · \(elapsed) s".utf8))
    }

    /// Clears the line before the final report.
    func finish() {
        guard enabled else { return }
        FileHandle.standardOutput.write(Data("\r\u{1B}[2K".utf8))
    }
}
