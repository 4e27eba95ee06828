#!/usr/bin/env bash
# profile-overhead.sh — benchmark (not a test): how much slower a program runs
# under each profiler lens of scripts/profile/, side by side in one run: the
# same single-threaded CPU-bound job (GNU sort of N numbers) natively, under
# perf record -g at 99 Hz (what perf-attach does), under callgrind, and under
# massif. Wall-clock seconds and the ratio to native; noisy on a shared
# 2-core machine, so native is the median of 3 runs.
set -euo pipefail
N=${1:-1000000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
seq "$N" -1 1 >"$work/nums"
job=(sort --parallel=1 -n "$work/nums" -o "$work/out")

secs() { # secs CMD...: wall seconds of one run
    local s e
    s=$(date +%s.%N)
    "$@" >/dev/null 2>&1
    e=$(date +%s.%N)
    echo "$s $e" | awk '{printf "%.3f", $2 - $1}'
}

echo "== profiler overhead on: ${job[*]} (N=$N, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
native=$(for _ in 1 2 3; do secs "${job[@]}"; echo; done | sort -n | sed -n 2p)
printf '%-28s %8s s %8s\n' "native (median of 3)" "$native" "1.0x"
row() {
    local name=$1 t
    shift
    t=$(secs "$@")
    printf '%-28s %8s s %7.1fx\n' "$name" "$t" "$(echo "$t $native" | awk '{print $1 / $2}')"
}
if command -v perf >/dev/null && perf record -o "$work/probe.data" -- true >/dev/null 2>&1; then
    row "perf record -F 99 -g" perf record -F 99 -g -o "$work/perf.data" -- "${job[@]}"
    # perf's own start-up and data writing, which perf-attach (attaching to a
    # running process) does not put on the target; compare with the row above.
    row "  (perf record -- true alone)" perf record -F 99 -g -o "$work/perf0.data" -- true
else
    echo "perf record -F 99 -g         (perf missing or forbidden here; skipped)"
fi
if command -v valgrind >/dev/null; then
    row "valgrind --tool=massif" valgrind --tool=massif --massif-out-file="$work/ms.out" "${job[@]}"
    row "valgrind --tool=callgrind" valgrind --tool=callgrind --callgrind-out-file="$work/cg.out" "${job[@]}"
else
    echo "valgrind not installed; callgrind/massif skipped"
fi
