#!/usr/bin/env python3
"""Prints the documents of the seventh linking dev set (gnad-dev7.jsonl) in selection order.

Rule (fixed before annotation, independent of any system output): the pool of select.py
(GNAD dev articles labelled Inland, Panorama, Wirtschaft or Etat, 600-2,500 characters,
no "Volltext ... nicht mehr" stub), minus every article in the linking gold (gnad-tune,
gnad-held, gnad-dev, gnad-dev2 ... gnad-dev6) and the event gold (de/gnad-tune, -held,
-dev2 ... -dev10) as they were when this set was drawn (2026-12-01); order ascending
SHA-256 of "sitrep-linking-dev7:" + id. That pool held only 12 such articles, short of the
150 mentions aimed at, so (decided before any text was read) the list goes on with the
pool's continuation (the same labels and exclusions, 2,501-4,000 characters) in the same
order; the first N of the whole list are taken (default 15).

Usage: python3 evaluation/gold/linking/select_dev7.py [--data DIR] [N]
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from gnad_select import args, linking_pool, linking_pool_longer, print_pool, select  # noqa: E402

# the gold sets that existed when this set was drawn
EXCLUDE = ("de/gnad-tune.gold.jsonl", "de/gnad-held.gold.jsonl", "de/gnad-dev2.gold.jsonl",
           "de/gnad-dev3.gold.jsonl", "de/gnad-dev4.gold.jsonl", "de/gnad-dev5.gold.jsonl",
           "de/gnad-dev6.gold.jsonl", "de/gnad-dev7.gold.jsonl", "de/gnad-dev8.gold.jsonl",
           "de/gnad-dev9.gold.jsonl", "de/gnad-dev10.gold.jsonl",
           "linking/gnad-tune.jsonl", "linking/gnad-held.jsonl", "linking/gnad-dev.jsonl",
           "linking/gnad-dev2.jsonl", "linking/gnad-dev3.jsonl", "linking/gnad-dev4.jsonl",
           "linking/gnad-dev5.jsonl", "linking/gnad-dev6.jsonl")


def main():
    data, n = args(15)
    salt = "sitrep-linking-dev7:"
    pool = select(data, salt, linking_pool, EXCLUDE) + select(data, salt, linking_pool_longer, EXCLUDE)
    print_pool(pool, n, header=False)


if __name__ == "__main__":
    main()
