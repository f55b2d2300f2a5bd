import Foundation
import PackagePlugin

/// Compiles `themes/default` into the target that uses this plugin, at build time: the files are
/// read from the package's own `themes/default` on every build, never from a checked-in copy that
/// could drift from it. Each file is one base64 string literal (a long string compiles in
/// milliseconds; a `[UInt8]` literal of the same bytes takes the type checker minutes).
@main
struct EmbedTheme: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let theme = context.package.directoryURL.appending(path: "themes/default")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedThemeFiles.swift")
        // Every file is an input, so changing, adding or removing one regenerates the output.
        var inputs: [URL] = []
        if let walker = FileManager.default.enumerator(at: theme, includingPropertiesForKeys: [.isRegularFileKey]) {
            for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                inputs.append(url)
            }
        }
        return [
            .buildCommand(
                displayName: "Embedding themes/default (\(inputs.count) files) into \(target.name)",
                executable: try context.tool(named: "ThemeEmbedder").url,
                arguments: [theme.path, output.path],
                inputFiles: inputs.sorted { $0.path < $1.path },
                outputFiles: [output])
        ]
    }
}
