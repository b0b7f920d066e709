#!/usr/bin/env bash
# Browser tests of the web page (issue 9): Playwright (web/node_modules, from `npm ci`)
# drives Debian's Chromium against `sitrep serve --demo` on loopback. Installs chromium
# when it is missing; writes the screenshots to SITREP_SCREENSHOTS when that is set.
set -euo pipefail
cd "$(dirname "$0")/.."
say() { echo "browser.sh: $*" >&2; }

if [ ! -x /usr/bin/chromium ]; then
    say "installing Debian's chromium"
    bash .ci/apt-install.sh chromium
fi
[ -d web/node_modules/playwright-core ] || (cd web && npm ci --no-audit --no-fund --silent)

port="${SITREP_BROWSER_PORT:-18080}"
dir=$(mktemp -d)
log="$dir/serve.log"
cargo run --locked -q -p sitrep-cli -- serve --demo --db "$dir/demo.db" --addr "127.0.0.1:$port" --quiet >"$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$dir"' EXIT
for _ in $(seq 1 600); do
    if curl -sf "http://127.0.0.1:$port/healthz" >/dev/null; then break; fi
    if ! kill -0 $server 2>/dev/null; then say "the server stopped:"; cat "$log" >&2; exit 1; fi
    sleep 1
done
cat "$log" >&2
node web/e2e/run.mjs "http://127.0.0.1:$port" ${SITREP_SCREENSHOTS:+--screenshots "$SITREP_SCREENSHOTS"}
