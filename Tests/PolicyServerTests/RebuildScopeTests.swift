import Foundation
import PolicyBuild
import PolicyModel
import TestSupport
import Testing

@testable import PolicyServer

@Suite struct RebuildScopeTests {
    @Test func editsInsideACompanyFolderStayInThatCompany() {
        let changes: Set = ["/c/content/acme/en/privacy.md", "/c/content/acme/company.yml", "/c/content/beta/fr/privacy.md"]
        #expect(RebuildScope.of(changes, contentPath: "/c/content") == .companies(["/c/content/acme", "/c/content/beta"]))
    }

    @Test func siteThemeAndCompanySetChangesRebuildEverything() {
        #expect(RebuildScope.of(["/c/content/site.yml"], contentPath: "/c/content") == .everything)
        #expect(RebuildScope.of(["/c/themes/default/templates/layout.mustache"], contentPath: "/c/content") == .everything)
        #expect(RebuildScope.of(["/c/content/newco", "/c/content/newco/company.yml"], contentPath: "/c/content") == .everything)
    }
}
