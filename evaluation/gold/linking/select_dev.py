#!/usr/bin/env python3
"""Prints the documents of the linking dev set (gnad-dev.jsonl) in selection order.

Rule (fixed before annotation, independent of any system output): the pool of select.py
(GNAD dev articles labelled Inland, Panorama, Wirtschaft or Etat, 600-2,500 characters,
no "Volltext ... nicht mehr" stub), minus every article already in the linking gold
(gnad-tune, gnad-held) or the event gold of the time (de/gnad-tune, -held, -dev2; the
event set dev3 was drawn at the same time and shares four articles with this one);
order ascending SHA-256 of "sitrep-linking-dev:" + id; the first N are taken (default 16).

Usage: python3 evaluation/gold/linking/select_dev.py [--data DIR] [N]
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from gnad_select import args, linking_pool, select  # noqa: E402

# the event gold sets that existed when this set was drawn
EXCLUDE = ("de/gnad-tune.gold.jsonl", "de/gnad-held.gold.jsonl", "de/gnad-dev2.gold.jsonl",
           "linking/gnad-tune.jsonl", "linking/gnad-held.jsonl")


def main():
    data, n = args(16)
    for k, (i, label, length) in enumerate(select(data, "sitrep-linking-dev:", linking_pool, EXCLUDE)[:n]):
        print(f"{k}\t{i}\t{label}\t{length}")


if __name__ == "__main__":
    main()
