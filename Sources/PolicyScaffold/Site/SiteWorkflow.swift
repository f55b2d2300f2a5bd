import PolicyFiles

/// `.github/workflows/policysite.yml`, the GitHub Actions workflow `new site` writes: it runs the
/// released `policysite` of a pinned version (no Swift toolchain, no compiling), checks pull
/// requests, and deploys the site to GitHub Pages from the default branch. Its `run:` steps use
/// only environment variables, never `${{ }}` expressions, so a test can run them as a script.
public struct SiteWorkflow: Sendable {
    /// Where releases are downloaded from: `<releasesURL>/v<version>/<file>`.
    public static let defaultReleasesURL = "https://github.com/policysite/policysite/releases/download"
    public static let path = ".github/workflows/policysite.yml"

    public var version: String
    public var releasesURL: String

    public init(version: String, releasesURL: String = SiteWorkflow.defaultReleasesURL) {
        self.version = version
        self.releasesURL = releasesURL
    }

    /// The tarball a runner of `machine` (`uname -m`) downloads.
    public static func tarball(version: String, machine: String) -> String { "policysite-\(version)-linux-\(machine).tar.gz" }

    /// True on a push (or manual run) of the default branch: the runs that deploy.
    static let deploys = "github.event_name != 'pull_request' && github.ref == format('refs/heads/{0}', github.event.repository.default_branch)"

    /// The step that downloads the pinned release, checks its SHA-256 and puts it on the PATH:
    /// the same in every job that runs `policysite`.
    static let install = """
              - name: Install PolicySite
                run: |
                  name="policysite-$POLICYSITE_VERSION-linux-$(uname -m)"
                  folder="$RUNNER_TEMP/policysite-download"
                  mkdir -p "$folder"
                  curl -fsSL --retry 3 -o "$folder/$name.tar.gz" "$POLICYSITE_RELEASES/v$POLICYSITE_VERSION/$name.tar.gz"
                  if [ -n "$POLICYSITE_SHA256" ]; then
                    echo "$POLICYSITE_SHA256  $name.tar.gz" > "$folder/$name.tar.gz.sha256"
                  else
                    curl -fsSL --retry 3 -o "$folder/$name.tar.gz.sha256" "$POLICYSITE_RELEASES/v$POLICYSITE_VERSION/$name.tar.gz.sha256"
                  fi
                  (cd "$folder" && sha256sum --check --strict "$name.tar.gz.sha256")
                  tar -xzf "$folder/$name.tar.gz" -C "$folder"
                  # The Debian packages of the libraries it loads (cmark-gfm, mimalloc), listed in DEPENDS.
                  missing=""
                  for package in $(cat "$folder/$name/DEPENDS"); do
                    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing="$missing $package"
                  done
                  if [ -n "$missing" ]; then
                    sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
                    $sudo apt-get update -q
                    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing
                  fi
                  "$folder/$name/policysite" --version
                  echo "$folder/$name" >> "$GITHUB_PATH"

        """

    public var text: String {
        """
        # Checks pull requests and publishes the site to GitHub Pages from the default branch.
        # Written by `policysite new site` (PolicySite \(version)). Once, in the repository's
        # Settings → Pages → Build and deployment → Source, choose "GitHub Actions", and set
        # base_url in content/site.yml to the Pages address (https://OWNER.github.io/REPOSITORY/).
        # To move to another PolicySite, change POLICYSITE_VERSION (and POLICYSITE_SHA256).
        name: Privacy site

        on:
          push:
            branches: [main]  # the default branch: the deploy job runs on it only
          pull_request:
          workflow_dispatch:
          # The optional weekly scan of the live site (the scan job below); it does nothing until
          # the repository variables SCAN_COMPANY and SCAN_URL are set.
          schedule:
            - cron: "17 5 * * 1"  # Mondays 05:17 UTC

        permissions:
          contents: read

        # One run per branch or pull request at a time. A new push cancels a pull request's older
        # run, never a deploy: a default-branch run waits for the one before it to finish.
        concurrency:
          group: policysite-${{ github.ref }}
          cancel-in-progress: ${{ github.event_name == 'pull_request' }}

        env:
          POLICYSITE_VERSION: "\(version)"
          # The tarball's SHA-256 (its .sha256 file on the release page) pins the exact bytes; left
          # empty, the download is checked against the .sha256 file published with it.
          POLICYSITE_SHA256: ""
          POLICYSITE_RELEASES: \(releasesURL)

        jobs:
          build:
            if: github.event_name != 'schedule'
            runs-on: ubuntu-24.04
            timeout-minutes: 15
            steps:
              - uses: actions/checkout@v6

        \(Self.install)
              # Problems show up as annotations on the pull request's files; warnings fail too.
              - name: Check content
                if: github.event_name == 'pull_request'
                run: policysite check --strict --format github

              # Gaps under each declared regime (GDPR Article 13, CCPA, …), as warnings that do not fail.
              - name: Completeness under each regime
                if: github.event_name == 'pull_request'
                run: policysite lint --format github

              # The last build's pages and fingerprints, so this build renders only what changed.
              - name: Restore the previous build
                uses: actions/cache@v5
                with:
                  path: |
                    public
                    \(CacheFolder.name)
                  key: policysite-${{ env.POLICYSITE_VERSION }}-${{ github.ref_name }}-${{ github.sha }}
                  restore-keys: |
                    policysite-${{ env.POLICYSITE_VERSION }}-${{ github.ref_name }}-
                    policysite-${{ env.POLICYSITE_VERSION }}-

              - name: Build site
                run: policysite build --strict

              - name: Upload site
                if: \(Self.deploys)
                uses: actions/upload-pages-artifact@v5
                with:
                  path: public

          deploy:
            if: \(Self.deploys)
            needs: build
            runs-on: ubuntu-24.04
            timeout-minutes: 10
            permissions:
              pages: write
              id-token: write
            environment:
              name: github-pages
              url: ${{ steps.deployment.outputs.page_url }}
            steps:
              # Fails with a clear message when Pages is not set to "GitHub Actions" yet.
              - uses: actions/configure-pages@v6
              - id: deployment
                uses: actions/deploy-pages@v5

          # Holds the policy against the live site (policysite scan, docs/scan.md): undeclared cookies,
          # cookies set before consent, wrong lifetimes and undeclared third parties become annotations
          # on the policy's lines. Set the repository variables (Settings → Secrets and variables →
          # Actions → Variables) SCAN_COMPANY and SCAN_URL, and SCAN_ACCEPT_SELECTOR (the CSS selector
          # of the consent banner's accept button) for a second visit after consent.
          scan:
            if: github.event_name == 'schedule' && vars.SCAN_COMPANY != '' && vars.SCAN_URL != ''
            runs-on: ubuntu-24.04
            timeout-minutes: 20
            steps:
              - uses: actions/checkout@v6

        \(Self.install)
              # GitHub's Ubuntu runners come with Google Chrome; the scan drives it headless.
              - name: Scan the live site
                env:
                  SCAN_COMPANY: ${{ vars.SCAN_COMPANY }}
                  SCAN_URL: ${{ vars.SCAN_URL }}
                  SCAN_ACCEPT_SELECTOR: ${{ vars.SCAN_ACCEPT_SELECTOR }}
                run: |
                  browser="$(command -v google-chrome || command -v chromium)"
                  policysite scan "$SCAN_COMPANY" --url "$SCAN_URL" --pages 30 --browser "$browser" \\
                    ${SCAN_ACCEPT_SELECTOR:+--accept-selector "$SCAN_ACCEPT_SELECTOR"} \\
                    --format github --write-suggestions suggested-cookies.yml

              # Undeclared cookies as cookie-table entries to paste, whatever the scan found.
              - name: Keep the suggestions
                if: always()
                uses: actions/upload-artifact@v5
                with:
                  name: suggested-cookies
                  path: suggested-cookies.yml
                  if-no-files-found: ignore

        """
    }
}
