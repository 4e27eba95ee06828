#!/usr/bin/env bash
# otel-span-cost.sh — benchmark (not a test): the tracing lens's cost per span,
# off (NULL tracer) against on (OTLP JSON to /dev/null), side by side in one
# run. Numbers are noisy on a shared 2-core machine; compare the ratios.
set -euo pipefail
BUILD_DIR=${BUILD_DIR:-build}
BIN=${LB_BIN_DIR:-$BUILD_DIR/bin}
[ -x "$BIN/otel-bench" ] || { echo "otel-span-cost: build otel-bench first ($BIN/otel-bench)"; exit 2; }
echo "== otel-bench $* ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
"$BIN/otel-bench" "$@"
