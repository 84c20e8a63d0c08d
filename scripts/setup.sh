#!/usr/bin/env bash
# KV Scope: install and check every tool the build, serve and test scripts need.
#
# Idempotent: each step checks first and does nothing when the right version is
# already there, so a second run takes a few seconds. Needs only the Rust
# toolchain (rustup), Node/npm, Python 3 and the package registries (crates.io,
# npm, Debian apt); nothing is downloaded from GitHub.
#
# Sourced by scripts/test.sh and scripts/serve.sh (so the PATH it sets and the
# kv_step helpers stay in effect); it can also be run on its own.
#
# Pins (why each one, below):
#   trunk 0.21.14           0.22.x requires rustc >= 1.96.1
#   wasm-bindgen-cli        = the wasm-bindgen version in Cargo.lock, installed WITHOUT
#                             --locked (its lockfile pins a webpki-roots the registry lacks)
#   wasm-opt                npm binaryen 132.0.0 (package-lock.json), never Debian's
#                             binaryen 108, whose output fails at load time
#   terser                  npm, minifies the JS glue in release builds (scripts/minify-js.mjs)
#   chromium + chromedriver Debian packages, for wasm-bindgen-test and Playwright

set -euo pipefail

KV_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
KV_TRUNK_VERSION=0.21.14
CARGO_HOME="${CARGO_HOME:-$HOME/.cargo}"

# node_modules/.bin first: Trunk must find npm's wasm-opt 132, not any other one.
export PATH="$KV_ROOT/node_modules/.bin:$CARGO_HOME/bin:$PATH"

# ---------------------------------------------------------------------------
# Step timing helpers (shared with test.sh and serve.sh)
# ---------------------------------------------------------------------------
KV_T0=${KV_T0:-$(date +%s)}
KV_STEP=""
KV_STEP_T0=0
KV_TIMINGS=()
KV_CLEANUP=()

# kv_step "name": finish the current step (print its duration) and start the next.
kv_step() {
  kv_step_end
  KV_STEP="$1"
  KV_STEP_T0=$(date +%s)
  echo
  echo "==> [$(($(date +%s) - KV_T0))s] $KV_STEP"
}

# kv_step_end: print how long the current step took and record it for kv_summary.
kv_step_end() {
  if [[ -n "$KV_STEP" ]]; then
    local dt=$(($(date +%s) - KV_STEP_T0))
    echo "<== $KV_STEP: ${dt}s (total $(($(date +%s) - KV_T0))s)"
    KV_TIMINGS+=("$(printf '%5ss  %s' "$dt" "$KV_STEP")")
    KV_STEP=""
  fi
}

# kv_summary: print the duration of every finished step.
kv_summary() {
  kv_step_end
  echo
  echo "Step timings:"
  local line
  for line in "${KV_TIMINGS[@]}"; do echo "  $line"; done
  echo "  $(printf '%5ss  %s' "$(($(date +%s) - KV_T0))" "total")"
}

# Runs on exit: cleanup hooks (e.g. the e2e HTTP server), then name the failed step.
kv_on_exit() {
  local rc=$?
  local cmd
  for cmd in "${KV_CLEANUP[@]}"; do eval "$cmd" || true; done
  if [[ $rc -ne 0 && -n "$KV_STEP" ]]; then
    echo >&2
    echo "FAILED in step \"$KV_STEP\" (exit code $rc) after $(($(date +%s) - KV_T0))s" >&2
  fi
  return $rc
}
trap kv_on_exit EXIT

# kv_lock FD FILE WHAT: take an exclusive lock on FILE through file descriptor FD, waiting
# (with a message) while another script in this checkout holds it. Several engineers share
# one tree: without this, two runs race on node_modules (npm ci) or on dist/ (trunk).
kv_lock() {
  command -v flock >/dev/null || return 0
  mkdir -p "$(dirname "$2")"
  eval "exec $1>\"\$2\""
  if ! flock -n "$1"; then
    echo "waiting for $3 in this checkout to finish ($2) ..."
    flock "$1"
  fi
}

# kv_unlock FD: release and close a lock taken with kv_lock.
kv_unlock() {
  command -v flock >/dev/null || return 0
  eval "exec $1>&-"
}

kv_as_root() {
  if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi
}

# ---------------------------------------------------------------------------
# Setup steps
# ---------------------------------------------------------------------------
kv_setup() {
  cd "$KV_ROOT"
  kv_lock 8 "$KV_ROOT/target/.kvscope-setup.lock" "another scripts/setup.sh"

  kv_step "setup: rustup target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown

  kv_step "setup: apt chromium + chromium-driver"
  if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
    echo "already installed"
  else
    kv_as_root apt-get update -q
    kv_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver
  fi
  # The Debian wrapper script prints a harmless "[: unexpected operator" line; hide it.
  chromium --version 2>/dev/null
  chromedriver --version

  kv_step "setup: cargo install trunk $KV_TRUNK_VERSION"
  if [[ "$(trunk --version 2>/dev/null || true)" == "trunk $KV_TRUNK_VERSION" ]]; then
    echo "already installed"
  else
    cargo install trunk --version "$KV_TRUNK_VERSION" --locked
  fi
  trunk --version

  # The CLI must equal the wasm-bindgen library version, which Cargo.lock records.
  local wb_version
  wb_version=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/[^0-9.]/, ""); print; exit }' "$KV_ROOT/Cargo.lock")
  if [[ -z "$wb_version" ]]; then
    echo "could not read the wasm-bindgen version from Cargo.lock" >&2
    return 1
  fi
  kv_step "setup: cargo install wasm-bindgen-cli $wb_version"
  if [[ "$(wasm-bindgen --version 2>/dev/null || true)" == "wasm-bindgen $wb_version" ]] &&
    command -v wasm-bindgen-test-runner >/dev/null; then
    echo "already installed"
  else
    # Not --locked: the crate's lockfile pins webpki-roots 1.0.11, which the registry does not serve.
    cargo install wasm-bindgen-cli --version "$wb_version"
  fi
  wasm-bindgen --version

  kv_step "setup: npm ci (binaryen wasm-opt, playwright-core, terser)"
  # npm ci wipes node_modules, so only run it when package-lock.json changed since the last run.
  local stamp="$KV_ROOT/node_modules/.kvscope-lock.sha256"
  local want
  want=$(sha256sum "$KV_ROOT/package-lock.json" | cut -d' ' -f1)
  if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" && -x "$KV_ROOT/node_modules/.bin/wasm-opt" ]]; then
    echo "node_modules matches package-lock.json"
  else
    npm ci --no-audit --no-fund
    echo "$want" >"$stamp"
  fi
  wasm-opt --version
  if [[ "$(command -v wasm-opt)" != "$KV_ROOT/node_modules/.bin/wasm-opt" ]]; then
    echo "wasm-opt on PATH is $(command -v wasm-opt), expected node_modules/.bin/wasm-opt" >&2
    return 1
  fi

  kv_step "setup: cargo fetch --locked"
  # trunk --offline passes --offline to cargo, so every crate must be downloaded first.
  cargo fetch --locked

  kv_step_end
  kv_unlock 8
}

kv_setup

# Run directly (not sourced): print the timings.
if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  kv_summary
fi
