import PolicyModel
import PolicyYAML
import Testing

@testable import PolicyHistory

@Suite struct FrontMatterEditorTests {
    @Test func replacesFieldsAndKeepsEverythingElse() {
        let text = "---\ntitle: T\nversion: \"1.0\"  \n# a comment\nlast_updated: 2025-01-01\n---\nversion: body line stays\n"
        let edited = FrontMatter.setting(["version": "\"1.1\"", "last_updated": "2026-11-23", "effective": "2026-11-23"], in: text)
        #expect(edited == "---\ntitle: T\nversion: \"1.1\"\n# a comment\nlast_updated: 2026-11-23\neffective: 2026-11-23\n---\nversion: body line stays\n")
    }

    @Test func changelogQuotingSurvivesAnyText() {
        #expect(yamlQuoted("He said \"no\": ok\n#1 \\ done") == "\"He said \\\"no\\\": ok\\n#1 \\\\ done\"")
    }
}
