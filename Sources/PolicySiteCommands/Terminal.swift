import Foundation
import PolicyBuild
import PolicyDiagnostics
import PolicyFiles
import PolicyModel

/// What the terminal the command writes to can show: colours only on a terminal, never under
/// `NO_COLOR` (https://no-color.org) or `TERM=dumb`; progress only when stdout is a terminal,
/// so logs and pipes get plain lines.
enum Terminal {
    static let environment = ProcessInfo.processInfo.environment

    static func wantsColor(_ descriptor: Int32) -> Bool {
        isatty(descriptor) != 0 && environment["NO_COLOR"].map(\.isEmpty) ?? true && environment["TERM"] != "dumb"
    }

    static let errorColors = wantsColor(2)
    static let showsProgress = isatty(1) != 0 && environment["TERM"] != "dumb"

    static func paint(_ text: String, _ code: String, when enabled: Bool) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}

/// Diagnostics on standard error, in colour on a terminal.
func printDiagnostics(_ diagnostics: [Diagnostic], strict: Bool = false) {
    printError(DiagnosticFormat.text.render(diagnostics, strict: strict, colored: Terminal.errorColors))
}

/// `error: …` on standard error, the word in red on a terminal.
func printFailure(_ message: String) {
    printError(Terminal.paint("error:", "1;31", when: Terminal.errorColors) + " \(message)\n")
}

/// `error: …` for any error, Foundation's file errors in plain words (`plainMessage`).
func printFailure(_ error: any Error) {
    printFailure(plainMessage(error))
}

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
