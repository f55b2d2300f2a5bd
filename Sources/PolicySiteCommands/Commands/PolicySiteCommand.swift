public import ArgumentParser
import Foundation

/// The `policysite` command line: a thin shell over the PolicyBuild, PolicyHistory and
/// PolicyServer libraries.
public struct PolicySiteCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "policysite",
        abstract: "Build multilingual privacy-policy websites from structured content.",
        version: PolicySiteCommand.version,
        subcommands: [
            BuildCommand.self, CheckCommand.self, LintCommand.self, PublishCommand.self, VersionsCommand.self, DiffCommand.self,
            ServeCommand.self, SchemaCommand.self, NewCommand.self, ScanCommand.self, ArchiveHashCommand.self,
        ],
        defaultSubcommand: BuildCommand.self
    )

    /// The release this binary is (`policysite --version`).
    public static let version = "0.16.0"

    public init() {}

    /// ArgumentParser's async entry point, but an error no command turned into words (one of
    /// Foundation's file errors) is printed in plain words (`plainMessage`), never as
    /// `Error Domain=NSCocoaErrorDomain Code=…`.
    public static func main() async {
        do {
            var command = try parseAsRoot()
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch let error as CocoaError {
            printFailure(error)
            Self.exit(withError: ExitCode(1))
        } catch let error as POSIXError {
            printFailure(error)
            Self.exit(withError: ExitCode(1))
        } catch {
            Self.exit(withError: error)
        }
    }
}
