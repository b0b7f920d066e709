#!/usr/bin/env python3
"""Prints the stories of the English linking sets (ngec-tune.jsonl, ngec-held.jsonl) in
selection order.

Rule (fixed before annotation, independent of any system output and of the stories' bodies):
* pool: the NGEC synthetic development stories (`../shared/eval/en/ngec-synthetic-dev.jsonl`)
  of 600-2,500 characters, as the German linking pool;
* template: a story's headline with every English state name, adjective and demonym of
  data/kb/states*.tsv replaced by `X` (the source fills its headline templates with a
  country), so that one template stands for the stories written from it;
* split: a template is held out when the first byte of SHA-256 of
  "sitrep-linking-en-split:" + template is odd, else tuning; all stories of a template fall
  into the same half, so held-out headlines are never seen while tuning;
* order: ascending SHA-256 of "sitrep-linking-en:" + id, at most one story per template;
  the first N of the half are taken.

Usage: python3 evaluation/gold/linking/select_en.py tune|held [N] [--eval DIR]
(DIR defaults to the `eval` folder beside $SITREP_DATA, i.e. ../shared/eval)
"""
import hashlib
import json
import os
import re
import sys
from pathlib import Path

KB = Path(__file__).resolve().parents[3] / "data" / "kb"


def state_words():
    """English names, adjectives and demonyms (with plural -s) of every state."""
    words = set()
    with open(KB / "states.generated.tsv", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or line.startswith("alpha3\t"):
                continue
            cols = line.rstrip("\n").split("\t")
            words.update(n for n in cols[3].split("|") if n)
    with open(KB / "states.tsv", encoding="utf-8") as f:
        head = None
        for line in f:
            if line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            if head is None:
                head = cols
                continue
            row = dict(zip(head, cols))
            for c in ("en_short", "en_names", "en_adj", "en_demonyms"):
                for n in row.get(c, "").split("|"):
                    if n:
                        words.add(n)
                        if c == "en_demonyms":
                            words.add(n + "s")
    return words


def template_of(title, pattern):
    return pattern.sub("X", title)


def template_pattern():
    """The regular expression of every state word (longest first), for `template_of`."""
    words = sorted(state_words(), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b")


def is_held(template):
    """The split: a template is held out when its hash's first byte is odd."""
    return hashlib.sha256(("sitrep-linking-en-split:" + template).encode()).digest()[0] % 2 == 1


def eval_dir_and_args(argv):
    """The eval folder (`--eval DIR`, else beside $SITREP_DATA) and the other arguments."""
    eval_dir = Path(os.environ.get("SITREP_DATA", "/work/shared/data")).parent / "eval"
    if "--eval" in argv:
        i = argv.index("--eval")
        eval_dir = Path(argv[i + 1])
        del argv[i:i + 2]
    return eval_dir, argv


def stories(eval_dir, pattern):
    """The NGEC stories of 600 to 2,500 characters, each with its title's template."""
    with open(eval_dir / "en" / "ngec-synthetic-dev.jsonl", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if 600 <= len(d["text"]) <= 2500:
                yield d, template_of(d["title"], pattern)


def print_one_per_template(pool, n):
    """Prints the first `n` stories of `pool` (key, id, label, length, template) in key
    order, at most one per template."""
    pool.sort()
    seen = set()
    k = 0
    for _, i, label, length, t in pool:
        if t in seen:
            continue
        seen.add(t)
        if k >= n:
            break
        print(f"{k}\t{i}\t{label}\t{length}")
        k += 1


def main():
    eval_dir, argv = eval_dir_and_args(sys.argv[1:])
    if not argv or argv[0] not in ("tune", "held"):
        sys.exit("usage: select_en.py tune|held [N] [--eval DIR]")
    half = argv[0]
    n = int(argv[1]) if len(argv) > 1 else 40
    pattern = template_pattern()
    pool = []
    for d, t in stories(eval_dir, pattern):
        if is_held(t) != (half == "held"):
            continue
        key = hashlib.sha256(("sitrep-linking-en:" + d["id"]).encode()).hexdigest()
        pool.append((key, d["id"], d["doc_event"]["event"], len(d["text"]), t))
    print_one_per_template(pool, n)


if __name__ == "__main__":
    main()
