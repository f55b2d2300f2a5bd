public import Mustache

/// HTML escaping for `{{value}}` in templates. swift-mustache's own walks every Character with
/// a dictionary lookup (8% of a cold build's samples); this scans UTF-8 bytes, returns text
/// without `<`, `>`, `&`, `"` or `'` as it is, and makes the same replacements otherwise. Every
/// theme template is registered with it (see `Theme.load`), so themes need not say anything.
struct FastHTMLContentType: MustacheContentType {
    static let name = "POLICYSITE_HTML"

    /// Registers the content type once per process, before any template is parsed.
    static let registered: Void = MustacheContentTypes.register(FastHTMLContentType(), named: name)

    /// The pragma that selects it, placed before a template's first token; it renders nothing.
    static var pragma: String {
        _ = registered
        return "{{% CONTENT_TYPE: \(name)}}\n"
    }

    func escapeText(_ text: String) -> String { escapeHTML(text) }
}

/// `text` with `<`, `>`, `&`, `"` and `'` replaced by character references.
func escapeHTML(_ text: String) -> String {
    var text = text
    return text.withUTF8 { bytes -> String in
        guard bytes.contains(where: { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0x22 || $0 == 0x27 }) else {
            return String(decoding: bytes, as: UTF8.self)
        }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 32)
        for byte in bytes {
            switch byte {
            case 0x3C: output += Array("&lt;".utf8)
            case 0x3E: output += Array("&gt;".utf8)
            case 0x26: output += Array("&amp;".utf8)
            case 0x22: output += Array("&quot;".utf8)
            case 0x27: output += Array("&#39;".utf8)
            default: output.append(byte)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
