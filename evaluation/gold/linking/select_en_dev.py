#!/usr/bin/env python3
"""Prints the stories of the English linking dev set (ngec-dev.jsonl) in selection order.

Rule (fixed before annotation, independent of any system output and of the stories' bodies):
the pool and headline templates of select_en.py (NGEC synthetic development stories of
600-2,500 characters; a template is the headline with every state word replaced by `X`),
restricted to the **tuning** half's templates (so that no held-out headline is ever tuned
on), minus every story of ngec-tune.jsonl and ngec-held.jsonl and every template one of
their stories has (so each story is of a headline not read before); order ascending SHA-256
of "sitrep-linking-en-dev:" + id, at most one story per template; the first N are taken.

Usage: python3 evaluation/gold/linking/select_en_dev.py [N] [--eval DIR]
(DIR defaults to the `eval` folder beside $SITREP_DATA, i.e. ../shared/eval)
"""
import hashlib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from select_en import (  # noqa: E402
    eval_dir_and_args,
    is_held,
    print_one_per_template,
    stories,
    template_pattern,
)

HERE = Path(__file__).resolve().parent
# the English linking files that existed when this set was drawn (2026-12-01)
EXCLUDE = ("ngec-tune.jsonl", "ngec-held.jsonl")


def dev_pool(eval_dir, exclude):
    """The tuning-half stories outside the files `exclude` and their templates, as
    (key, id, label, length, template) for `print_one_per_template`."""
    used = set()
    for name in exclude:
        with open(HERE / name, encoding="utf-8") as f:
            used.update(json.loads(line)["id"] for line in f if line.strip())
    pattern = template_pattern()
    drawn = list(stories(eval_dir, pattern))
    used_templates = {t for d, t in drawn if d["id"] in used}
    pool = []
    for d, t in drawn:
        if d["id"] in used or t in used_templates:
            continue
        # the split of select_en.py: odd first byte = held-out template
        if is_held(t):
            continue
        key = hashlib.sha256(("sitrep-linking-en-dev:" + d["id"]).encode()).hexdigest()
        pool.append((key, d["id"], d["doc_event"]["event"], len(d["text"]), t))
    return pool


def main():
    eval_dir, argv = eval_dir_and_args(sys.argv[1:])
    n = int(argv[0]) if argv else 12
    print_one_per_template(dev_pool(eval_dir, EXCLUDE), n)


if __name__ == "__main__":
    main()
