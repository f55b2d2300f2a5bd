import Foundation

/// Where a policy file's front matter ends: the file starts with a `---` line and the next
/// `---` line closes it. The one definition the loader, `publish`'s editor and `new language`
/// share.
public enum FrontMatter {
    /// The index of the closing `---` line; nil when `lines` do not open with a `---` line or
    /// never close it.
    public static func closingLine(in lines: [some StringProtocol]) -> Int? {
        guard isOpened(lines) else { return nil }
        return lines.indices.dropFirst().first { isFence(lines[$0]) }
    }

    public static func isOpened(_ lines: [some StringProtocol]) -> Bool { lines.first.map { isFence($0) } ?? false }

    /// A policy file's text cut at its fences.
    package enum Split {
        /// The first line is not `---`.
        case notOpened
        /// No later line is `---`.
        case unclosed
        /// The YAML between the fences and the body after the closing one (both slices of the
        /// text, as `closingLine` on `text.lines` would give them joined again), and the closing
        /// line's index.
        case split(yaml: Substring, body: Substring, closingLine: Int)
    }

    /// `text` cut at its fences, read line by line up to the closing one only: the body is most
    /// of a policy's bytes.
    package static func split(_ text: String) -> Split {
        let utf8 = text.utf8
        var lineStart = utf8.startIndex, line = 0
        var yamlStart = utf8.startIndex
        while true {
            let lineEnd = utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            if isFence(text[lineStart..<lineEnd]) {
                if line > 0 {
                    // Lines 1..<line joined by their line breaks: up to the break before this one.
                    let yaml = line == 1 ? text[yamlStart..<yamlStart] : text[yamlStart..<utf8.index(before: lineStart)]
                    let body = lineEnd == utf8.endIndex ? text[lineEnd...] : text[utf8.index(after: lineEnd)...]
                    return .split(yaml: yaml, body: body, closingLine: line)
                }
            } else if line == 0 {
                return .notOpened
            }
            guard lineEnd != utf8.endIndex else { return .unclosed }
            lineStart = utf8.index(after: lineEnd)
            if line == 0 { yamlStart = lineStart }
            line += 1
        }
    }

    package static func isFence(_ line: some StringProtocol) -> Bool {
        // Trimming cannot add or remove a dash, so a line without exactly three cannot be a
        // fence and is turned down before any trimming (this runs on every front-matter line).
        var dashes = 0
        for byte in line.utf8 where byte == UInt8(ascii: "-") {
            dashes += 1
            if dashes > 3 { return false }
        }
        return dashes == 3 && line.trimmingCharacters(in: .whitespaces) == "---"
    }

    /// `text` with top-level front-matter fields set to `values` (YAML as written), in place,
    /// every other line, comment and the body byte for byte as they were; fields it lacks are
    /// added at the end of the front matter. `publish` stamps versions with it, `new language`
    /// retitles a copy.
    public static func setting(_ values: [String: String], in text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let end = closingLine(in: lines) else { return text }
        var missing = values
        for index in 1..<end {
            for (key, value) in values where lines[index].hasPrefix("\(key):") {
                lines[index] = "\(key): \(value)"
                missing[key] = nil
            }
        }
        let additions = missing.keys.sorted().map { "\($0): \(missing[$0]!)" }
        lines.insert(contentsOf: additions, at: end)
        return lines.joined(separator: "\n")
    }
}
