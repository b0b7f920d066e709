#!/usr/bin/env bash
# The page's first view with a large store (issue 9: under 1 s with 100,000 stored events).
#   bash evaluation/first-view.sh [EVENTS] [RUNS]
# Builds the release binary, writes EVENTS synthetic events (`sitrep bench-store`: 60
# actors, every type, places, two years of days) into a fresh store, serves it and times
# the first view in Debian's Chromium (web/e2e/first-view.mjs) without and with a filter.
# Needs /usr/bin/chromium and web/node_modules (bash .ci/browser.sh installs both).
set -euo pipefail
cd "$(dirname "$0")/.."
events=${1:-100000}
runs=${2:-7}
port=${SITREP_BENCH_PORT:-18181}
cargo build --release -q -p sitrep-cli
bin=${CARGO_TARGET_DIR:-target}/release/sitrep
dir=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$dir"' EXIT
"$bin" bench-store --db "$dir/store.db" --events "$events" --queries 1
"$bin" serve --db "$dir/store.db" --addr "127.0.0.1:$port" --quiet 2>"$dir/serve.log" &
server=$!
for _ in $(seq 1 100); do
    curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break
    kill -0 $server 2>/dev/null || { cat "$dir/serve.log" >&2; exit 1; }
    sleep 0.2
done
node web/e2e/first-view.mjs "http://127.0.0.1:$port" --runs "$runs"
node web/e2e/first-view.mjs "http://127.0.0.1:$port" --runs "$runs" --query "actor=USA&type=AGREE"
