import Foundation
import PolicyFiles
import TestSupport
import Testing
import Yams

/// The workflow `new site` writes, run as a shell script the way a GitHub runner runs its steps,
/// against a local copy of the release files (its download URL a file:// one), on a fresh site.
@Suite(.serialized) struct SiteWorkflowTests {
    /// A new site whose workflow downloads from `releases` (a folder laid out as a release page:
    /// `v<version>/<file>`), with a company, as a user has it before the first push.
    func freshSite(in sandbox: Sandbox, releases: URL) throws -> URL {
        let site = sandbox.site.appendingPathComponent("privacy")
        let created = try CLI.run(
            ["new", "site", site.path, "--title", "Acme privacy", "--base-url", "https://acme.github.io/privacy/", "--release-url", releases.absoluteString],
            in: sandbox.site)
        #expect(created.status == 0, "\(created.stderr)")
        let company = try CLI.run(["new", "company", "acme", "--languages", "en,fr", "--jurisdictions", "gdpr,ccpa"], in: site)
        #expect(company.status == 0, "\(company.stderr)")
        return site
    }

    /// The release files at `<folder>/v<version>/`.
    func releaseFolder(in sandbox: Sandbox) throws -> (folder: URL, artifacts: ReleaseArtifactsTests.Artifacts) {
        let artifacts = try ReleaseArtifactsTests.artifacts.get()
        let releases = sandbox.outer.appendingPathComponent("releases")
        let tagged = releases.appendingPathComponent("v\(artifacts.version)")
        try FileManager.default.createDirectory(at: tagged, withIntermediateDirectories: true)
        for file in try FileManager.default.contentsOfDirectory(atPath: artifacts.folder.path) {
            try FileManager.default.copyItem(at: artifacts.folder.appendingPathComponent(file), to: tagged.appendingPathComponent(file))
        }
        return (releases, artifacts)
    }

    /// The build job's steps for `event` as one bash script: each `run:` in its own
    /// `bash -eo pipefail` (as GitHub runs it), `if:` decided for the event, GITHUB_PATH applied
    /// between steps. `uses:` steps are GitHub's (checkout, cache, Pages) and are left out.
    func script(for workflow: [String: Any], event: String, site: URL, runner: URL, environment extra: [String: String] = [:]) throws -> String {
        let jobs = try #require(workflow["jobs"] as? [String: Any])
        let build = try #require(jobs["build"] as? [String: Any])
        let steps = try #require(build["steps"] as? [[String: Any]])
        var environment = (workflow["env"] as? [String: Any] ?? [:]).mapValues { "\($0)" }
        environment.merge(extra) { $1 }
        var lines = [
            "set -eu", "cd '\(site.path)'", "export PATH=/usr/bin:/bin", "export RUNNER_TEMP='\(runner.path)'",
            "export GITHUB_PATH='\(runner.path)/github-path'", ": > \"$GITHUB_PATH\"",
        ]
        for (name, value) in environment.sorted(by: { $0.key < $1.key }) { lines.append("export \(name)='\(value)'") }
        for (index, step) in steps.enumerated() {
            guard let run = step["run"] as? String else { continue }
            if let condition = step["if"] as? String {
                switch condition {
                case "github.event_name == 'pull_request'": if event != "pull_request" { continue }
                case SiteWorkflowTests.deploys: if event == "pull_request" { continue }
                default: Issue.record("a step condition this test does not know: \(condition)")
                }
            }
            #expect(!run.contains("${{"), "step \(step["name"] ?? index) uses an expression; the script could not run it")
            let file = runner.appendingPathComponent("step-\(index).sh")
            try run.write(to: file, atomically: true, encoding: .utf8)
            lines.append("echo '>>> \(step["name"] as? String ?? "step \(index)")'")
            lines.append("bash --noprofile --norc -eo pipefail '\(file.path)'")
            lines.append("while read -r folder; do PATH=\"$folder:$PATH\"; done < \"$GITHUB_PATH\"")
        }
        return lines.joined(separator: "\n")
    }

    static let deploys = "github.event_name != 'pull_request' && github.ref == format('refs/heads/{0}', github.event.repository.default_branch)"

    @Test func theWorkflowRunsOnAFreshSiteInUnderTwoMinutes() throws {
        var sandbox = try Sandbox()
        let (releases, artifacts) = try releaseFolder(in: sandbox)
        let site = try freshSite(in: sandbox, releases: releases)
        let file = site.appendingPathComponent(".github/workflows/policysite.yml")
        let text = try String(contentsOf: file, encoding: .utf8)
        let workflow = try #require(try Yams.load(yaml: text, Resolver.default.removing(.bool)) as? [String: Any])

        // The shape the issue asks for.
        let env = try #require(workflow["env"] as? [String: Any])
        #expect("\(env["POLICYSITE_VERSION"] ?? "")" == artifacts.version)
        let concurrency = try #require(workflow["concurrency"] as? [String: Any])
        #expect("\(concurrency["cancel-in-progress"] ?? "")" == "${{ github.event_name == 'pull_request' }}")
        let jobs = try #require(workflow["jobs"] as? [String: [String: Any]])
        for (name, job) in jobs { #expect(job["timeout-minutes"] is Int, "job \(name) has no timeout-minutes") }
        #expect("\(jobs["deploy"]?["if"] ?? "")" == Self.deploys)
        // The optional weekly scan: on the schedule only, only once its variables are set, never a
        // build or deploy on the schedule, and the same checked download as the build job.
        let scan = try #require(jobs["scan"])
        #expect("\(scan["if"] ?? "")" == "github.event_name == 'schedule' && vars.SCAN_COMPANY != '' && vars.SCAN_URL != ''")
        #expect("\(jobs["build"]?["if"] ?? "")" == "github.event_name != 'schedule'")
        let runs = { (job: [String: Any]?) in (job?["steps"] as? [[String: Any]] ?? []).compactMap { $0["run"] as? String } }
        #expect(runs(scan).contains { $0.contains(#"policysite scan "$SCAN_COMPANY" --url "$SCAN_URL""#) && $0.contains("--format github") })
        #expect(runs(scan).first == runs(jobs["build"]).first, "the scan job installs PolicySite another way than the build job")
        for action in ["actions/checkout@v6", "actions/cache@v5", "actions/upload-pages-artifact@v5", "actions/configure-pages@v6", "actions/deploy-pages@v5"] {
            #expect(text.contains("uses: \(action)"), "\(action)")
        }
        #expect(text.contains("policysite check --strict --format github") && text.contains("policysite lint --format github"))
        #expect(text.contains("            public\n") && text.contains(".policysite-cache"))

        // Valid for GitHub: the workflow schema from check-jsonschema's vendored schemas.
        let checker = CLI.root.appendingPathComponent(".build-tools/python/bin/check-jsonschema").path
        if FileManager.default.isExecutableFile(atPath: checker) {
            let valid = try CLI.tool(checker, ["--builtin-schema", "vendor.github-workflows", file.path])
            #expect(valid.status == 0, "\(valid.stdout)\(valid.stderr)")
        } else {
            #expect(!CLI.checkersRequired, "check-jsonschema missing: run scripts/setup --test")
        }

        // A pull request (check, lint, build), then the push to main that deploys (build, upload).
        let start = Date()
        for event in ["pull_request", "push"] {
            let runner = sandbox.outer.appendingPathComponent("runner-\(event)")
            try FileManager.default.createDirectory(at: runner, withIntermediateDirectories: true)
            try sandbox.plantCanary(in: runner)
            let result = try ReleaseArtifactsTests.shell(try script(for: workflow, event: event, site: site, runner: runner))
            #expect(result.status == 0, "\(event): \(result.stdout)\(result.stderr)")
            #expect(result.stdout.contains(">>> Build site"))
            #expect(result.stdout.contains(">>> Check content") == (event == "pull_request"))
            #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("public/acme/en/index.html").path))
        }
        let seconds = Date().timeIntervalSince(start)
        print("site workflow: pull request and deploy runs took \(String(format: "%.1f", seconds)) s together")
        #expect(seconds < 120, "the workflow's steps took \(Int(seconds)) s")
        #expect(sandbox.brokenCanaries.isEmpty)
    }

    /// A download whose bytes are not the pinned ones stops the job before anything runs.
    @Test func aWrongChecksumStopsTheInstall() throws {
        let sandbox = try Sandbox()
        let (releases, _) = try releaseFolder(in: sandbox)
        let site = try freshSite(in: sandbox, releases: releases)
        let text = try String(contentsOf: site.appendingPathComponent(".github/workflows/policysite.yml"), encoding: .utf8)
        let workflow = try #require(try Yams.load(yaml: text, Resolver.default.removing(.bool)) as? [String: Any])
        let runner = sandbox.outer.appendingPathComponent("runner")
        try FileManager.default.createDirectory(at: runner, withIntermediateDirectories: true)
        let wrong = String(repeating: "0", count: 64)
        let result = try ReleaseArtifactsTests.shell(
            try script(for: workflow, event: "pull_request", site: site, runner: runner, environment: ["POLICYSITE_SHA256": wrong]))
        #expect(result.status != 0)
        #expect(result.stderr.contains("FAILED") || result.stdout.contains("FAILED"), "\(result.stdout)\(result.stderr)")
        #expect(!result.stdout.contains(">>> Check content"))
    }
}
