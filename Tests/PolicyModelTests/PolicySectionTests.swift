import Foundation
import PolicyModel
import TestSupport
import Testing

@Suite("PolicySection")
struct PolicySectionTests {
    /// The keys under `sections:` in the default theme's English strings (two-space indented
    /// `key: value` lines up to the next top-level key).
    static func sectionKeys() throws -> Set<String> {
        let url = Repository.themes.appendingPathComponent("default/i18n/en.yml")
        let lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        guard let start = lines.firstIndex(of: "sections:") else { return [] }
        var keys: Set<String> = []
        for line in lines[(start + 1)...] {
            guard line.hasPrefix("  ") else { break }
            let entry = line.dropFirst(2)
            if let colon = entry.firstIndex(of: ":"), !entry.hasPrefix(" ") { keys.insert(String(entry[..<colon])) }
        }
        return keys
    }

    @Test func everySectionHasATitleInTheDefaultTheme() throws {
        let keys = try Self.sectionKeys()
        #expect(keys.count >= 5, "found no `sections:` keys in en.yml")
        for section in PolicySection.allCases {
            #expect(keys.contains(String(section.titleKey.dropFirst("sections.".count))), "\(section.titleKey) is not in themes/default/i18n/en.yml")
        }
    }

    @Test func idsAreUniqueAndTitleKeysFollowThem() {
        #expect(Set(PolicySection.allCases.map(\.id)).count == PolicySection.allCases.count)
        #expect(PolicySection.dataCollected.titleKey == "sections.data_collected")
        #expect(PolicySection.thirdParties.id == "third-parties")
    }
}
