import Foundation
import Testing

/// Colours and progress appear on a terminal only, and never under NO_COLOR; logs and pipes
/// get plain text. A terminal is made with util-linux's `script`, which runs the command on a
/// pseudo-terminal.
@Suite struct TerminalTests {
    static let hasScript = FileManager.default.isExecutableFile(atPath: "/usr/bin/script")
    let broken = CLI.root.appendingPathComponent("Tests/Fixtures/broken/bad-date/content").path

    /// Runs the binary on a pseudo-terminal with `environment` added; returns what it printed.
    func onTerminal(_ arguments: [String], environment: [String: String] = [:]) throws -> String {
        let command = ([CLI.binary.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", command, "/dev/null"]
        process.currentDirectoryURL = CLI.root
        var env = ProcessInfo.processInfo.environment
        env["TERM"] = "xterm-256color"
        env["NO_COLOR"] = nil
        env.merge(environment) { _, new in new }
        process.environment = env
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test(.enabled(if: hasScript, "util-linux's script is not installed"))
    func errorsAreColouredOnATerminalOnly() throws {
        let coloured = try onTerminal(["check", "--content", broken])
        #expect(coloured.contains("\u{1B}[1;31merror:\u{1B}[0m"), "\(coloured)")
        let plain = try onTerminal(["check", "--content", broken], environment: ["NO_COLOR": "1"])
        #expect(plain.contains("error:") && !plain.contains("\u{1B}["), "\(plain)")
        let piped = try CLI.run(["check", "--content", broken])
        #expect(piped.stderr.contains("error:") && !piped.stderr.contains("\u{1B}["))
    }

    /// `diff` colours by the same rule as the other commands: a terminal, no NO_COLOR, not a
    /// dumb terminal.
    @Test(.enabled(if: hasScript, "util-linux's script is not installed"))
    func diffIsColouredOnAColourTerminalOnly() throws {
        let diff = ["diff", "digi-smart-manager", "1.0", "1.1"]
        #expect(try onTerminal(diff).contains("\u{1B}["))
        #expect(!(try onTerminal(diff, environment: ["NO_COLOR": "1"])).contains("\u{1B}["))
        #expect(!(try onTerminal(diff, environment: ["TERM": "dumb"])).contains("\u{1B}["))
        #expect(!(try CLI.run(diff)).stdout.contains("\u{1B}["))
    }

    @Test(.enabled(if: hasScript, "util-linux's script is not installed"))
    func aBuildOnATerminalShowsProgressAndAPipeDoesNot() throws {
        let output = try CLI.temporaryDirectory("progress").path
        let terminal = try onTerminal(["build", "--output", output])
        #expect(terminal.contains("\rrendered ") || terminal.contains("\u{1B}[2Krendered "), "\(terminal)")
        #expect(terminal.contains(" companies · ") && terminal.contains("Built "))
        let piped = try CLI.run(["build", "--output", output])
        #expect(piped.status == 0 && !piped.stdout.contains("rendered") && piped.stdout.hasPrefix("Built "))
        let quiet = try onTerminal(["build", "--output", output, "--quiet"])
        #expect(!quiet.contains("rendered"))
    }

    /// 64 for a malformed command line (with the usage), 1 for a name that does not exist (with
    /// the names that do, and no usage banner, which would blame the syntax).
    @Test func exitStatusesSayWhoseMistakeItIs() throws {
        let usage = try CLI.run(["build", "--bogus"])
        #expect(usage.status == 64 && usage.stderr.contains("Usage: policysite build"))
        let exclusive = try CLI.run(["diff", "ite", "1.0", "--word", "--stat"])
        #expect(exclusive.status == 64)
        for arguments in [
            ["diff", "nosuch", "1.0"], ["versions", "nosuch"], ["diff", "digi-smart-manager", "9.9"],
            ["diff", "digi-smart-manager", "1.0", "--language", "fr"],
        ] {
            let result = try CLI.run(arguments)
            #expect(result.status == 1, "\(arguments)")
            #expect(
                result.stderr.hasPrefix("error: ") && result.stderr.contains("expected one of") && !result.stderr.contains("Usage:"),
                "\(arguments): \(result.stderr)")
        }
    }

    @Test func versionAndCompletions() throws {
        let version = try CLI.run(["--version"])
        #expect(version.status == 0 && version.stdout.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil, "\(version.stdout)")
        for shell in ["bash", "zsh", "fish"] {
            let script = try CLI.run(["--generate-completion-script", shell])
            #expect(script.status == 0 && script.stdout.contains("publish") && script.stdout.contains("new"), "\(shell)")
        }
    }
}
