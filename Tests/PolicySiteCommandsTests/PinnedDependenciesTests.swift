import Foundation
import Testing

/// Package.swift pins exact versions (Package.resolved is not committed), and the workflows' Swift
/// containers must be able to read every package they resolve: this fails when a pin moves to a
/// version that declares a newer swift-tools-version than the containers' Swift, or when a
/// requirement floats again (`from:` or a range).
@Suite struct PinnedDependenciesTests {
    struct Pin: Equatable {
        var owner: String
        var name: String
        var version: String
    }

    /// The `.package(url:…, exact: "x.y.z")` lines; a `.package` line that pins nothing is reported in `floating`.
    static func pins(in manifest: String) -> (pins: [Pin], floating: [String]) {
        var pins: [Pin] = [], floating: [String] = []
        let pattern = try! NSRegularExpression(
            pattern: #"\.package\(url: "https://github\.com/([^/"]+)/([^/"]+?)(?:\.git)?", (?:exact: |\.upToNextMinor\(from: )"([0-9.]+)""#)
        for line in manifest.split(separator: "\n").map(String.init) where line.contains(".package(") {
            let text = line as NSString
            guard let match = pattern.firstMatch(in: line, range: NSRange(location: 0, length: text.length)) else {
                floating.append(line.trimmingCharacters(in: .whitespaces))
                continue
            }
            pins.append(
                Pin(
                    owner: text.substring(with: match.range(at: 1)), name: text.substring(with: match.range(at: 2)),
                    version: text.substring(with: match.range(at: 3))))
        }
        return (pins, floating)
    }

    /// `// swift-tools-version:6.2` (or `: 6.2`) as [6, 2].
    static func toolsVersion(_ manifest: String) -> [Int]? {
        guard let first = manifest.split(separator: "\n").first, first.hasPrefix("// swift-tools-version") else { return nil }
        let number = first.drop { $0 != ":" }.dropFirst().trimmingCharacters(in: .whitespaces).prefix { $0.isNumber || $0 == "." }
        let parts = number.split(separator: ".").compactMap { Int($0) }
        return parts.isEmpty ? nil : parts
    }

    /// The Swift version of each `container: swift:X.Y…` in the workflows, with where it is.
    static func containers(in workflows: [(file: String, text: String)]) -> [(file: String, version: [Int])] {
        var found: [(String, [Int])] = []
        for (file, text) in workflows {
            for line in text.split(separator: "\n") {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                guard trimmed.hasPrefix("container:") || trimmed.hasPrefix("image:") else { continue }
                guard let image = trimmed.split(separator: " ").last, image.hasPrefix("swift:") else { continue }
                let tag = image.dropFirst("swift:".count).prefix { $0.isNumber || $0 == "." }
                found.append((file, tag.split(separator: ".").compactMap { Int($0) }))
            }
        }
        return found
    }

    static func isOlder(_ a: [Int], than b: [Int]) -> Bool {
        for index in 0..<max(a.count, b.count) {
            let x = index < a.count ? a[index] : 0, y = index < b.count ? b[index] : 0
            if x != y { return x < y }
        }
        return false
    }

    /// The pinned version's own Package.swift: from this machine's package copies when there, else
    /// from SwiftPM's checkout (which, with exact pins, is that version).
    static func manifest(of pin: Pin) -> String? {
        let repository = "/opt/swift-packages/\(pin.owner)/\(pin.name).git"
        if FileManager.default.fileExists(atPath: repository),
            let shown = try? CLI.tool("/usr/bin/git", ["-C", repository, "show", "\(pin.version):Package.swift"]), shown.status == 0
        {
            return shown.stdout
        }
        return try? String(contentsOf: CLI.root.appendingPathComponent(".build/checkouts/\(pin.name)/Package.swift"), encoding: .utf8)
    }

    static func workflows() throws -> [(file: String, text: String)] {
        let folder = CLI.root.appendingPathComponent(".github/workflows")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yml") }.sorted().map {
            (".github/workflows/\($0)", try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8))
        }
    }

    @Test func everyDependencyIsPinnedAndTheContainersCanReadThem() throws {
        let (pins, floating) = Self.pins(in: try String(contentsOf: CLI.root.appendingPathComponent("Package.swift"), encoding: .utf8))
        #expect(floating.isEmpty, "Package.swift: requirements that float (pin them with exact: \"x.y.z\"): \(floating)")
        #expect(pins.count >= 8, "\(pins)")
        var required: [Int] = [0]
        var from = "nothing"
        for pin in pins {
            let manifest = try #require(Self.manifest(of: pin), "no Package.swift for \(pin.owner)/\(pin.name) \(pin.version); run swift build first")
            let tools = try #require(Self.toolsVersion(manifest), "\(pin.name) \(pin.version): no swift-tools-version line")
            if Self.isOlder(required, than: tools) { (required, from) = (tools, "\(pin.owner)/\(pin.name) \(pin.version)") }
        }
        // What the pins bring along is read by the same Swift: SwiftPM's checkouts, when built.
        let checkouts = CLI.root.appendingPathComponent(".build/checkouts")
        for name in (try? FileManager.default.contentsOfDirectory(atPath: checkouts.path)) ?? [] {
            guard let text = try? String(contentsOf: checkouts.appendingPathComponent("\(name)/Package.swift"), encoding: .utf8),
                let tools = Self.toolsVersion(text)
            else { continue }
            if Self.isOlder(required, than: tools) { (required, from) = (tools, "\(name) (as resolved in .build/checkouts)") }
        }
        let containers = Self.containers(in: try Self.workflows())
        #expect(!containers.isEmpty, "no `container: swift:X.Y-…` in .github/workflows")
        for container in containers {
            #expect(
                !Self.isOlder(container.version, than: required),
                "\(container.file): container swift:\(container.version.map(String.init).joined(separator: ".")) is older than swift-tools-version \(required.map(String.init).joined(separator: ".")) of \(from); use swift:\(required.map(String.init).joined(separator: "."))-… or newer, or pin an older version"
            )
        }
    }

    /// The checks themselves, on the drift this test exists for (the old workflow's swift:6.1 and
    /// hummingbird 2.28.1's swift-tools-version 6.2) and on a floating requirement.
    @Test func theChecksCatchDrift() {
        let old = Self.containers(in: [("site.yml", "    container: swift:6.1-noble\n")])
        #expect(old.map(\.version) == [[6, 1]])
        #expect(Self.isOlder([6, 1], than: Self.toolsVersion("// swift-tools-version:6.2\nimport PackageDescription")!))
        #expect(!Self.isOlder([6, 3], than: Self.toolsVersion("// swift-tools-version: 6.2")!))
        let parsed = Self.pins(
            in: """
                    .package(url: "https://github.com/jpsim/Yams.git", exact: "6.2.2"),
                    .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
                """)
        #expect(parsed.pins == [Pin(owner: "jpsim", name: "Yams", version: "6.2.2")])
        #expect(parsed.floating.count == 1)
    }
}
