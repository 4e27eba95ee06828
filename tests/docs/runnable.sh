#!/usr/bin/env bash
# runnable.sh — run the docs' blocks marked <!-- runnable --> (runnable.py).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
exec python3 "$HERE/runnable.py" "${LB_SOURCE_DIR:-$HERE/../..}" "${BUILD_DIR:-$HERE/../../build}"
