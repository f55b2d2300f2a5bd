#!/bin/sh
# Compiles the lookup micro-measure with the project's own TemplateFields.swift and runs it:
# bench/lookup/run.sh [rounds]   (default 200000; -O, one process, three alternating runs)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out="$root/.build/lookup-bench"
swiftc -O -wmo -swift-version 6 "$here/main.swift" "$root/Sources/PolicyRender/Models/TemplateFields.swift" -o "$out"
"$out" "$@"
