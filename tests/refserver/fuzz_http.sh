#!/usr/bin/env bash
# fuzz_http.sh — mutated HTTP requests against a real refserver (label fuzz):
# replies stay well-formed, the server keeps serving, and (in a sanitizer
# build) no memory error is reported. FUZZ_CASES (1000; the run also stops after 40 s) and FUZZ_SEED (1).
cd "$(dirname "$0")" && source ./lib.sh
rs_start --dataset decnet-2026-04 --workers 1 --header-timeout 0.3 --idle-timeout 1
tok=$(rs_token)
$PY ./fuzz_http.py "$RS_PORT" "$tok" "${FUZZ_CASES:-1000}" "${FUZZ_SEED:-1}"
check "fuzz cases answered well-formed, server alive" 0 "$?"
check "healthz after fuzzing" 200 "$(status "$RS_URL/healthz")"
rs_stop
check "graceful exit after fuzzing" 0 "$RS_EXIT"
rs_done
