#!/usr/bin/env bash
# KV Scope: build the site and serve it on http://127.0.0.1:PORT/ (default 8080),
# rebuilding and reloading the page on every source change.
#
# Usage: scripts/serve.sh [port]
#
# Output goes to target/serve-dist/, not dist/: trunk serve injects a live-reload
# websocket script, so its output must not be mistaken for the static site that
# `trunk build --release` writes to dist/ (and scripts/test.sh can run meanwhile).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

port="${1:-8080}"
kv_step "serve: trunk serve --release on http://127.0.0.1:$port/"
kv_step_end
# --offline: no update check and no tool downloads (the pinned tools are on PATH).
exec trunk serve --release --offline --address 127.0.0.1 --port "$port" --dist target/serve-dist
