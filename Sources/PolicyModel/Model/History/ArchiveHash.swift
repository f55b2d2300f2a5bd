import Foundation
import PolicyFiles

extension ArchivedVersion {
    /// The one definition of an archive's hash, used by `publish` when it records a version and
    /// by every load that verifies one: a line `<file> <sha256>` per file, sorted, hashed.
    public static func archiveHash(policies: [LanguageCode: String], company: String?) -> String {
        var lines = policies.keys.sorted().map { "\($0.rawValue)/\(ContentLayout.policyFile) \(policies[$0]!)\n" }
        if let company { lines.append("\(ContentLayout.companyFile) \(company)\n") }
        return sha256Hex(Data(lines.joined().utf8))
    }
}
