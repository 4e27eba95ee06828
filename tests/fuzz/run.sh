#!/usr/bin/env bash
# run.sh TARGET CORPUS SECONDS [libFuzzer flags...] — run one libFuzzer target
# for SECONDS on a scratch copy of its seed corpus (the seeds in the repo are
# never rewritten), with the dictionary CORPUS.dict when there is one. Prints
# libFuzzer's final statistics; exits non-zero on a crash, leak, timeout or
# out-of-memory, leaving the input in $LB_FUZZ_ARTIFACTS (default
# ./fuzz-artifacts).
set -u
target=$1 corpus=$2 secs=$3
shift 3
name=$(basename "$target")
art=${LB_FUZZ_ARTIFACTS:-$PWD/fuzz-artifacts}/$name
mkdir -p "$art"
work=$(mktemp -d "${TMPDIR:-/tmp}/lbfuzz-corpus.XXXXXX")
trap 'rm -rf "$work"' EXIT
cp -r "$corpus"/. "$work"/
dict=()
[ -f "$corpus.dict" ] && dict=(-dict="$corpus.dict")
log=$work.log
# -timeout: one input may take 10 s (an SSE stream, a bcrypt); -rss_limit_mb
# bounds a memory bomb; -print_final_stats: executions for RELIABILITY.md
"$target" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
  -print_final_stats=1 -artifact_prefix="$art/" "${dict[@]}" "$@" "$work" >"$log" 2>&1
rc=$?
grep -E '^(stat::|#[0-9]+ +DONE|==[0-9]+==ERROR|SUMMARY|Done [0-9]+ runs|INFO: seed corpus)' "$log" | tail -20
if [ $rc -ne 0 ]; then
  echo "--- $name failed (rc $rc); last lines:"; tail -40 "$log"
  echo "--- inputs kept in $art:"; ls "$art"
fi
rm -f "$log"
exit $rc
