import Foundation
import PolicyDiagnostics
import PolicyMarkdown

/// What `serve` adds to pages on their way to the browser, never to the files on disk: the
/// script that listens for reload events, marks on the placeholders left to write, and the
/// page shown while the content has errors.
enum LiveReload {
    static let eventsPath = "/__policysite/events"

    /// Reloads on every event; EventSource reconnects by itself when the server restarts.
    static let script = """
        <script data-policysite-serve>(() => { const events = new EventSource("\(eventsPath)"); \
        events.addEventListener("reload", () => location.reload()); \
        events.addEventListener("failed", () => location.reload()); })();</script>

        """

    /// The page with the script just before its last `</body>`, or at the end when it has none,
    /// and its placeholders marked (`PlaceholderMarks`).
    static func inject(into page: Data) -> Data {
        let (html, marks) = PlaceholderMarks.marked(String(decoding: page, as: UTF8.self))
        let added = marks > 0 ? PlaceholderMarks.style + script : script
        guard let body = html.range(of: "</body>", options: [.backwards, .caseInsensitive]) else { return Data((html + added).utf8) }
        var result = html
        result.insert(contentsOf: added, at: body.lowerBound)
        return Data(result.utf8)
    }

    /// The error overlay: the build's problems exactly as the terminal shows them.
    static func overlay(_ diagnostics: [Diagnostic]) -> Data {
        let errors = diagnostics.errors.count
        let problems = DiagnosticFormat.text.render(diagnostics)
        let html = """
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Build failed — policysite serve</title>
            <style>body{margin:0;font:16px/1.5 system-ui,sans-serif;background:#1d1f21;color:#eee}\
            main{max-width:60rem;margin:3rem auto;padding:0 1.5rem}h1{color:#ff6b6b;font-size:1.4rem}\
            pre{white-space:pre-wrap;background:#2b2d30;padding:1rem;border-left:4px solid #ff6b6b;overflow-x:auto}</style>
            </head>
            <body><main id="policysite-error-overlay">
            <h1>The site did not build: \(errors) error\(errors == 1 ? "" : "s")</h1>
            <p>Fix the content and save; this page reloads by itself. The server keeps running.</p>
            <pre>\(escapeAttribute(problems))</pre>
            </main>\(script)</body>
            </html>

            """
        return Data(html.utf8)
    }
}
