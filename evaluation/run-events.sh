#!/usr/bin/env bash
# Regenerates evaluation/reports/events-*.md: one report per gold file, with the command
# and commit. Reports on third-party corpora (GNAD, EWT) leave out the error lists, which
# quote the corpus; the seed and PETR-2 (MIT) reports keep them.
set -euo pipefail
cd "$(dirname "$0")/.."
# SITREP_BIN=/path/to/sitrep scores with that binary instead of building this tree (a gold
# change is measured with the unchanged extractor, e.g. /work/bin/sitrep-main12).
if [ -n "${SITREP_BIN:-}" ]; then
  bin=$SITREP_BIN
else
  cargo build --release -q -p sitrep-cli
  bin=${CARGO_TARGET_DIR:-target}/release/sitrep
fi
commit=$(git rev-parse --short HEAD)
report() {
  local gold=$1 errors=$2 flags=${3:-} name
  name=$(basename "$gold" .jsonl); name=${name%.gold}
  [ -n "$flags" ] && name="$name${flags//--/-}"
  {
    echo "# Events: $name"
    echo
    echo "Produced by \`evaluation/run-events.sh\` (\`sitrep eval --errors $errors $flags $gold\`) at commit $commit${SITREP_BIN:+ (gold of this tree, binary \`$SITREP_BIN\`)}."
    [ "$errors" = 0 ] && echo "Misses and false alarms are left out because they quote the third-party corpus; run the command without \`--errors 0\` to list them."
    echo
    "$bin" eval --errors "$errors" $flags "$gold"
  } > "evaluation/reports/events-$name.md"
  grep -E '^\*\*|^Document labels' "evaluation/reports/events-$name.md" | sed "s/^/$name: /"
}
data=${SITREP_DATA:-../shared/data}
shared=$(dirname "$data")
report "$shared/eval/de/seed.gold.jsonl" 40
report evaluation/gold/de/gnad-tune.gold.jsonl 0
report evaluation/gold/de/gnad-held.gold.jsonl 0
# second German dev set (evaluation/gold/README.md): unseen for its first figure, tuned on since
report evaluation/gold/de/gnad-dev2.gold.jsonl 0
# third German dev set: unseen for its first figure (F1 0.286 at 801b54a), tuned on since
report evaluation/gold/de/gnad-dev3.gold.jsonl 0
# fourth German dev set: unseen for its first figure (F1 0.258 at 9337537), tuned on since
report evaluation/gold/de/gnad-dev4.gold.jsonl 0
# fifth German dev set: unseen for its first figure (F1 0.281 at f8c74a9), tuned on since
report evaluation/gold/de/gnad-dev5.gold.jsonl 0
# sixth German dev set: unseen for its first figure (F1 0.085 at d89d10a), tuned on since
report evaluation/gold/de/gnad-dev6.gold.jsonl 0
# seventh German dev set: coded blind and run only at the end of the tenth sitting (F1 0.264
# before and after it, at main10 and at its last build); tuned on since the eleventh sitting
report evaluation/gold/de/gnad-dev7.gold.jsonl 0
# eighth German dev set: coded blind (twelfth sitting), first figure F1 0.277 with main12; not tuned on
report evaluation/gold/de/gnad-dev8.gold.jsonl 0
# ninth German dev set: coded blind (thirteenth sitting), first figure F1 0.228 with main13; tuned on
# since the fourteenth sitting
report evaluation/gold/de/gnad-dev9.gold.jsonl 0
# tenth German dev set: coded blind (fourteenth sitting), first figure F1 0.315 with main14; not tuned on
report evaluation/gold/de/gnad-dev10.gold.jsonl 0
report evaluation/gold/en/ewt-tune.gold.jsonl 0
report evaluation/gold/en/ewt-held.gold.jsonl 0
report evaluation/gold/en/ewt-tune-posts.gold.jsonl 0
report evaluation/gold/en/ewt-held-posts.gold.jsonl 0
# English dev set from EWT train posts: unseen for its first figure (F1 0.244 at 9337537), tuned on since
report evaluation/gold/en/ewt-dev.gold.jsonl 0
# second English dev set: unseen for its first figure (F1 0.231 at f8c74a9), tuned on since
report evaluation/gold/en/ewt-dev2.gold.jsonl 0
# third English dev set: unseen for its first figure (F1 0.378 at d89d10a), tuned on since
report evaluation/gold/en/ewt-dev3.gold.jsonl 0
report "$shared/eval/en/petr2-gsr.gold.jsonl" 40
# PETR-2 codes one event per directed dyad (CAMEO): scored also as dyads
report "$shared/eval/en/petr2-gsr.gold.jsonl" 40 --dyads
report "$shared/eval/en/ngec-synthetic-dev.jsonl" 40
