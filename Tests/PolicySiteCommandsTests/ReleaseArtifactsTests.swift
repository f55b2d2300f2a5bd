import Foundation
import TestSupport
import Testing
import Yams

/// The release artifacts `make dist` makes, from the binary under test (a release build takes
/// minutes; `scripts/dist` packages the test build the same way), used as a user and as the
/// workflow `new site` writes use them: outside the repository, with no themes/ anywhere near.
@Suite(.serialized) struct ReleaseArtifactsTests {
    struct Artifacts {
        var folder: URL
        var version: String
        var tarball: URL
        var deb: URL
    }

    /// Runs a shell script; its output and status.
    static func shell(_ script: String, environment: [String: String] = [:]) throws -> CLI.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["--noprofile", "--norc", "-c", script]
        process.environment = CLI.scratchEnvironment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let (stdout, stderr) = Tool.readBoth(out, err)
        process.waitUntilExit()
        return CLI.Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// `make dist BINARY=<the binary under test>`, once per test process, into the scratch folder.
    static let artifacts: Result<Artifacts, any Error> = Result {
        let folder = Scratch.directory.appendingPathComponent("dist-\(UUID().uuidString.prefix(8))")
        let made = try shell(
            "cd '\(CLI.root.path)' && make -s dist BINARY='\(CLI.binary.path)'",
            // An uncompressed .deb: xz on a debug build was about half this suite's CPU, for a
            // package unpacked once (a release keeps dpkg-deb's default).
            environment: ["DIST": folder.path, "ALLOW_UNPACKAGED": "1", "DEB_COMPRESSION": "none"])
        guard made.status == 0 else { throw WriteError(message: "make dist failed: \(made.stdout)\(made.stderr)") }
        let version = try CLI.run(["--version"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let arch = try shell("uname -m").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let debArch = try shell("dpkg --print-architecture").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        return Artifacts(
            folder: folder, version: version, tarball: folder.appendingPathComponent("policysite-\(version)-linux-\(arch).tar.gz"),
            deb: folder.appendingPathComponent("policysite_\(version)_\(debArch).deb"))
    }

    struct WriteError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// The README's quick start, with `binary` alone on the PATH, in the sandbox's site folder.
    func quickStart(binaryFolder: URL, in sandbox: Sandbox) throws {
        let script = """
            set -e
            export PATH='\(binaryFolder.path)':/usr/bin:/bin
            export HOME='\(sandbox.home.path)'
            cd '\(sandbox.site.path)'
            [ "$(command -v policysite)" = '\(binaryFolder.path)/policysite' ]
            policysite new site my-privacy --title 'Acme privacy' --base-url https://acme.github.io/privacy/ && cd my-privacy
            policysite new company acme --languages en,fr --jurisdictions gdpr,ccpa
            policysite build --strict
            policysite check --strict
            # Without the site's own copy of the theme, the built-in one builds the same pages.
            mv themes ../themes-copy
            policysite build --strict --output ../public-built-in
            diff -r -x .policysite-output public ../public-built-in
            """
        let result = try Self.shell(script)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let site = sandbox.site.appendingPathComponent("my-privacy")
        for file in ["public/acme/fr/index.html", "public/assets/style.css", ".github/workflows/policysite.yml", "content/site.yml"] {
            #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent(file).path), "\(file)")
        }
        #expect(sandbox.brokenCanaries.isEmpty)
    }

    @Test func theTarballRunsTheQuickStartAlone() throws {
        let artifacts = try Self.artifacts.get()
        let checked = try Self.shell("cd '\(artifacts.folder.path)' && sha256sum --check --strict *.sha256")
        #expect(checked.status == 0 && checked.stdout.contains("tar.gz: OK") && checked.stdout.contains(".deb: OK"), "\(checked.stdout)\(checked.stderr)")
        var sandbox = try Sandbox()
        let unpacked = sandbox.middle.appendingPathComponent("unpacked")
        try FileManager.default.createDirectory(at: unpacked, withIntermediateDirectories: true)
        try sandbox.plantCanary(in: unpacked)
        let untar = try Self.shell("tar -xzf '\(artifacts.tarball.path)' -C '\(unpacked.path)'")
        #expect(untar.status == 0, "\(untar.stderr)")
        let top = unpacked.appendingPathComponent(
            "policysite-\(artifacts.version)-linux-\(try Self.shell("uname -m").stdout.trimmingCharacters(in: .whitespacesAndNewlines))")
        let listed = Set(try FileManager.default.subpathsOfDirectory(atPath: top.path))
        #expect(
            listed.isSuperset(of: [
                "policysite", "README.md", "LICENSE", "DEPENDS", "completions/policysite.bash", "completions/_policysite", "completions/policysite.fish",
            ]),
            "\(listed.sorted())")
        #expect(!listed.contains { $0.hasPrefix("themes") || $0.hasPrefix("share") }, "\(listed.sorted())")
        try quickStart(binaryFolder: top, in: sandbox)
    }

    @Test func theDebRunsTheQuickStartAloneAndDependsOnExactlyItsLibraries() throws {
        let artifacts = try Self.artifacts.get()
        var sandbox = try Sandbox()
        let root = sandbox.middle.appendingPathComponent("root")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try sandbox.plantCanary(in: root)
        let extracted = try Self.shell("dpkg-deb -x '\(artifacts.deb.path)' '\(root.path)'")
        #expect(extracted.status == 0, "\(extracted.stderr)")
        let binary = root.appendingPathComponent("usr/bin/policysite")
        #expect(FileManager.default.isExecutableFile(atPath: binary.path))
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("usr/share/bash-completion/completions/policysite").path))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("usr/share/policysite").path))

        // Depends names the package of each library ldd lists (that has one), and nothing else.
        let depends = try Self.shell("dpkg-deb -f '\(artifacts.deb.path)' Depends").stdout
            .split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        let owners = try Self.shell(
            """
            ldd '\(binary.path)' | awk '$2 == "=>" && $3 ~ /^\\// { print $3 } $1 ~ /^\\// { print $1 }' | sort -u | while read -r lib; do
              for c in "$lib" "$(readlink -f "$lib")" "${lib#/usr}" "/usr$lib"; do
                o=$(dpkg -S "$c" 2>/dev/null | head -1 | cut -d: -f1) && [ -n "$o" ] && { echo "$o"; break; }
              done
            done | sort -u
            """
        ).stdout.split(separator: "\n").map(String.init)
        #expect(Set(depends) == Set(owners), "Depends: \(depends); ldd's packages: \(owners)")
        #expect(
            depends.contains { $0.hasPrefix("libcmark-gfm") } && depends.contains { $0.hasPrefix("libmimalloc") } && depends.contains("libc6"), "\(depends)")
        try quickStart(binaryFolder: binary.deletingLastPathComponent(), in: sandbox)
    }
}
