import Foundation

/// A small structural checker for the HTML PolicySite writes: every element closed in order
/// (void elements excepted), ids unique, one `<h1>`, the landmarks present, and every
/// relative link pointing at a file of the site (and at an existing id for `#fragment`s).
struct HTMLChecker {
    static let voidElements: Set<String> = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]

    struct Tag {
        var name: String
        var closing: Bool
        var attributes: [String: String]
    }

    static func tags(in html: String) -> [Tag] {
        var tags: [Tag] = []
        var index = html.startIndex
        while let open = html[index...].firstIndex(of: "<") {
            guard let close = html[open...].firstIndex(of: ">") else { break }
            let inside = html[html.index(after: open)..<close]
            index = html.index(after: close)
            if inside.hasPrefix("!") { continue }
            let closing = inside.hasPrefix("/")
            let body = closing ? inside.dropFirst() : inside
            let name = String(body.prefix { $0.isLetter || $0.isNumber }).lowercased()
            guard !name.isEmpty else { continue }
            var attributes: [String: String] = [:]
            let pattern = try! NSRegularExpression(pattern: #"([a-zA-Z-:]+)(?:="([^"]*)")?"#)
            let text = String(body.dropFirst(name.count))
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let key = String(text[Range(match.range(at: 1), in: text)!]).lowercased()
                let value = Range(match.range(at: 2), in: text).map { String(text[$0]) } ?? ""
                attributes[key] = value
            }
            tags.append(Tag(name: name, closing: closing, attributes: attributes))
        }
        return tags
    }

    /// Problems in one page; `file` is its path relative to `root` (the output folder).
    static func problems(file: String, root: URL) -> [String] {
        guard let html = try? String(contentsOf: root.appendingPathComponent(file), encoding: .utf8) else { return ["\(file): unreadable"] }
        var problems: [String] = []
        if !html.hasPrefix("<!DOCTYPE html>") { problems.append("\(file): no <!DOCTYPE html>") }
        let tags = tags(in: html)
        var stack: [String] = []
        var ids: [String: Int] = [:]
        for tag in tags {
            if tag.closing {
                if stack.last == tag.name { stack.removeLast() } else { problems.append("\(file): </\(tag.name)> closes <\(stack.last ?? "nothing")>") }
            } else if !voidElements.contains(tag.name) {
                stack.append(tag.name)
            }
            if let id = tag.attributes["id"] { ids[id, default: 0] += 1 }
        }
        if !stack.isEmpty { problems.append("\(file): unclosed \(stack)") }
        for (id, count) in ids where count > 1 { problems.append("\(file): id '\(id)' used \(count) times") }
        let opening = tags.filter { !$0.closing }
        if opening.filter({ $0.name == "h1" }).count != 1 { problems.append("\(file): expected exactly one <h1>") }
        if opening.first(where: { $0.name == "html" })?.attributes["lang"]?.isEmpty != false { problems.append("\(file): <html> has no lang") }
        for landmark in ["main", "header", "footer"] where !opening.contains(where: { $0.name == landmark }) {
            problems.append("\(file): no <\(landmark)>")
        }
        if !opening.contains(where: { $0.name == "meta" && $0.attributes["name"] == "viewport" }) { problems.append("\(file): no viewport meta") }
        let folder = (file as NSString).deletingLastPathComponent
        for tag in opening where tag.name == "a" || tag.name == "link" {
            guard let href = tag.attributes["href"], !href.isEmpty else {
                if tag.name == "a" { problems.append("\(file): <a> without href") }
                continue
            }
            if href.hasPrefix("http://") || href.hasPrefix("https://") || href.hasPrefix("mailto:") || href.hasPrefix("tel:") { continue }
            let parts = href.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
            let path = String(parts[0]), fragment = parts.count > 1 ? String(parts[1]) : nil
            if path.isEmpty {
                if let fragment, ids[fragment] == nil { problems.append("\(file): link to missing #\(fragment)") }
                continue
            }
            let target = URL(fileURLWithPath: root.appendingPathComponent(folder).appendingPathComponent(path).path).standardizedFileURL
            if !FileManager.default.fileExists(atPath: target.path) { problems.append("\(file): broken link \(href)") }
        }
        return problems
    }
}
