#!/usr/bin/env python3
"""Prints the linking gold set's documents in selection order (standard library only).

Rule (fixed before annotation, independent of any system output):
  pool   GNAD dev articles (news/gnad-de-dev.jsonl) labelled Inland, Panorama, Wirtschaft
         or Etat, 600-2,500 characters long, not "Volltext ... nicht mehr" stubs, and not
         among the documents of the event gold set of the time (de/gnad-tune, de/gnad-held);
  order  ascending SHA-256 of "sitrep-linking:" + id;
  split  alternately tune, held, tune, held ... in that order.

Usage: python3 evaluation/gold/linking/select.py [--data DIR] [N]
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from gnad_select import args, linking_pool, select  # noqa: E402

# the event gold sets that existed when this set was drawn
EXCLUDE = ("de/gnad-tune.gold.jsonl", "de/gnad-held.gold.jsonl")


def main():
    data, n = args(40)
    for k, (i, label, length) in enumerate(select(data, "sitrep-linking:", linking_pool, EXCLUDE)[:n]):
        print(f"{k}\t{i}\t{label}\t{length}\t{'tune' if k % 2 == 0 else 'held'}")


if __name__ == "__main__":
    main()
