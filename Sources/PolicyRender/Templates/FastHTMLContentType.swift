import Mustache
import PolicyMarkdown

/// HTML escaping for `{{value}}` in templates: the project's `escapeAttribute`, which scans
/// UTF-8 bytes. swift-mustache's own walks every Character with a dictionary lookup and leaves a quote followed by a combining mark unescaped. Every theme
/// template is registered with it (see `Theme.load`), so themes need not say anything.
struct FastHTMLContentType: MustacheContentType {
    static let name = "POLICYSITE_HTML"

    /// Registers the content type once per process, before any template is parsed.
    static let registered: Void = MustacheContentTypes.register(FastHTMLContentType(), named: name)

    /// The pragma that selects it, placed before a template's first token; it renders nothing.
    static var pragma: String {
        _ = registered
        return "{{% CONTENT_TYPE: \(name)}}\n"
    }

    func escapeText(_ text: String) -> String { escapeAttribute(text) }
}
