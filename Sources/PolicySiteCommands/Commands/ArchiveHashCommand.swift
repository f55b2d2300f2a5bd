import ArgumentParser
import Foundation
import PolicyFiles
import PolicyModel

/// `policysite archive-hash <version folder>…`: for each folder, the hash `publish` records as
/// `archive_hash` in changelog.yml and `check` verifies, printed as `<folder> <hash>`. Hidden: it
/// exists so tools that write a content folder themselves (bench/generate.py) take the hash from
/// `ArchivedVersion.archiveHash` instead of restating its format. It reads the files the loader
/// reads in a version folder: `<language>/privacy.md` and, when present, `company.yml`.
struct ArchiveHashCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive-hash",
        abstract: "Print the archive_hash of each published version folder.",
        shouldDisplay: false)

    @Argument(help: "Version folders, e.g. content/acme/versions/1.0.")
    var folders: [String]

    func validate() throws {
        if folders.isEmpty { throw ValidationError("expected at least one version folder, e.g. content/acme/versions/1.0") }
    }

    func run() throws {
        // Every folder is hashed before anything is printed: a caller reading the lines gets all
        // of them or an error, never a partial list.
        let fileSystem = LocalFileSystem()
        var lines = ""
        for folder in folders {
            do {
                lines += "\(folder) \(try Self.hash(of: folder, fileSystem))\n"
            } catch {
                throw fail(plainMessage(error))
            }
        }
        print(lines, terminator: "")
    }

    /// A folder that is not what `publish` writes.
    struct NotAVersionFolder: Error, CustomStringConvertible {
        var description: String
    }

    /// The archive hash of one version folder, as `ArchivedVersion` computes it when the loader
    /// reads the same files.
    static func hash(of folder: String, _ fileSystem: some FileSystem) throws -> String {
        var policies: [LanguageCode: String] = [:]
        var company: String?
        for name in try fileSystem.contentsOfDirectory(folder) where !name.hasPrefix(".") {
            if name == "company.yml" {
                company = sha256Hex(try fileSystem.readFile(joinPath(folder, name)))
            } else if let language = LanguageCode(name), language.rawValue == name {
                policies[language] = sha256Hex(try fileSystem.readFile(joinPath(folder, name, "privacy.md")))
            } else {
                throw NotAVersionFolder(
                    description:
                        "\(joinPath(folder, name)) is not part of a published version: expected language folders such as en/ (each with privacy.md) and company.yml, as `policysite publish` writes them"
                )
            }
        }
        guard !policies.isEmpty else {
            throw NotAVersionFolder(
                description: "\(folder) holds no policy: expected a version folder such as content/acme/versions/1.0, with <language>/privacy.md inside")
        }
        return ArchivedVersion.archiveHash(policies: policies, company: company)
    }
}
