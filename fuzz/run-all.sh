#!/usr/bin/env bash
# Runs every fuzz target (or those named) one after another, each for SECONDS (default 270),
# with one job, and prints each run's final statistics. Run from the repository root or
# fuzz/. Crashes land in fuzz/artifacts/<target>/, the growing corpus in fuzz/corpus/<target>/.
#
#   fuzz/run-all.sh                      # every target, 270 s each
#   SECONDS_PER_TARGET=60 fuzz/run-all.sh segment pipeline
#   NO_BUILD=1 fuzz/run-all.sh           # reuse the binaries already built
set -euo pipefail
cd "$(dirname "$0")"
secs=${SECONDS_PER_TARGET:-270}
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(segment ingest_jsonl ingest_text ingest_html langid pipeline)
logs=${FUZZ_LOGS:-target/logs}
mkdir -p "$logs"
# Stable toolchain: RUSTC_BOOTSTRAP lets cargo-fuzz pass -Zsanitizer=address.
export RUSTC_BOOTSTRAP=1
[ -n "${NO_BUILD:-}" ] || cargo fuzz build -a
bin=target/$(rustc -vV | sed -n 's/^host: //p')/release
for t in "${targets[@]}"; do
    mkdir -p "corpus/$t" "artifacts/$t"
    echo "== $t ($secs s)"
    status=0
    "$bin/$t" "corpus/$t" "seeds/$t" -artifact_prefix="artifacts/$t/" \
        -max_total_time="$secs" -rss_limit_mb=2048 -timeout=10 -len_control=10 -print_final_stats=1 \
        >"$logs/$t.log" 2>&1 || status=$?
    grep -E '^#[0-9]+[[:space:]]+(INITED|DONE)|stat::number_of_executed_units|stat::peak_rss_mb|SUMMARY|panicked at|ERROR: libFuzzer' "$logs/$t.log" || true
    echo "exit status $status; log: $logs/$t.log"
done
