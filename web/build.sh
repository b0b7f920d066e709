#!/usr/bin/env bash
# Builds the web page's bundle (web/dist/) from web/src with the packages pinned in
# web/package-lock.json (npm registry; nothing is fetched at cargo build or run time).
# `bash web/build.sh --check` verifies that the committed bundle matches its sources.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund --silent
node build.mjs "$@"
