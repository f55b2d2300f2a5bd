#!/usr/bin/env bash
# PolicySite vs Hugo on the same synthetic corpus.
#
#   bench/run.sh [N] [L]        N companies (default 100) x L languages (default 3)
#   bench/run.sh all            100 x 3 and 1,000 x 3, each with history (3 published versions)
#                               and without (1), then the ratio table of the four (BENCH_RUNS
#                               runs each at 100 x 3, default 3; BENCH_LARGE_RUNS at 1,000 x 3,
#                               default 1: one cold build varies by 10-15% on a shared machine)
#
# Builds PolicySite in release (own scratch path .build-bench), generates the corpus into
# bench/out/N-L (reused while generate.py and the arguments are unchanged), then times cold
# builds of both tools, taking turns, under /usr/bin/time -v (BENCH_RUNS runs each, default 3:
# median wall time, max peak RSS) and a one-file rebuild of PolicySite. Exits non-zero when a
# build fails.
# Environment: BENCH_RUNS, BENCH_LARGE_RUNS (bench/run.sh all), BENCH_SEED (default 1),
# BENCH_VERSIONS (default 3), HUGO (default hugo), POLICYSITE (use this binary instead of
# building one).
#
# Outputs of earlier runs are moved aside into bench/out/.trash, never deleted between timed
# runs, and the trash is emptied once all timing is done. On ext4 without a journal (this
# machine's disk) an inode freed in the last 60 s (360 s while its inode-table block is dirty)
# is skipped when a new one is allocated, one by one: creating a site's 50,000 files right after
# deleting the last run's 50,000 scans the freed ones again for every file. That put up to 50 s
# of system time into one cold build, more for the tool that writes more files, and measured
# the file system's reuse policy rather than either tool (docs/performance.md, "The bench's own precautions").
# The same holds across runs: a run started right after another emptied its trash waits until
# 360 s have passed before its first timed build (`settle`).
set -euo pipefail

# ROOT, TRASH (where set_aside moves earlier outputs: a rename, nothing freed, see above),
# corpus_dir and set_aside.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
# When the trash was last emptied: a run started within 360 s of that (another bench/run.sh
# right after this one) would time the same reuse policy, so it waits that out first.
EMPTIED="$ROOT/bench/out/.trash-emptied"
SETTLE=360
empty_trash() {
    rm -rf "$TRASH"
    date +%s > "$EMPTIED"
}
settle() {
    [[ -f "$EMPTIED" ]] || return 0
    local wait=$(( $(cat "$EMPTIED") + SETTLE - $(date +%s) ))
    if (( wait > 0 )); then
        echo "waiting ${wait} s: an earlier run freed its outputs less than ${SETTLE} s ago (see the top of this script)"
        sleep "$wait"
    fi
}

if [[ "${1:-}" == all ]]; then
    RESULTS="$ROOT/bench/out/results.tsv"
    mkdir -p "$ROOT/bench/out"
    : > "$RESULTS"
    if [[ -z "${POLICYSITE:-}" ]]; then
        swift build -c release --scratch-path "$ROOT/.build-bench" --product policysite 2>&1 | tail -n 1
        export POLICYSITE="$ROOT/.build-bench/release/policysite"
    fi
    for config in "100 3 ${BENCH_RUNS:-3}" "100 1 ${BENCH_RUNS:-3}" "1000 3 ${BENCH_LARGE_RUNS:-1}" "1000 1 ${BENCH_LARGE_RUNS:-1}"; do
        read -r n versions runs <<< "$config"
        BENCH_VERSIONS=$versions BENCH_RUNS=$runs BENCH_RESULTS="$RESULTS" BENCH_KEEP_TRASH=1 "$0" "$n" 3
    done
    empty_trash
    echo
    echo "== Ratio table (one bench/run.sh all run; medians of the runs column; ratio = Hugo wall / PolicySite wall, above 1: PolicySite is faster; CPU = user + system)"
    python3 - "$RESULTS" <<'EOF'
import sys
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1]) if line.strip()]
print("| corpus | history | runs | PolicySite wall | Hugo wall | ratio | PolicySite CPU | Hugo CPU | CPU ratio | PolicySite peak | Hugo peak | check wall | check peak | one-file rebuild | first rebuild after cold | no-change rebuild |")
print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for n, l, versions, runs, ps, hugo, ps_rss, hugo_rss, check, check_rss, rebuild, nochange, first, ps_cpu, hugo_cpu in rows:
    history = "none (1 version)" if versions == "1" else f"{int(versions)} versions"
    ratio = float(hugo) / float(ps)
    cpu_ratio = float(hugo_cpu) / float(ps_cpu)
    print(f"| {int(n):,} x {l} | {history} | {runs} | {float(ps):.2f} s | {float(hugo):.2f} s | {ratio:.2f} | {float(ps_cpu):.2f} s | {float(hugo_cpu):.2f} s | {cpu_ratio:.2f} | {float(ps_rss):.0f} MB | {float(hugo_rss):.0f} MB | {float(check):.2f} s | {float(check_rss):.0f} MB | {float(rebuild):.2f} s | {float(first):.2f} s | {float(nochange):.2f} s |")
EOF
    exit 0
fi

N=${1:-100}
L=${2:-3}
RUNS=${BENCH_RUNS:-3}
SEED=${BENCH_SEED:-1}
VERSIONS=${BENCH_VERSIONS:-3}
HUGO=${HUGO:-hugo}

cd "$ROOT"
OUT=$(corpus_dir "$N" "$L" "$VERSIONS")
CONTENT="$OUT/content"
PS_OUT="$OUT/public-policysite"
HUGO_OUT="$OUT/public-hugo"
TIMES="$OUT/times"

die() { echo "bench: $*" >&2; exit 1; }
[[ -x /usr/bin/time ]] || die "/usr/bin/time is missing (Debian package 'time')"
command -v "$HUGO" >/dev/null || die "hugo not found (Debian package 'hugo')"
command -v python3 >/dev/null || die "python3 not found"

echo "== Machine"
echo "cpus: $(nproc)  $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//')"
echo "memory: $(awk '/MemTotal/ {printf "%.1f GB", $2 / 1048576}' /proc/meminfo)"
echo "hugo: $("$HUGO" version | cut -d' ' -f1-2)"
echo "swift: $(swift --version 2>/dev/null | head -1)"

echo
echo "== Building PolicySite (release, --scratch-path .build-bench)"
if [[ -n "${POLICYSITE:-}" ]]; then
    PS="$POLICYSITE"
    echo "using POLICYSITE=$PS"
else
    swift build -c release --scratch-path .build-bench --product policysite 2>&1 | tail -n 3
    PS="$ROOT/.build-bench/release/policysite"
fi
[[ -x "$PS" ]] || die "no policysite binary at $PS"

echo
echo "== Generating corpus: $N companies x $L languages, $VERSIONS versions, seed $SEED -> ${OUT#$ROOT/}"
STAMP="$(sha256sum bench/generate.py themes/default/i18n/*.yml | sha256sum | cut -c1-16) $N $L $SEED $VERSIONS"
if [[ -f "$OUT/.stamp" && "$(cat "$OUT/.stamp")" == "$STAMP" ]]; then
    echo "reusing the corpus generated earlier (same generator and arguments)"
else
    rm -f "$OUT/.stamp"
    python3 bench/generate.py --companies "$N" --languages "$L" --out "$OUT" --seed "$SEED" --versions "$VERSIONS" --policysite "$PS"
    echo "$STAMP" > "$OUT/.stamp"
fi
echo "content: $(find "$CONTENT" -type f | wc -l) files, $(du -sh "$CONTENT" | cut -f1)"
rm -rf "$TIMES"
mkdir -p "$TIMES"

# timed NAME COMMAND...: runs COMMAND under /usr/bin/time -v; output in $TIMES/NAME.{time,log}.
timed() {
    local name=$1; shift
    if ! /usr/bin/time -v -o "$TIMES/$name.time" "$@" > "$TIMES/$name.log" 2>&1; then
        echo "FAILED: $*" >&2
        tail -n 30 "$TIMES/$name.log" >&2
        exit 1
    fi
}
wall() { python3 - "$1" <<'EOF'
import re, sys
text = open(sys.argv[1]).read()
clock = re.search(r"Elapsed \(wall clock\) time.*: (\S+)", text).group(1)
seconds = 0.0
for part in clock.split(":"):
    seconds = seconds * 60 + float(part)
print(f"{seconds:.2f}")
EOF
}

echo
echo "== policysite check --strict (validates the corpus; renders every page in memory)"
timed check "$PS" check --strict --content "$CONTENT" --themes themes
tail -n 1 "$TIMES/check.log"
echo "check: $(wall "$TIMES/check.time") s"

echo
echo "== Cold builds, PolicySite and Hugo taking turns ($RUNS runs each)"
# Both inputs read once first, so both are in the page cache. `check` has just read
# PolicySite's, and Hugo's could still be on disk: the outputs of earlier runs (moved aside,
# not freed) push it out of memory. A Hugo run that reads its 250 MB input from disk spends
# up to 12 s more in the kernel at 1,000 x 3 (docs/performance.md, "The bench's own precautions").
find "$CONTENT" "$OUT/hugo" -type f -print0 | xargs -0 cat > /dev/null
settle
# Taking turns, so a spell when the shared machine is slower weighs on both tools alike: run
# after run, the same build here varies by 10-15% in CPU time, more than between the tools.
for i in $(seq 1 "$RUNS"); do
    # Cold: no output and no caches (render manifest, parsed archives) from an earlier run.
    set_aside "$PS_OUT" "$OUT"/.public-policysite.* "$OUT/.policysite-cache"
    timed "policysite-$i" "$PS" build --quiet --content "$CONTENT" --themes themes --output "$PS_OUT"
    set_aside "$HUGO_OUT" "$OUT/hugo/resources" "$OUT/hugo/.hugo_build.lock"
    timed "hugo-$i" "$HUGO" --quiet --source "$OUT/hugo" --destination "$HUGO_OUT"
    echo "run $i: PolicySite $(wall "$TIMES/policysite-$i.time") s, Hugo $(wall "$TIMES/hugo-$i.time") s"
done

echo
echo "== PolicySite one-file rebuilds (one policy edited, build into the existing output)"
# Edit 0 is the first build after the cold one: it has no spare folder yet (the output a swap
# took out, .policysite-cache/<output>.previous) and stages the whole site once. Edits 1-3 are
# the edit-build loop; the table reports their median and edit 0 apart.
# The edited file is restored afterwards, so the corpus stays as generated.
EDIT=$(find "$CONTENT" -mindepth 3 -maxdepth 3 -path '*/en/privacy.md' | sort | awk 'NR == 1')
[[ -n "$EDIT" ]] || EDIT=$(find "$CONTENT" -mindepth 3 -maxdepth 3 -name privacy.md -not -path '*/versions/*' | sort | awk 'NR == 1')
cp "$EDIT" "$TIMES/edited.orig"
restore() { if [[ -f "$TIMES/edited.orig" ]]; then cp "$TIMES/edited.orig" "$EDIT" && rm -f "$TIMES/edited.orig"; fi; return 0; }
trap restore EXIT
echo "edited file: ${EDIT#$ROOT/}"
for i in 0 1 2 3; do
    printf '\nThis paragraph was added by the benchmark, edit number %s.\n' "$i" >> "$EDIT"
    timed "rebuild-$i" "$PS" build --content "$CONTENT" --themes themes --output "$PS_OUT"
    echo "run $i: $(wall "$TIMES/rebuild-$i.time") s  ($(grep -o 'Built.*' "$TIMES/rebuild-$i.log" | tail -n 1))"
done
restore
trap - EXIT
timed "rebuild-reverted" "$PS" build --content "$CONTENT" --themes themes --output "$PS_OUT"
echo "rebuild with the edit reverted: $(wall "$TIMES/rebuild-reverted.time") s  ($(grep -o 'Built.*' "$TIMES/rebuild-reverted.log" | tail -n 1))"
timed "rebuild-nochange" "$PS" build --content "$CONTENT" --themes themes --output "$PS_OUT"
echo "rebuild with nothing changed: $(wall "$TIMES/rebuild-nochange.time") s  ($(grep -o 'Built.*' "$TIMES/rebuild-nochange.log" | tail -n 1))"

echo
echo "== Results: $N companies x $L languages ($VERSIONS versions each), median of $RUNS cold builds"
python3 - "$TIMES" "$RUNS" "$PS_OUT" "$HUGO_OUT" "${BENCH_RESULTS:-}" "$N $L $VERSIONS" <<'EOF'
import os, re, statistics, sys
times, runs, ps_out, hugo_out = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
results, corpus = sys.argv[5], sys.argv[6].split()

def parse(path):
    text = open(path).read()
    clock = re.search(r"Elapsed \(wall clock\) time.*: (\S+)", text).group(1)
    wall = 0.0
    for part in clock.split(":"):
        wall = wall * 60 + float(part)
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
    cpu = float(re.search(r"User time \(seconds\): (\S+)", text).group(1)) + float(re.search(r"System time \(seconds\): (\S+)", text).group(1))
    return wall, rss, cpu

def count(folder):
    html = files = 0
    for _, _, names in os.walk(folder):
        files += len(names)
        html += sum(name.endswith(".html") for name in names)
    return html, files

rows = {}
for tool, folder in (("policysite", ps_out), ("hugo", hugo_out)):
    samples = [parse(os.path.join(times, f"{tool}-{i}.time")) for i in range(1, runs + 1)]
    wall = statistics.median(s[0] for s in samples)
    cpu = statistics.median(s[2] for s in samples)
    rss = max(s[1] for s in samples) / 1024
    pages, files = count(folder)
    rows[tool] = (pages, files, wall, cpu, rss)

print(f"{'tool':<12}{'pages':>8}{'files':>8}{'wall s':>9}{'cpu s':>9}{'pages/s':>10}{'peak MB':>9}")
for tool, (pages, files, wall, cpu, rss) in rows.items():
    rate = pages / wall if wall > 0 else float("inf")
    print(f"{tool:<12}{pages:>8}{files:>8}{wall:>9.2f}{cpu:>9.2f}{rate:>10.0f}{rss:>9.0f}")
ps, hugo = rows["policysite"], rows["hugo"]
if ps[2] > 0 and hugo[2] > 0:
    print(f"ratio hugo_time/policysite_time: {hugo[2] / ps[2]:.2f}  (> 1: PolicySite is faster)")
    print(f"ratio of CPU time, hugo/policysite: {hugo[3] / ps[3]:.2f}  (less sensitive to other load on the machine)")
    print(f"ratio of pages/s, policysite/hugo: {(ps[0] / ps[2]) / (hugo[0] / hugo[2]):.2f}  (pages = .html files written; the sites differ in page count, see bench/README.md)")
first = parse(os.path.join(times, "rebuild-0.time"))[0]
rebuilds = [parse(os.path.join(times, f"rebuild-{i}.time"))[0] for i in range(1, 4)]
nochange = parse(os.path.join(times, "rebuild-nochange.time"))[0]
print(f"policysite one-file rebuild: {statistics.median(rebuilds):.2f} s median of 3 (the first after the cold build {first:.2f} s; cold build {ps[2]:.2f} s); no-change rebuild {nochange:.2f} s")
check_wall, check_rss, _ = parse(os.path.join(times, "check.time"))
print(f"policysite check --strict: {check_wall:.2f} s, peak {check_rss / 1024:.0f} MB")
if results:
    with open(results, "a") as out:
        fields = corpus + [runs, ps[2], hugo[2], ps[4], hugo[4], check_wall, check_rss / 1024, statistics.median(rebuilds), nochange, first, ps[3], hugo[3]]
        out.write("\t".join(str(field) for field in fields) + "\n")
EOF

# All timing is done: free the outputs set aside (bench/run.sh all does it after its last corpus).
[[ -n "${BENCH_KEEP_TRASH:-}" ]] || empty_trash
