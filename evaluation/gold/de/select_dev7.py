#!/usr/bin/env python3
"""Print the GNAD articles of the seventh German dev set (dev7) in selection order.

Rule, fixed before any article was read: the pool rule of dev3 to dev6 (GNAD dev articles
labelled Inland, Wirtschaft, Etat or Panorama, 800-3,000 characters, not a
"Volltext" stub; an Inland article always, a Wirtschaft, Etat or Panorama article only
when its text contains one of dev3's INSTITUTION_WORDS), excluding every article of the
event gold sets drawn before it (tune, held, dev2-dev6) and of the linking gold as it was
then (tune, held, dev, dev2, dev3, dev4). Order: ascending SHA-256 of "dev7-events:" + id
(a salt of its own, independent of the linking set drawn at the same time); the first N
are taken (default 15), with no screening. Standard library only.

    python3 evaluation/gold/de/select_dev7.py [N] [--data DIR]
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from gnad_select import args, select  # noqa: E402
from select_dev3 import keep  # noqa: E402  (the same pool rule)

EXCLUDE = ("de/gnad-tune.gold.jsonl", "de/gnad-held.gold.jsonl", "de/gnad-dev2.gold.jsonl",
           "de/gnad-dev3.gold.jsonl", "de/gnad-dev4.gold.jsonl", "de/gnad-dev5.gold.jsonl",
           "de/gnad-dev6.gold.jsonl",
           "linking/gnad-tune.jsonl", "linking/gnad-held.jsonl", "linking/gnad-dev.jsonl",
           "linking/gnad-dev2.jsonl", "linking/gnad-dev3.jsonl", "linking/gnad-dev4.jsonl")


def main():
    data, n = args(15)
    pool = select(data, "dev7-events:", keep, EXCLUDE)
    print(f"# pool {len(pool)} articles; first {n}")
    for pos, (id_, label, length) in enumerate(pool[:n]):
        print(f"{pos}\t{id_}\t{label}\t{length}")


if __name__ == "__main__":
    main()
