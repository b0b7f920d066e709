#!/usr/bin/env python3
"""Print the GNAD articles of the eighth German dev set (dev8) in selection order.

Rule, fixed before any article was read: the pool rule of dev3 to dev7 (GNAD dev articles
labelled Inland, Wirtschaft, Etat or Panorama, not a "Volltext" stub; an Inland article
always, a Wirtschaft, Etat or Panorama article only when its text contains one of dev3's
INSTITUTION_WORDS) with one change: 800-4,000 characters instead of 800-3,000, because
with the 3,000 limit only 4 articles were left after dev7 and the linking sets (run with
`--short` to see them); 4,000 characters still keeps a whole article codable. Excluding every article of the
event gold sets drawn before it (tune, held, dev2-dev7) and of the linking gold as it was
then (tune, held, dev, dev2, dev3, dev4, dev5). Order: ascending SHA-256 of
"dev8-events:" + id (a salt of its own); the first N are taken (default 15), with no
screening. Standard library only.

    python3 evaluation/gold/de/select_dev8.py [N] [--data DIR] [--short]
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from gnad_select import args, select  # noqa: E402
from select_dev3 import keep  # noqa: E402  (the same pool rule)

EXCLUDE = ("de/gnad-tune.gold.jsonl", "de/gnad-held.gold.jsonl", "de/gnad-dev2.gold.jsonl",
           "de/gnad-dev3.gold.jsonl", "de/gnad-dev4.gold.jsonl", "de/gnad-dev5.gold.jsonl",
           "de/gnad-dev6.gold.jsonl", "de/gnad-dev7.gold.jsonl",
           "linking/gnad-tune.jsonl", "linking/gnad-held.jsonl", "linking/gnad-dev.jsonl",
           "linking/gnad-dev2.jsonl", "linking/gnad-dev3.jsonl", "linking/gnad-dev4.jsonl",
           "linking/gnad-dev5.jsonl")


def main():
    short = "--short" in sys.argv
    if short:
        sys.argv.remove("--short")
    data, n = args(15)
    pool = select(data, "dev8-events:", keep if short else (lambda d: keep(d, 4000)), EXCLUDE)
    print(f"# pool {len(pool)} articles; first {n}")
    for pos, (id_, label, length) in enumerate(pool[:n]):
        print(f"{pos}\t{id_}\t{label}\t{length}")


if __name__ == "__main__":
    main()
