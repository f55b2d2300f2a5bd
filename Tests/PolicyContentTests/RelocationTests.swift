import Foundation
import PolicyDiagnostics
import PolicyFiles
import PolicyModel
import PolicyText
import TestSupport
import Testing

@testable import PolicyContent

/// An archived version whose bytes are the current text's takes the current parse, moved to its
/// own path (`PolicyDocument.relocated`). It must be exactly what parsing the archived file
/// gives: the same document and every location, down to those inside the front matter.
@Suite struct RelocationTests {
    static let root = Repository.root

    /// A company in `folder` whose versions/1.0/en/privacy.md holds `archived`, and
    /// en/privacy.md `current`.
    func load(current: String, archived: String, in folder: URL) throws -> (document: PolicyDocument, path: String) {
        let content = folder.appendingPathComponent("content")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.root.appendingPathComponent("Tests/Fixtures/replay/v5/content"), to: content)
        let company = content.appendingPathComponent("northwind")
        let version = company.appendingPathComponent("versions/1.0/en")
        try FileManager.default.createDirectory(at: version, withIntermediateDirectories: true)
        try archived.write(to: version.appendingPathComponent("privacy.md"), atomically: false, encoding: .utf8)
        try current.write(to: company.appendingPathComponent("en/privacy.md"), atomically: false, encoding: .utf8)
        let result = ContentLoader(themesPath: Self.root.appendingPathComponent("themes").path).load(contentPath: content.path)
        let document = try #require(result.site?.companies.first?.archive.first?.policies[LanguageCode("en")!])
        return (document, version.appendingPathComponent("privacy.md").path)
    }

    /// Every `SourceLocation` a value holds, in order, found by reflection (so a located field
    /// added to the model later is covered without naming it here).
    func locations(in value: Any) -> [PolicyDiagnostics.SourceLocation] {
        if let location = value as? PolicyDiagnostics.SourceLocation { return [location] }
        return Mirror(reflecting: value).children.flatMap { locations(in: $0.value) }
    }

    @Test func anArchivedTwinOfTheCurrentTextIsWhatParsingItGives() throws {
        let text = try String(contentsOf: Self.root.appendingPathComponent("Tests/Fixtures/replay/v5/content/northwind/en/privacy.md"), encoding: .utf8)
        let folder = Scratch.directory.appendingPathComponent("relocation-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: folder) }
        let shared = try load(current: text, archived: text, in: folder)
        // One byte more in the current text: no twin, so the archived file is parsed.
        let parsed = try load(current: text + "\n", archived: text, in: folder)
        #expect(shared.document == parsed.document)
        #expect(shared.document.path.hasSuffix("versions/1.0/en/privacy.md"))
        #expect(shared.document.fieldLocations == parsed.document.fieldLocations)
        // `==` leaves out the locations inside the front matter; compare them one by one.
        let sharedLocations = locations(in: shared.document.frontMatter)
        #expect(sharedLocations.count >= 10, "the fixture should have cookie, rights and regional-rights locations")
        #expect(sharedLocations == locations(in: parsed.document.frontMatter))
        for location in sharedLocations + shared.document.fieldLocations.values {
            #expect(location.file == shared.path, "a location names \(location.file), not the archived file")
        }
    }
}
