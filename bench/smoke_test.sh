#!/usr/bin/env bash
# Smoke run of the benchmark on a tiny corpus, for the test suite: asserts that the output is
# correct, never how fast it was made.
#
#   bench/smoke_test.sh [path/to/policysite]     (default .build/debug/policysite)
#
# Generates 3 companies x 2 languages, runs `policysite check --strict` and `policysite build`,
# checks the expected pages and their content, builds the Hugo twin site and compares page
# counts. Prints "bench smoke: N passed, M failed"; exits 1 when anything failed.
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
PS=${1:-.build/debug/policysite}
HUGO=${HUGO:-hugo}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/bench-smoke.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

passed=0
failed=0
pass() { passed=$((passed + 1)); echo "ok - $1"; }
fail() { failed=$((failed + 1)); echo "not ok - $1"; [[ -n "${2:-}" ]] && sed 's/^/    /' <<<"$2" | head -n 20; return 0; }
# check DESCRIPTION COMMAND...: passes when COMMAND exits 0.
check() {
    local description=$1; shift
    local output
    if output=$("$@" 2>&1); then pass "$description"; else fail "$description" "$output"; fi
}
finish() {
    echo "bench smoke: $passed passed, $failed failed"
    [[ $failed -eq 0 ]]
    exit $?
}

[[ -x "$PS" ]] || { fail "policysite binary exists at $PS"; finish; }
PS=$(cd "$(dirname "$PS")" && pwd)/$(basename "$PS")

# --- corpus -----------------------------------------------------------------------------------
CORPUS="$WORK/corpus"
check "generate.py exits 0" python3 bench/generate.py --companies 3 --languages 2 --out "$CORPUS" --seed smoke --policysite "$PS"
[[ -d "$CORPUS/content" ]] || finish
check "generate.py is deterministic for a given seed" bash -c \
    "python3 bench/generate.py --companies 3 --languages 2 --out '$WORK/again' --seed smoke --policysite '$PS' >/dev/null && diff -r '$CORPUS' '$WORK/again' >/dev/null"

CONTENT="$CORPUS/content"
mapfile -t COMPANIES < <(find "$CONTENT" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort)
check "3 company folders" test "${#COMPANIES[@]}" -eq 3
LANGS=(en fr)
FIRST=${COMPANIES[0]}

body() { awk 'n >= 2 { print } /^---$/ { n++ }' "$1"; }
words=$(body "$CONTENT/$FIRST/en/privacy.md" | wc -w)
check "policy body is 2,000-6,000 words (got $words)" test "$words" -ge 1900 -a "$words" -le 6500
cookies=$(grep -c '^      - name: ' "$CONTENT/$FIRST/en/privacy.md")
check "policy lists 5-40 cookies (got $cookies)" test "$cookies" -ge 5 -a "$cookies" -le 40
check "current en policy equals the latest archived version" \
    cmp "$CONTENT/$FIRST/en/privacy.md" "$CONTENT/$FIRST/versions/1.2/en/privacy.md"

# --- policysite check / build -------------------------------------------------------------------
check "policysite check --strict exits 0" "$PS" check --strict --content "$CONTENT" --themes themes

TAMPERED="$WORK/tampered"
cp -r "$CONTENT" "$TAMPERED"
echo "Tampered." >> "$TAMPERED/$FIRST/versions/1.0/fr/privacy.md"
tampered=$("$PS" check --content "$TAMPERED" --themes themes 2>&1)
if [[ $? -ne 0 ]] && grep -q "changed after it was published" <<<"$tampered"; then
    pass "check rejects an edited archived version (archive hashes are really verified)"
else
    fail "check rejects an edited archived version (archive hashes are really verified)" "$tampered"
fi

PUBLIC="$WORK/public"
check "policysite build exits 0" "$PS" build --content "$CONTENT" --themes themes --output "$PUBLIC"

missing=()
for company in "${COMPANIES[@]}"; do
    for lang in "${LANGS[@]}"; do
        for page in "" cookies/ rights/ contact/ versions/1.0/ versions/1.1/ versions/1.2/; do
            [[ -f "$PUBLIC/$company/$lang/${page}index.html" ]] || missing+=("$company/$lang/${page}index.html")
        done
    done
done
[[ -f "$PUBLIC/index.html" ]] || missing+=("index.html")
if [[ ${#missing[@]} -eq 0 ]]; then pass "policy, cookies, rights, contact and version pages exist for every company and language"
else fail "policy, cookies, rights, contact and version pages exist for every company and language" "missing: ${missing[*]}"; fi

# Every cookie named in the first company's front matter appears in its cookie table.
mapfile -t NAMES < <(grep -oP '^      - name: "\K[^"]+' "$CONTENT/$FIRST/en/privacy.md")
absent=()
for name in "${NAMES[@]}"; do
    grep -qF "<code>$name</code>" "$PUBLIC/$FIRST/en/cookies/index.html" || absent+=("$name")
done
if [[ ${#NAMES[@]} -gt 0 && ${#absent[@]} -eq 0 ]]; then pass "cookies page of $FIRST lists its ${#NAMES[@]} cookies"
else fail "cookies page of $FIRST lists its ${#NAMES[@]} cookies" "absent: ${absent[*]}"; fi

right=$(grep -oP '^    - right: "\K[^"]+' "$CONTENT/$FIRST/fr/privacy.md" | head -n 1)
check "rights page of $FIRST (fr) lists right '$right'" grep -q "id=\"right-$right\"" "$PUBLIC/$FIRST/fr/rights/index.html"
email=$(grep -oP '^privacy_email: "\K[^"]+' "$CONTENT/$FIRST/company.yml")
check "contact page of $FIRST shows $email" grep -qF "mailto:$email" "$PUBLIC/$FIRST/en/contact/index.html"
check "policy page of $FIRST (fr) is in French" grep -q '<article class="policy" lang="fr"' "$PUBLIC/$FIRST/fr/index.html"

# --- Hugo twin site -----------------------------------------------------------------------------
if ! command -v "$HUGO" >/dev/null; then
    fail "hugo is installed (Debian package hugo)"
    finish
fi
HUGO_PUBLIC="$WORK/public-hugo"
check "hugo builds the generated Hugo site" "$HUGO" --quiet --source "$CORPUS/hugo" --destination "$HUGO_PUBLIC"

policies() { find "$1" -mindepth 3 -maxdepth 3 -path '*/*/index.html' | wc -l; }
versions() { find "$1" -path '*/versions/*/index.html' | wc -l; }
ps_policies=$(policies "$PUBLIC"); hugo_policies=$(policies "$HUGO_PUBLIC")
check "same number of policy pages (policysite $ps_policies, hugo $hugo_policies, expected 6)" \
    test "$ps_policies" -eq "$hugo_policies" -a "$ps_policies" -eq 6
ps_versions=$(versions "$PUBLIC"); hugo_versions=$(versions "$HUGO_PUBLIC")
check "same number of archived-version pages (policysite $ps_versions, hugo $hugo_versions)" \
    test "$ps_versions" -eq "$hugo_versions" -a "$ps_versions" -eq 18
absent=()
for name in "${NAMES[@]}"; do
    grep -qF "<code>$name</code>" "$HUGO_PUBLIC/$FIRST/en/cookies/index.html" || absent+=("$name")
done
if [[ ${#absent[@]} -eq 0 ]]; then pass "Hugo cookies page of $FIRST lists the same cookies"
else fail "Hugo cookies page of $FIRST lists the same cookies" "absent: ${absent[*]}"; fi
check "Hugo policy page has the same Markdown body as the PolicySite policy" \
    cmp <(body "$CONTENT/$FIRST/fr/privacy.md") <(body "$CORPUS/hugo/content/$FIRST/fr/policy.md")


# profile-groups.py (bench/profile.sh's tables) on three made-up samples in perf script's format:
# one in swift-mustache on a policy page, one in Yams while loading, one in the kernel while
# writing.
PROFILE="$CORPUS/profile.txt"
printf '%s\n' 'policysite 1 ' $'\t    1000 swift_retain' $'\t    1001 MustacheTemplate.render(context:)' \
    $'\t    1002 SiteRenderer.renderPolicy(_:at:)' '' 'policysite 1 ' $'\t    2000 yaml_parser_fetch_more_tokens' \
    $'\t    2001 Parser.loadDocument()' $'\t    2002 StrictYAMLDecoder.compose(_:)' \
    $'\t    2003 closure #1 in ContentLoader.loadCompanies(_:of:)' '' 'policysite 2 ' \
    $'\tffffffff81000000 clear_page_erms' $'\t    3001 OutputWriter.write(_:)' > "$PROFILE"
check "profile-groups.py groups samples by stage, page kind and owner" bash -c '
    out=$(python3 bench/profile-groups.py "$1") || exit 1
    for line in "3 samples" "33.3%  templates (swift-mustache)" "33.3%  loading: YAML composition (Yams)" \
        "33.3%  writing the output" "33.3%  renderPolicy" "33.3%  loading" "33.3%  the rest of the build" \
        "33.3%  swift-mustache" "33.3%  Yams (libyaml and its node tree)" "33.3%  kernel"; do
        grep -qF -- "$line" <<<"$out" || { echo "missing: $line"; echo "$out"; exit 1; }
    done' _ "$PROFILE"
finish
