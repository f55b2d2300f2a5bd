import Foundation
import PolicyMarkdown
public import PolicyModel
import PolicyText
import PolicyTranslations

/// Prefixes relative `href`/`src` values (not `#fragment`, `/absolute`, `scheme:` or `//host`)
/// so links keep their target when the HTML moves to a deeper folder. Runs on every block of
/// every archived version's page, so it finds the values to prefix first, on bytes, and copies
/// the text only when there is one (most policies link in-page or to absolute addresses).
func rebaseRelativeLinks(_ html: Substring, prefix: String) -> String {
    // On the text's own bytes where it holds them in one piece, copied only when it does not;
    // nil from `rebase` when there is nothing to prefix.
    let rebased =
        html.utf8.withContiguousStorageIfAvailable { rebase($0, prefix: prefix) }
        ?? Array(html.utf8).withUnsafeBufferPointer { rebase($0, prefix: prefix) }
    return rebased ?? String(html)
}

private func rebase(_ bytes: UnsafeBufferPointer<UInt8>, prefix: String) -> String? {
    let quote = UInt8(ascii: "\""), equals = UInt8(ascii: "=")
    let href = Array(" href".utf8), src = Array(" src".utf8)
    func named(_ name: [UInt8], before index: Int) -> Bool {
        index >= name.count && bytes[(index - name.count)..<index].elementsEqual(name)
    }
    var starts: [Int] = []
    var index = 0
    while index + 1 < bytes.count {
        // At `="`: is the attribute before it href or src, and the value relative?
        guard bytes[index] == equals, bytes[index + 1] == quote else {
            index += 1
            continue
        }
        let start = index + 2
        defer { index = start }
        guard named(href, before: index) || named(src, before: index) else { continue }
        var end = start
        while end < bytes.count, bytes[end] != quote { end += 1 }
        let value = bytes[start..<end]
        if !value.isEmpty && value.first != UInt8(ascii: "#") && value.first != UInt8(ascii: "/") && !value.contains(UInt8(ascii: ":")) {
            starts.append(start)
        }
    }
    guard !starts.isEmpty else { return nil }
    let prefixBytes = Array(prefix.utf8)
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count + starts.count * prefixBytes.count)
    var copied = 0
    for start in starts {
        output += bytes[copied..<start]
        output += prefixBytes
        copied = start
    }
    output += bytes[copied...]
    return String(decoding: output, as: UTF8.self)
}
