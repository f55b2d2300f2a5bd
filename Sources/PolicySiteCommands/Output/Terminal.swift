import ArgumentParser
import Foundation
import PolicyDiagnostics
import PolicyFiles

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

/// Exit codes: 0 success; 1 content or build problems, or a company or version that does not
/// exist (the message says which exist); 64 (EX_USAGE, ArgumentParser's own) a malformed command
/// line, printed with the usage.
///
/// Prints `error: message` and returns the exit status 1 to throw.
func fail(_ message: String) -> ExitCode {
    printFailure(message)
    return ExitCode(1)
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
}
