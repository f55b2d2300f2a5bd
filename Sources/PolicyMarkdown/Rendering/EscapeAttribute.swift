/// Escapes text for an HTML attribute value or element content: `<`, `>`, `&`, `"` and `'`
/// become character references. Works on UTF-8 bytes: a quote followed by a combining mark is
/// one Character, and a Character-by-Character escaper would leave it (and end an attribute).
/// Text without any of the five is returned as it is, which is most text.
public func escapeAttribute(_ text: String) -> String {
    var text = text
    let escaped = text.withUTF8 { bytes -> String? in
        // Nothing to escape: the text itself, not a copy of its bytes checked again as UTF-8.
        guard bytes.contains(where: { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0x22 || $0 == 0x27 }) else { return nil }
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
    return escaped ?? text
}
