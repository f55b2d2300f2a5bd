import Foundation
public import Mustache
import PolicyConcurrency
public import PolicyDiagnostics
public import PolicyFiles
public import PolicyModel
public import PolicyTranslations

/// Where each page lives, as a site-relative folder (`acme/en/cookies/`); the page itself is
/// that folder's `index.html`, so URLs stay clean on any static host.
public enum SitePaths {
    public static func policy(_ slug: String, _ language: LanguageCode) -> String { "\(slug)/\(language.rawValue)/" }
    public static func cookies(_ slug: String, _ language: LanguageCode) -> String { policy(slug, language) + "cookies/" }
    public static func rights(_ slug: String, _ language: LanguageCode) -> String { policy(slug, language) + "rights/" }
    public static func contact(_ slug: String, _ language: LanguageCode) -> String { policy(slug, language) + "contact/" }
    public static func changelog(_ slug: String, _ language: LanguageCode) -> String { policy(slug, language) + "changelog/" }
    public static func version(_ slug: String, _ language: LanguageCode, _ version: PolicyVersionNumber) -> String {
        policy(slug, language) + "versions/\(version)/"
    }
    public static func diff(_ slug: String, _ language: LanguageCode, from: PolicyVersionNumber, to: PolicyVersionNumber) -> String {
        policy(slug, language) + "diff/\(from)-\(to)/"
    }
    public static func feed(_ slug: String, _ language: LanguageCode) -> String { policy(slug, language) + "feed.xml" }
    /// The working text while it is a draft (`build --drafts`, `serve`).
    public static func draft(_ slug: String, _ language: LanguageCode) -> String { policy(slug, language) + "draft/" }

    /// The file a page folder is written to.
    public static func file(_ page: String) -> String { page.isEmpty || page.hasSuffix("/") ? page + "index.html" : page }

    /// A link from the page in folder `from` to `target` (a page folder or a file), relative
    /// so the site works from any base path and when opened from disk. Pages make dozens
    /// each (navigation, language switcher, assets), so ASCII paths, which every path a
    /// site has is (slugs, language codes, versions), are compared on bytes.
    public static func link(from: String, to target: String) -> String {
        let targetFile = file(target)
        let fromBytes = Array(from.utf8), targetBytes = Array(targetFile.utf8)
        guard fromBytes.allSatisfy({ $0 < 0x80 }), targetBytes.allSatisfy({ $0 < 0x80 }) else {
            return linkByCharacters(from: from, to: targetFile)
        }
        func segments(_ bytes: [UInt8]) -> [Range<Int>] {
            var result: [Range<Int>] = []
            var start = 0
            for index in 0...bytes.count where index == bytes.count || bytes[index] == UInt8(ascii: "/") {
                if index > start { result.append(start..<index) }
                start = index + 1
            }
            return result
        }
        let fromParts = segments(fromBytes), targetParts = segments(targetBytes)
        var common = 0
        while common < fromParts.count, common < targetParts.count - 1, fromBytes[fromParts[common]].elementsEqual(targetBytes[targetParts[common]]) {
            common += 1
        }
        var link: [UInt8] = []
        link.reserveCapacity(3 * (fromParts.count - common) + targetBytes.count)
        for _ in common..<fromParts.count { link += "../".utf8 }
        for (index, part) in targetParts[common...].enumerated() {
            if index > 0 { link.append(UInt8(ascii: "/")) }
            link += targetBytes[part]
        }
        return String(decoding: link, as: UTF8.self)
    }

    /// `link` on Characters, for paths that are not ASCII.
    static func linkByCharacters(from: String, to targetFile: String) -> String {
        let fromParts = from.split(separator: "/")
        var targetParts = targetFile.split(separator: "/")
        var common = 0
        while common < fromParts.count, common < targetParts.count - 1, fromParts[common] == targetParts[common] { common += 1 }
        targetParts.removeFirst(common)
        let ups = String(repeating: "../", count: fromParts.count - common)
        return ups + targetParts.joined(separator: "/")
    }
}
