# lib.sh — helpers shared by the profiler scripts in scripts/profile/ (sourced,
# not run): output folder, file naming, messages and exit codes.
# Exit codes for every script: 0 ok, 1 the profiler or the profiled command
# failed (with advice), 2 bad usage.

PROFILE_REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# out/ is git-ignored at the repo root, so profiles never end up committed.
PROFILE_OUT=${LB_PROFILE_OUT:-$PROFILE_REPO/out/profile}

prof_say() { echo "$PROFILE_NAME: $*" >&2; }
prof_die() { echo "$PROFILE_NAME: $2" >&2; exit "$1"; }
prof_usage_error() {
    echo "$PROFILE_NAME: $*" >&2
    echo "Try '$PROFILE_NAME --help'." >&2
    exit 2
}

# prof_outdir DIR: create the output folder or fail with exit 2.
prof_outdir() {
    mkdir -p "$1" 2>/dev/null || prof_die 2 "cannot create output folder $1 (--out)"
}

# prof_stem TOOL LABEL: a unique file stem under $PROFILE_OUT.
prof_stem() {
    local label
    label=$(basename -- "$2" | tr -c 'A-Za-z0-9._\n-' '_')
    echo "$PROFILE_OUT/$1-$label-$(date +%Y%m%d-%H%M%S)-$$"
}

# prof_need CMD PACKAGE: fail with advice when a tool is missing.
prof_need() {
    command -v "$1" >/dev/null 2>&1 ||
        prof_die 1 "$1 not found: install the Debian package $2 (scripts/install-deps lists valgrind)"
}
