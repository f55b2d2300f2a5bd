import Foundation
import PolicyFiles
import TestSupport
import Testing

/// Several `publish` processes of the real binary started at the same moment, round after
/// round: every "Published" line has its own version, recorded once in the changelog, and no
/// process fails with a raw Foundation error. The site lock makes them take turns.
@Suite(.serialized) struct ConcurrentPublishTests {
    static let themes = CLI.root.appendingPathComponent("themes").path
    static let rounds = 20

    /// A fresh site from `new site` and `new company` (English only, placeholders filled in),
    /// two folders deep in the scratch folder, with a canary in every folder above it.
    static func site(companies: [String]) throws -> (site: URL, canaries: [URL]) {
        let outer = try CLI.temporaryDirectory("concurrent")
        let inner = outer.appendingPathComponent("inner-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: inner, withIntermediateDirectories: true)
        let canaries = [outer, inner].map { $0.appendingPathComponent("canary.txt") }
        for canary in canaries { try Data("canary".utf8).write(to: canary) }
        let site = inner.appendingPathComponent("site")
        let created = try CLI.run(
            ["new", "site", site.path, "--title", "Lock test", "--base-url", "https://privacy.lock.example/", "--themes", themes], in: inner)
        #expect(created.status == 0, "\(created.stderr)")
        for company in companies {
            let made = try CLI.run(["new", "company", company, "--languages", "en"], in: site)
            #expect(made.status == 0, "\(made.stderr)")
        }
        let marker = try NSRegularExpression(pattern: #"\[\[TODO:[^\]]*\]\]"#)
        let content = site.appendingPathComponent("content")
        for path in try FileManager.default.subpathsOfDirectory(atPath: content.path) where path.hasSuffix(".yml") || path.hasSuffix(".md") {
            let url = content.appendingPathComponent(path)
            let text = try read(url)
            let filled = marker.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "Written by the privacy team")
            try filled.write(to: url, atomically: true, encoding: .utf8)
        }
        return (site, canaries)
    }

    /// Starts every command at once and waits for all of them.
    static func runTogether(_ commands: [[String]], in folder: URL) throws -> [CLI.Result] {
        let started = try commands.map { arguments -> (Process, Pipe, Pipe) in
            let process = Process()
            process.executableURL = CLI.binary
            process.arguments = arguments
            process.currentDirectoryURL = folder
            let out = Pipe(), err = Pipe()
            process.standardOutput = out
            process.standardError = err
            return (process, out, err)
        }
        for (process, _, _) in started { try process.run() }
        return started.map { process, out, err in
            let stdout = out.fileHandleForReading.readDataToEndOfFile()
            let stderr = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return CLI.Result(
                status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
        }
    }

    /// The versions `changelog.yml` of `company` lists, in order.
    static func changelogVersions(_ site: URL, _ company: String) throws -> [String] {
        let url = site.appendingPathComponent("content/\(company)/changelog.yml")
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        return try read(url).split(separator: "\n").compactMap { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("- version: ") else { return nil }
            return trimmed.dropFirst("- version: ".count).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
    }

    /// "Published acme 1.3 (…)" → ("acme", "1.3").
    static func published(_ results: [CLI.Result]) -> [(company: String, version: String)] {
        results.flatMap { result in
            result.stdout.split(separator: "\n").compactMap { line -> (String, String)? in
                let words = line.split(separator: " ")
                guard words.count >= 3, words[0] == "Published" else { return nil }
                return (String(words[1]), String(words[2]))
            }
        }
    }

    /// Runs the rounds: before each, every company's policy gets a new sentence; then one
    /// process per entry of `publishers` publishes the company it names.
    static func publishInRounds(companies: [String], publishers: [String]) throws {
        let clock = ContinuousClock(), start = clock.now
        let (site, canaries) = try site(companies: companies)
        let initial = try Dictionary(uniqueKeysWithValues: companies.map { ($0, try changelogVersions(site, $0)) })
        var announced: [(company: String, version: String)] = []
        var results: [CLI.Result] = []
        for round in 1...rounds {
            for company in companies {
                let policy = site.appendingPathComponent("content/\(company)/en/privacy.md")
                try (try read(policy) + "\nRound \(round) adds this sentence.\n").write(to: policy, atomically: true, encoding: .utf8)
            }
            let commands = publishers.map { ["publish", $0, "--summary", "Round \(round) for \($0)", "--themes", themes] }
            let outcome = try runTogether(commands, in: site)
            let done = published(outcome)
            // Every company had a change, so each one is published exactly once per round;
            // the processes that came second find nothing left to publish and say so.
            #expect(done.map(\.company).sorted() == companies.sorted(), "round \(round): \(outcome.map(\.stdout)) \(outcome.map(\.stderr))")
            for result in outcome where result.status != 0 {
                #expect(result.stderr.contains("nothing changed since version"), "round \(round): \(result.stderr)")
            }
            announced += done
            results += outcome
        }
        for result in results {
            #expect(!result.stderr.contains("ErrorDomain") && !result.stdout.contains("ErrorDomain"), "\(result.stderr)")
        }
        for company in companies {
            let versions = try changelogVersions(site, company)
            let added = Array(versions.dropFirst(initial[company]!.count))
            let reported = announced.filter { $0.company == company }.map(\.version)
            // Every version announced is in the changelog exactly once, and nothing else was added.
            #expect(Set(reported).count == reported.count, "\(company): a version was announced twice: \(reported)")
            #expect(added == reported, "\(company): changelog added \(added), the processes announced \(reported)")
        }
        // The processes did overlap: some waited for another one's lock, and said so.
        #expect(results.contains { $0.stderr.contains("waiting for another publish of the site (pid ") })
        let check = try CLI.run(["check", "--themes", themes], in: site)
        #expect(check.status == 0, "\(check.stderr)")
        for canary in canaries { #expect(try read(canary) == "canary") }
        print("\(publishers.count) × \(rounds) concurrent publishes of \(Set(publishers).count) companies took \(clock.now - start)")
    }

    @Test func simultaneousPublishesOfOneCompanyEachGetTheirOwnVersion() throws {
        try Self.publishInRounds(companies: ["acme"], publishers: ["acme", "acme", "acme"])
    }

    @Test func simultaneousPublishesOfDifferentCompaniesAllSucceed() throws {
        try Self.publishInRounds(companies: ["alpha", "bravo", "charlie"], publishers: ["alpha", "bravo", "charlie"])
    }
}
