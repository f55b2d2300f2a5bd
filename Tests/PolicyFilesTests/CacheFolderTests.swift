import Foundation
import PolicyFiles
import TestSupport
import Testing

@Suite("CacheFolder")
struct CacheFolderTests {
    /// The cache is not part of the site: the repository's own .gitignore leaves it out by the
    /// name builds use.
    @Test func isIgnoredByTheRepository() throws {
        let ignore = try String(contentsOf: Repository.root.appendingPathComponent(".gitignore"), encoding: .utf8)
        #expect(ignore.split(separator: "\n").contains(Substring(CacheFolder.name + "/")))
        #expect(CacheFolder.name.hasPrefix("."), "a hidden folder beside the output")
    }
}
