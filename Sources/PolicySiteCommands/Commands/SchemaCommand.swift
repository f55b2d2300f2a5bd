import ArgumentParser
import Foundation
import PolicyContent
import PolicyDiagnostics
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
        let documents = MachineSchemas.siteDocuments(jurisdictions: ids)
        if !check {
            if let problem = refusal(names: Set(documents.map(\.0))) { throw fail(problem) }
            do {
                try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            } catch {
                throw fail(fileProblem(error, path: output))
            }
        }
        for (name, bytes) in documents {
            let path = (output as NSString).appendingPathComponent(name)
            let current = FileManager.default.contents(atPath: path)
            if current == Data(bytes) { continue }
            if check {
                stale.append(path)
            } else {
                do {
                    try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
                } catch {
                    throw fail(fileProblem(error, path: path))
                }
                print("wrote \(path)")
            }
        }
        if !stale.isEmpty {
            printError(stale.map { "\($0): error: the schema differs from the model; run `policysite schema --output \(output)`\n" }.joined())
            throw ExitCode(1)
        }
    }

    /// Why the schemas must not go to `output`, or nil when they may: a file is not a folder,
    /// the content and themes folders are read as a site (seven JSON files there break it),
    /// and a folder holding anything but schemas is someone else's.
    func refusal(names: Set<String>) -> String? {
        let manager = FileManager.default
        let target = URL(fileURLWithPath: output).standardizedFileURL.resolvingSymlinksInPath().path
        for (folder, role) in [(location.content, "content"), (location.themesPath, "themes")] {
            let reserved = URL(fileURLWithPath: folder).standardizedFileURL.resolvingSymlinksInPath().path
            if target == reserved || target.hasPrefix(reserved + "/") {
                return "\(output) is in the \(role) folder (\(folder)); nothing was written; expected a folder of its own, e.g. --output schemas"
            }
        }
        var isFolder: ObjCBool = false
        guard manager.fileExists(atPath: output, isDirectory: &isFolder) else { return nil }
        guard isFolder.boolValue else {
            return "\(output) is a file, not a folder; nothing was written; expected a folder for the schemas, e.g. --output schemas"
        }
        let others = ((try? manager.contentsOfDirectory(atPath: output)) ?? []).filter { !names.contains($0) }.sorted()
        guard others.isEmpty else {
            let listed = others.prefix(3).map { Diagnostic.excerpt($0) }.joined(separator: ", ") + (others.count > 3 ? ", …" : "")
            return
                "\(output) holds files `policysite schema` did not write (\(listed)); nothing was written; expected an empty folder or one made by `policysite schema`, e.g. --output schemas"
        }
        return nil
    }
}
