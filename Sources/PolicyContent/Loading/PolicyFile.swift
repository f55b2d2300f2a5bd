import Foundation
import PolicyDiagnostics
import PolicyFiles
import PolicyModel
import PolicyText
import PolicyYAML

/// Splits a policy file into YAML front matter and Markdown body, and decodes the front matter.
enum PolicyFile {
    /// `hash` is the SHA-256 of `data` when the caller has it already.
    static func parse(path: String, language: LanguageCode, data: Data, hash: String? = nil, context: DecodingContext) -> (PolicyDocument?, [Diagnostic]) {
        guard var text = String(data: data, encoding: .utf8) else {
            return (nil, [.error(.badEncoding, at: SourceLocation(file: path, line: 1), "file is not valid UTF-8", expected: "expected UTF-8 text")])
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        // A byte scan: a carriage return is the byte 0x0D in UTF-8 and no other character's
        // encoding holds that byte, so the bytes answer for the characters (files nearly never
        // hold one).
        if text.holdsBytes(of: "\r") { text = text.replacingOccurrences(of: "\r\n", with: "\n") }
        let yaml: Substring, body: Substring, end: Int
        switch FrontMatter.split(text) {
        case .notOpened:
            return (
                nil,
                [
                    .error(
                        .missingFrontMatter, at: SourceLocation(file: path, line: 1, column: 1), "the file does not start with front matter",
                        expected: "expected a first line '---', the YAML fields (title, version, effective, last_updated, …), then a line '---'")
                ]
            )
        case .unclosed:
            return (
                nil,
                [
                    .error(
                        .unclosedFrontMatter, at: SourceLocation(file: path, line: 1, column: 1), "the front matter is never closed",
                        expected: "expected a line '---' after the last YAML field")
                ]
            )
        case let .split(front, rest, closingLine):
            (yaml, body, end) = (front, rest, closingLine)
        }
        let decoder = StrictYAMLDecoder(file: path, lineOffset: 1, context: context)
        let (node, syntaxProblems) = decoder.compose(String(yaml))
        guard let node else { return (nil, syntaxProblems) }
        let (frontMatter, problems) = decoder.decode(PolicyFrontMatter.self, from: node)
        guard let frontMatter else { return (nil, problems) }
        let document = PolicyDocument(
            path: path, language: language, frontMatter: frontMatter, body: String(body), bodyLine: end + 2,
            contentHash: hash ?? sha256Hex(data), fieldLocations: decoder.fieldLocations(of: node))
        return (document, problems)
    }
}
