#!/usr/bin/env bash
# Where the CPU of a cold PolicySite build goes: a sampling profile (`perf record -g`) of one
# build of a bench corpus, grouped by bench/profile-groups.py (by stage, by page kind, and by
# owner: swift-mustache, Yams, cmark-gfm, the kernel, PolicySite's own code).
#
#   bench/profile.sh [N] [VERSIONS]     N companies (default 1000) x 3 languages, VERSIONS
#                                       published versions each (default 3)
#
# The corpus is bench/run.sh's (bench/out/N-3, or N-3-vV): generate it with
# `BENCH_VERSIONS=V bench/run.sh N 3` first. Builds PolicySite in release like bench/run.sh
# (scratch path .build-bench; POLICYSITE=path profiles another binary). The samples stay in
# bench/out/N-3…/profile.{data,txt} for other questions. PROFILE_HZ sets the sampling rate
# (default 299: a 1,000 x 3 build with history gives 15,000-17,000 samples). Needs perf (Debian
# package linux-perf; `scripts/setup --bench` installs it with Hugo and time).
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
N=${1:-1000}
VERSIONS=${2:-3}
OUT=$(corpus_dir "$N" 3 "$VERSIONS")
die() { echo "profile: $*" >&2; exit 1; }

command -v perf >/dev/null || die "perf not found (Debian package 'linux-perf'; scripts/setup --bench)"
[[ -f "$OUT/.stamp" ]] || die "no corpus at ${OUT#$ROOT/}: run 'BENCH_VERSIONS=$VERSIONS bench/run.sh $N 3' first"

cd "$ROOT"
if [[ -n "${POLICYSITE:-}" ]]; then
    PS="$POLICYSITE"
else
    swift build -c release --scratch-path .build-bench --product policysite 2>&1 | tail -n 1
    PS="$ROOT/.build-bench/release/policysite"
fi

# Cold, as bench/run.sh times it: no output and no caches. Earlier outputs are moved into
# bench/run.sh's trash rather than deleted, for the reason its header gives (freed inodes slow
# down creating the next site's files); its next run empties the trash.
BUILD_OUT="$OUT/public-profile"
set_aside "$BUILD_OUT" "$OUT/.policysite-cache"
find "$OUT/content" -type f -print0 | xargs -0 cat > /dev/null

perf record -F "${PROFILE_HZ:-299}" -g -o "$OUT/profile.data" -- \
    "$PS" build --quiet --content "$OUT/content" --themes themes --output "$BUILD_OUT" 2>&1 | { grep -v '^\[ perf record' || true; }
perf script -i "$OUT/profile.data" -F comm,tid,ip,sym 2>/dev/null | swift demangle --simplified > "$OUT/profile.txt"
echo "profile of a cold build of ${OUT#$ROOT/} ($N companies x 3 languages, $VERSIONS published version$([[ "$VERSIONS" == 1 ]] || echo s))"
python3 bench/profile-groups.py "$OUT/profile.txt"
