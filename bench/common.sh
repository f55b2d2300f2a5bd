# What bench/run.sh and bench/profile.sh share; sourced, not run.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# Where set_aside moves earlier outputs (a rename, nothing freed; bench/run.sh's header says why).
TRASH="$ROOT/bench/out/.trash"

# corpus_dir N L VERSIONS: the corpus's folder, one per corpus, so switching between corpora
# does not regenerate them (bench/out/N-L, or N-L-vV for other version counts than 3).
corpus_dir() { echo "$ROOT/bench/out/$1-$2$([[ "$3" == 3 ]] || echo "-v$3")"; }

# set_aside PATH...: moves what exists into $TRASH.
set_aside() {
    mkdir -p "$TRASH"
    local path
    for path in "$@"; do
        if [[ -e "$path" ]]; then mv "$path" "$(mktemp -d "$TRASH/XXXXXX")/"; fi
    done
}
