#!/usr/bin/env bash
# The Python package (python/, issue 10): build the wheel in release mode with maturin,
# install it into a fresh virtual environment with pytest, pyarrow and pyspark from PyPI
# (pinned), and run the pytest suite, including the Spark test in local[2] mode and the
# comparison with the CLI. Java is installed with apt only when missing.
#
# Run from anywhere: `bash .ci/python.sh`. Needs python3 (>= 3.9) with venv, cargo, and
# $SITREP_DATA (default ../shared/data) for the news corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

export SITREP_DATA="${SITREP_DATA:-$(cd .. && pwd)/shared/data}"
# Everything this script makes stays under the cargo target folder (target/, ignored by git).
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
WORK="$TARGET/python-ci"

MATURIN=maturin==1.16.0
TEST_DEPS=(pytest==9.2.0 pyarrow==26.0.1 pyspark==4.3.0 pandas==2.3.3 matplotlib==3.11.2)

step() { echo "== python: $*"; }
t0=$SECONDS

step "Java for Spark"
if ! command -v java >/dev/null 2>&1; then
    bash .ci/apt-install.sh openjdk-17-jre-headless
fi
java -version 2>&1 | head -1

step "wheel (the command python/README.md gives)"
rm -rf "$WORK"
python3 -m venv "$WORK/build"
"$WORK/build/bin/pip" install -q "$MATURIN"
# The extension is its own cargo workspace: its own target folder beside the main one's.
CARGO_TARGET_DIR="$TARGET/python" \
    "$WORK/build/bin/maturin" build --release --locked -m python/Cargo.toml -o "$WORK/wheels"
ls -l "$WORK"/wheels/*.whl

step "fresh environment: the wheel and the test tools"
python3 -m venv "$WORK/test"
"$WORK/test/bin/pip" install -q "$WORK"/wheels/*.whl "${TEST_DEPS[@]}"

step "the CLI the tests compare with"
if [ -z "${SITREP_CLI:-}" ]; then
    # After `cargo test --workspace` this only links the binary.
    cargo build --locked -q -p sitrep-cli --target-dir "$TARGET"
    export SITREP_CLI="$TARGET/debug/sitrep"
fi
echo "$SITREP_CLI"

step "pytest (API, CLI comparison, Spark local[2])"
# From a folder outside python/, so the installed wheel is what is imported.
(cd "$WORK" && "$WORK/test/bin/python" -m pytest -q -p no:cacheprovider "$ROOT/python/tests")

step "example: events per type on a sample of the corpus"
"$WORK/test/bin/python" python/examples/events_per_type.py --limit 40 --output "$WORK/events-per-type.png"

echo "== python: ok in $((SECONDS - t0)) s"
