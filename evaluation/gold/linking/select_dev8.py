#!/usr/bin/env python3
"""Prints the documents of the eighth linking dev set (gnad-dev8.jsonl) in selection order.

Rule (fixed before annotation, independent of any system output): the selection order of
select_dev7.py continued. The pool of select.py (GNAD dev articles labelled Inland,
Panorama, Wirtschaft or Etat, 600-2,500 characters, no "Volltext ... nicht mehr" stub)
followed by its continuation (the same labels, 2,501-4,000 characters), each in ascending
SHA-256 of "sitrep-linking-dev7:" + id (select_dev7.py's salt), minus every article in the
linking gold (gnad-tune, gnad-held, gnad-dev, gnad-dev2 ... gnad-dev7) and the event gold
(de/gnad-tune, -held, -dev2 ... -dev10) as they were when this set was drawn (2026-12-01,
seventeenth sitting). The 600-2,500 pool is used up by then, so the list is select_dev7.py's
continuation after its fifteen articles; the first N are taken (default 15).

Usage: python3 evaluation/gold/linking/select_dev8.py [--data DIR] [N]
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
           "linking/gnad-dev5.jsonl", "linking/gnad-dev6.jsonl", "linking/gnad-dev7.jsonl")


def main():
    data, n = args(15)
    salt = "sitrep-linking-dev7:"  # select_dev7.py's order, continued
    pool = select(data, salt, linking_pool, EXCLUDE) + select(data, salt, linking_pool_longer, EXCLUDE)
    print_pool(pool, n, header=False)


if __name__ == "__main__":
    main()
