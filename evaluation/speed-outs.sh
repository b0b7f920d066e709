#!/bin/bash
# Writes every output a speed change must leave byte-identical, for one binary:
#   evaluation/speed-outs.sh BIN OUTDIR
# then compare two binaries' OUTDIRs with `cmp` file by file. Timing lines are dropped and
# the store dump's timestamps masked. Run from the repository root; the corpora come from
# $SITREP_DATA (default ../shared/data) and ../shared/eval.
set -euo pipefail
B=$1; O=$2; mkdir -p "$O"
export SITREP_DATA=${SITREP_DATA:-../shared/data}
EVAL=$(dirname "$SITREP_DATA")/eval
"$B" extract --events --threads 2 "$SITREP_DATA/news/gnad-de-dev.jsonl" > "$O/gnad.jsonl"
"$B" extract --events --threads 2 "$EVAL/en/ngec-synthetic-dev.jsonl" > "$O/ngec.jsonl"
"$B" eval-linking evaluation/gold/linking/gnad-tune.jsonl > "$O/link.txt" 2>&1
drop='tokens/s\|seconds\|model load\|[0-9] ms'
"$B" eval-ner 2>&1 | grep -vi "$drop" > "$O/ner.txt"
"$B" eval-tag "$SITREP_DATA/ud/de_gsd-ud-dev.conllu" 2>&1 | grep -vi "$drop" > "$O/tag-gsd.txt"
"$B" eval-tag "$SITREP_DATA/ud/en_ewt-ud-test.conllu" 2>&1 | grep -vi "$drop" > "$O/tag-ewt.txt"
db=$(mktemp -d)/store.db
"$B" ingest --db "$db" --threads 2 "$SITREP_DATA/news/gnad-de-dev.jsonl" 2>/dev/null
sqlite3 "$db" .dump | sed -E "s/'20[0-9]{2}-[0-9]{2}-[0-9]{2}[ T][0-9:.]{8,}Z?'/'T'/g" > "$O/store.sql"
rm -rf "$(dirname "$db")"
