import Foundation
import Testing

/// The code follows the project's `.swift-format` configuration (4-space indents, 160
/// columns); `swift format -i -r Sources Tests Package.swift` fixes what this reports.
@Suite struct FormatTests {
    static let available: Bool = (try? CLI.tool("/usr/bin/env", ["swift-format", "--version"]).status) == 0

    @Test(.enabled(if: available, "swift-format is not installed (it ships with Swift 6 toolchains)"))
    func theCodeIsFormatted() throws {
        let paths = ["Sources", "Tests", "Package.swift"].map { CLI.root.appendingPathComponent($0).path }
        let config = CLI.root.appendingPathComponent(".swift-format").path
        let result = try CLI.tool("/usr/bin/env", ["swift-format", "lint", "--strict", "--configuration", config, "--recursive"] + paths)
        let findings = result.stderr.split(separator: "\n").prefix(20).joined(separator: "\n")
        #expect(result.status == 0 && result.stderr.isEmpty, "swift format -i -r Sources Tests Package.swift fixes:\n\(findings)")
    }
}
