import ArgumentParser
import Foundation
import PolicyModel
import PolicyRender

/// `policysite schema`: writes the JSON Schemas editors use to autocomplete and check the
/// content files, generated from the model the decoder uses; `--check` fails when they drift.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract:
            "Write the JSON Schemas of the content files (site.yml, company.yml, policy front matter, changelog.yml) and of the JSON files a build writes.",
        discussion: """
            Editors with the YAML language server (VS Code's YAML extension, Neovim, JetBrains) read the \
            `# yaml-language-server: $schema=…` line at the top of each file and then offer fields, \
            values and descriptions, and underline mistakes before any build. The jurisdiction ids come \
            from the site's theme.
            """)

    @OptionGroup var location: SiteLocation

    @Option(name: .shortAndLong, help: "Folder to write the schemas to.")
    var output = "schemas"

    @Flag(help: "Write nothing; exit 1 when a file in the output folder differs from what would be written.")
    var check = false

    func run() throws {
        let ids = ContentLoader(fileSystem: location.fileSystem, themesPath: location.themesPath).jurisdictions(contentPath: location.content).ids
        var stale: [String] = []
        if !check { try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true) }
        for (name, bytes) in MachineSchemas.siteDocuments(jurisdictions: ids) {
            let path = (output as NSString).appendingPathComponent(name)
            let current = FileManager.default.contents(atPath: path)
            if current == Data(bytes) { continue }
            if check {
                stale.append(path)
            } else {
                try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
                print("wrote \(path)")
            }
        }
        if !stale.isEmpty {
            printError(stale.map { "\($0): error: the schema differs from the model; run `policysite schema --output \(output)`\n" }.joined())
            throw ExitCode(1)
        }
    }
}
