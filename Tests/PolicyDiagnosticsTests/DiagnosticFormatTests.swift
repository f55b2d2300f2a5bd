import Foundation
import Testing

@testable import PolicyDiagnostics

@Suite struct DiagnosticFormatTests {
    let diagnostic = Diagnostic.error(
        .unknownField, at: SourceLocation(file: "content/a, b/company.yml", line: 3, column: 1), "unknown field 'x'", expected: "expected one of: a, b")

    @Test func textIsFileLineColumn() {
        #expect(DiagnosticFormat.text.render([diagnostic]) == "content/a, b/company.yml:3:1: error: unknown field 'x'; expected one of: a, b\n")
    }

    @Test func githubAnnotationsEscapeProperties() {
        #expect(
            DiagnosticFormat.github.render([diagnostic])
                == "::error file=content/a%2C b/company.yml,line=3,col=1,title=unknown-field::unknown field 'x'; expected one of: a, b\n")
    }

    @Test func strictPromotesWarnings() {
        let warning = Diagnostic.warning(.staleTranslation, at: SourceLocation(file: "f.md", line: 2, column: 1), "old")
        #expect(DiagnosticFormat.text.render([warning], strict: true) == "f.md:2:1: error: old\n")
        #expect(DiagnosticFormat.github.render([warning]).hasPrefix("::warning "))
    }

    /// `PolicySite.Problem` keeps a record and prints the diagnostic it makes back.
    @Test func aRecordMakesBackTheSameDiagnostic() {
        #expect(Diagnostic(DiagnosticRecord(diagnostic)) == diagnostic)
        let bare = Diagnostic.warning(.staleTranslation, at: SourceLocation(file: "f.md"), "old")
        #expect(Diagnostic(DiagnosticRecord(bare)) == bare)
    }

    @Test func jsonListsEveryField() throws {
        let json = DiagnosticFormat.json.render([diagnostic])
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]]
        let item = try #require(decoded?.first)
        // Every field, with its value: a field dropped or renamed in the encoder fails here.
        #expect(item.count == 7, "\(item.keys.sorted())")
        #expect(item["severity"] as? String == "error")
        #expect(item["code"] as? String == "unknown-field")
        #expect(item["file"] as? String == "content/a, b/company.yml")
        #expect(item["line"] as? Int == 3)
        #expect(item["column"] as? Int == 1)
        #expect(item["message"] as? String == "unknown field 'x'")
        #expect(item["expected"] as? String == "expected one of: a, b")
    }
}
