#!/usr/bin/env bash
# KV Scope: set up, lint, test natively, build the site, test in headless
# Chromium (wasm-bindgen-test) and end to end (Playwright). Stops at the first
# failing step and names it; exits non-zero on any failure.
#
# Usage: scripts/test.sh
# Screenshots of the e2e run go to target/screenshots/.
set -euo pipefail

# Native packages: clippy, tests and (for costmodel) benches. Add charts here once it exists.
NATIVE_PACKAGES=(costmodel charts kvscope-cli)
# Packages whose unit and integration tests also run on wasm32 (app in Chromium, costmodel in Node).
WASM_PACKAGES=(kvscope-web costmodel)
BENCH_PACKAGES=(costmodel)

source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$KV_ROOT"
# One test run per checkout at a time: two trunk builds into dist/ break each other.
kv_lock 9 "$KV_ROOT/target/.kvscope-test.lock" "another scripts/test.sh"

# "-p a -p b" from a package list
kv_pkgs() {
  local p
  for p in "$@"; do printf -- '-p\n%s\n' "$p"; done
}
mapfile -t native_args < <(kv_pkgs "${NATIVE_PACKAGES[@]}")
mapfile -t wasm_args < <(kv_pkgs "${WASM_PACKAGES[@]}")
mapfile -t bench_args < <(kv_pkgs "${BENCH_PACKAGES[@]}")

kv_step "docs: the site's methodology page is docs/methodology.md rendered"
python3 scripts/methodology-html.py --check

kv_step "clippy (native: ${NATIVE_PACKAGES[*]})"
cargo clippy "${native_args[@]}" --all-targets --locked -- -D warnings

kv_step "native tests (${NATIVE_PACKAGES[*]})"
cargo test "${native_args[@]}" --locked

kv_step "benches compile (${BENCH_PACKAGES[*]})"
cargo bench "${bench_args[@]}" --no-run --locked

kv_step "trunk build --release into dist/"
trunk build --release --offline --locked
echo
echo "dist sizes (bytes; gzip -9):"
total_raw=0
total_gz=0
first_gz=0
import_gz=0
export_gz=0
css_gz=0
shopt -s nullglob
for f in dist/*.wasm dist/*.js dist/*.css; do
  raw=$(stat -c %s "$f")
  gz=$(gzip -9c "$f" | wc -c)
  total_raw=$((total_raw + raw))
  total_gz=$((total_gz + gz))
  case "$f" in
    dist/kvscope-first-*) first_gz=$((first_gz + gz)) ;;
    dist/kvscope-import-*) import_gz=$((import_gz + gz)) ;;
    dist/kvscope-export-*) export_gz=$((export_gz + gz)) ;;
    *.css) css_gz=$((css_gz + gz)) ;;
  esac
  printf '  %-48s %9d raw %9d gzip\n' "$f" "$raw" "$gz"
done
shopt -u nullglob
html_gz=$(gzip -9c dist/index.html | wc -c)
printf '  %-48s %9d raw %9d gzip\n' "total (.wasm + .js + .css)" "$total_raw" "$total_gz"
printf '  %-48s %19d gzip\n' "the app (no first stage, no on-demand modules)" "$((total_gz - first_gz - import_gz - export_gz))"
# hfsplit (issue 12): the Hugging Face import, fetched only when a reader imports a model.
printf '  %-48s %19d gzip\n' "the import module (on demand)" "$import_gz"
# The JSON export, fetched only when a reader exports JSON.
printf '  %-48s %19d gzip\n' "the export module (on demand)" "$export_gz"
# What a widget transfers until the reader touches it outside its controls (issue 12 target: 150 KB).
printf '  %-48s %19d gzip\n' "first stage + CSS + index.html (a widget)" "$((first_gz + css_gz + html_gz))"

kv_step "wasm tests (${WASM_PACKAGES[*]}; app in headless Chromium)"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  CHROMEDRIVER=/usr/bin/chromedriver \
  cargo test --target wasm32-unknown-unknown "${wasm_args[@]}" --lib --tests --locked

kv_step "e2e (Playwright + Chromium against dist/)"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mkdir -p target
# 9>&-: the server must not inherit (and so keep) the test lock.
python3 scripts/static_server.py "$port" --bind 127.0.0.1 --directory dist >target/e2e-http.log 2>&1 9>&- &
http_pid=$!
KV_CLEANUP+=("kill $http_pid 2>/dev/null")
url="http://127.0.0.1:$port/"
python3 - "$url" <<'PY'
import sys, time, urllib.request
for _ in range(100):
    try:
        urllib.request.urlopen(sys.argv[1], timeout=1).read()
        sys.exit(0)
    except OSError:
        time.sleep(0.1)
sys.exit(f"HTTP server at {sys.argv[1]} did not answer within 10 s")
PY
e2e_log=target/e2e.log
set +e
node tests/e2e/run.mjs "$url" 2>&1 | tee "$e2e_log"
e2e_rc=${PIPESTATUS[0]}
set -e
e2e_summary=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$e2e_log" | tail -n 1 || true)
if [[ -z "$e2e_summary" ]]; then
  # The runner crashed before it could count: report that as one failed check.
  e2e_summary="0 passed, 1 failed"
  [[ $e2e_rc -ne 0 ]] || e2e_rc=1
fi
e2e_step=$KV_STEP

# Report-only, like the other timings: cold loads of dist/ served gzipped as a static host does,
# under localhost / 4G / slow 4G + CPU 4× (tests/bench/load.mjs). A failure here is printed, never
# fatal; KVS_LOAD_RUNS=0 skips it.
if [[ "${KVS_LOAD_RUNS:-3}" != 0 ]]; then
  kv_step "load-time benchmark (report-only; median of ${KVS_LOAD_RUNS:-3} cold loads)"
  gz_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  python3 scripts/static_server.py "$gz_port" --bind 127.0.0.1 --directory dist --gzip >target/load-http.log 2>&1 9>&- &
  gz_pid=$!
  KV_CLEANUP+=("kill $gz_pid 2>/dev/null")
  sleep 0.5
  node tests/bench/load.mjs "http://127.0.0.1:$gz_port/" --runs "${KVS_LOAD_RUNS:-3}" 2>&1 | tee target/load-bench.log \
    || echo "load-time benchmark failed (report-only; see target/load-bench.log)"
fi

# Report-only: input-to-next-frame for 60 arrow presses on the context slider, un-throttled and
# with the CPU throttled 4×, and the sweep chart's draw time (tests/bench/input.mjs, ~40 s).
# KVS_INPUT_BENCH=0 skips it.
if [[ "${KVS_INPUT_BENCH:-1}" != 0 ]]; then
  kv_step "input benchmark (report-only; 60 slider presses, CPU 1× and 4×)"
  node tests/bench/input.mjs "$url" 2>&1 | tee target/input-bench.log \
    || echo "input benchmark failed (report-only; see target/input-bench.log)"
fi

kv_summary
echo "Screenshots: target/screenshots/"
echo
if [[ $e2e_rc -ne 0 ]]; then
  echo "FAILED in step \"$e2e_step\" (see $e2e_log)"
fi
# Last line: the e2e check count (the native and wasm test runners print their own).
echo "$e2e_summary"
exit "$e2e_rc"
