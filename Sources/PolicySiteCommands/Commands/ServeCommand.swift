import ArgumentParser
import Foundation
import PolicyBuild
import PolicyServer

/// `policysite serve`: how an editor previews a policy before opening a pull request.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site: rebuild on every save and reload open browsers.",
        discussion: """
            Builds into a temporary folder (or --output), serves it over HTTP and watches content/, \
            themes/ and site.yml. A content error keeps the server running and is shown in the \
            terminal and in the browser until the next good save. Ctrl-C stops it and removes the \
            temporary folder; the folders of servers that were killed are removed by the next serve.
            """)

    @OptionGroup var location: SiteLocation

    @Option(help: "Port to listen on.")
    var port = 8080

    @Option(help: "Address to listen on. Anything but a loopback address lets other machines see your drafts.")
    var host = "127.0.0.1"

    @Option(name: .shortAndLong, help: "Output folder (default: a temporary folder, removed when the server stops).")
    var output: String?

    @Flag(help: "Open the site in the default browser once it is served.")
    var open = false

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() async throws {
        location.finishInterruptedPublish()
        var temporary: String?
        if output == nil {
            // What killed servers left is removed before this one adds its own folder.
            let folder = TemporaryOutput()
            folder.removeLeftovers()
            do {
                temporary = try folder.create()
            } catch {
                printFailure("\(error)")
                throw ExitCode(1)
            }
        }
        let outputPath = output ?? temporary! + "/site"
        defer { if let temporary { TemporaryOutput.remove(temporary) } }
        if !PreviewServer.isLoopback(host) {
            printError("warning: serving on \(host) makes unpublished drafts reachable from other machines; use --host 127.0.0.1 to keep them private\n")
        }
        let options = {
            var options = BuildOptions(contentPath: location.content, themesPath: location.themesPath, outputPath: outputPath)
            // A preview shows the working text too while the policy page shows another version.
            options.drafts = true
            return options
        }()
        let session = PreviewSession(options: options, builder: SiteBuilder(fileSystem: location.fileSystem), log: printError)
        let server = PreviewServer(host: host, port: port, session: session)
        let (host, open) = (self.host, self.open)

        do {
            try await server.run(stopOnInterrupt: true) { port in
                // Bound first, built second: a taken port is reported before a long build.
                await session.buildAll()
                let url = "http://\(host.contains(":") ? "[\(host)]" : host):\(port)/"
                // Written at once, not buffered: scripts and editors wait for this line.
                FileHandle.standardOutput.write(
                    Data("Serving \(url) from \(outputPath) (watching \(options.contentPath)/ and \(options.themesPath)/); Ctrl-C to stop\n".utf8))
                if open { Self.openBrowser(url) }
            }
        } catch {
            printFailure("\(error)")
            throw ExitCode(1)
        }
        print("Stopped.")
    }

    /// `xdg-open` on Linux, `open` on macOS; without either, the URL printed above is enough.
    static func openBrowser(_ url: String) {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let candidates = path.split(separator: ":").flatMap { ["\($0)/xdg-open", "\($0)/open"] }
        guard let tool = candidates.first(where: FileManager.default.isExecutableFile(atPath:)) else {
            printError("note: no xdg-open found; open \(url) yourself\n")
            return
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = [url]
        try? process.run()
    }
}
