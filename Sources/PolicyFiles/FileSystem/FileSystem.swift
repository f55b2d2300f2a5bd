public import Foundation

/// The file operations PolicySite needs, so tests can run against an in-memory tree.
public protocol FileSystem: Sendable {
    func contentsOfDirectory(_ path: String) throws -> [String]
    func isDirectory(_ path: String) -> Bool
    func fileExists(_ path: String) -> Bool
    func readFile(_ path: String) throws -> Data
}
