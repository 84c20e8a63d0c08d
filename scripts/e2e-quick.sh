#!/usr/bin/env bash
# KV Scope: build the site into target/quick-dist and run some end-to-end sections against it,
# for a quick loop while working on one feature. scripts/test.sh stays the full run.
#
# Usage: scripts/e2e-quick.sh [section,section]   (no argument: every section)
# Section names: desktopLoads, phoneLoads, explorer, share, and the file names in tests/e2e/sections/.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$KV_ROOT"

kv_step "trunk build --release into target/quick-dist"
trunk build --release --offline --locked --dist target/quick-dist

kv_step "e2e ${1:-all sections}"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 scripts/static_server.py "$port" --bind 127.0.0.1 --directory target/quick-dist >target/quick-http.log 2>&1 &
http_pid=$!
KV_CLEANUP+=("kill $http_pid 2>/dev/null")
sleep 0.5
only=()
[[ -n "${1:-}" ]] && only=(--only "$1")
node tests/e2e/run.mjs "http://127.0.0.1:$port/" "${only[@]}"
