import Foundation
import PolicyDiagnostics
import TestSupport
import Testing

/// `Diagnostic.code` is promised as a stable identifier: every code is catalogued in
/// `ErrorCode`, documented in docs/diagnostics.md, and raised only through the catalogue.
@Suite struct ErrorCodeCatalogueTests {
    static let names = ErrorCode.all.map(\.name)

    @Test func namesAreUniqueAndKebabCase() throws {
        #expect(Set(Self.names).count == Self.names.count, "listed twice: \(Self.names.filter { name in Self.names.filter { $0 == name }.count > 1 })")
        let kebab = try NSRegularExpression(pattern: "^[a-z0-9]+(-[a-z0-9]+)*$")
        for name in Self.names {
            #expect(kebab.firstMatch(in: name, range: NSRange(name.startIndex..., in: name)) != nil, "'\(name)' is not kebab-case")
        }
    }

    /// A `static let` left out of `all` would be missing from the docs without this.
    @Test func everyDeclaredCodeIsInAll() throws {
        let source = try String(contentsOf: Self.catalogueFile, encoding: .utf8)
        let declared = matches(#"static let \w+ = ErrorCode\("([^"]+)"\)"#, in: source)
        #expect(declared.count == ErrorCode.all.count)
        #expect(Set(declared) == Set(Self.names))
    }

    @Test func familiesAreWrittenAsTheDocsSay() {
        #expect(ErrorCode.lint(regime: "ccpa", item: "categories").name == "lint-ccpa-categories")
        #expect(ErrorCode.article13("dpo").name == "gdpr-art13-dpo")
        #expect(ErrorCode.unknownValue(of: "legal basis").name == "unknown-legal-basis")
    }

    /// The docs list every code and pattern once, and nothing else.
    @Test func docsListExactlyTheCatalogue() throws {
        let doc = try String(contentsOf: Repository.root.appendingPathComponent("docs/diagnostics.md"), encoding: .utf8)
        let rows = matches(#"(?m)^\| `([^`]+)` \|"#, in: doc)
        let documented = Set(rows)
        #expect(documented.count == rows.count, "documented twice: \(rows.filter { row in rows.filter { $0 == row }.count > 1 })")
        let catalogued = Set(Self.names + ErrorCode.familyPatterns)
        #expect(catalogued.subtracting(documented).sorted() == [], "not in docs/diagnostics.md")
        #expect(documented.subtracting(catalogued).sorted() == [], "in docs/diagnostics.md but not in ErrorCode")
    }

    /// Raise sites take an `ErrorCode`, so a literal does not compile; this scan also catches a
    /// new raise site that takes a `String` again, or a code made outside the catalogue.
    @Test func sourcesRaiseOnlyCataloguedCodes() throws {
        let sources = Repository.root.appendingPathComponent("Sources")
        // The code is the first argument of `.error(`, `.warning(`, `ValueError(` and
        // `failure(`, and the second (after the severity) of `Diagnostic(` and `ScanFinding(`.
        let raise = #"(?:(?:\.error|\.warning|\bValueError|\bfailure)\(|\b(?:Diagnostic|ScanFinding)\(\s*[\w.]+\s*,)\s*""#
        var found: [String] = []
        for path in try FileManager.default.subpathsOfDirectory(atPath: sources.path).sorted() where path.hasSuffix(".swift") {
            guard path != "PolicyDiagnostics/ErrorCode.swift" else { continue }
            let text = try String(contentsOf: sources.appendingPathComponent(path), encoding: .utf8)
            found += matches("(" + raise + #"[^"]*")"#, in: text).map { "\(path): \($0)" }
            found += matches(#"(ErrorCode\(")"#, in: text).map { "\(path): \($0)" }
        }
        #expect(found == [], "codes must come from ErrorCode (Sources/PolicyDiagnostics/ErrorCode.swift)")
    }

    static let catalogueFile = Repository.root.appendingPathComponent("Sources/PolicyDiagnostics/ErrorCode.swift")

    /// The first capture group of every match of `pattern` in `text`.
    private func matches(_ pattern: String, in text: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else {
            Issue.record("bad pattern \(pattern)")
            return []
        }
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }
}
