#!/usr/bin/env python3
"""Print the GNAD articles of the tenth German dev set (dev10) in selection order.

Rule, fixed before any article was read: dev9's pool rule (GNAD dev articles, not a
"Volltext" stub, 800-4,000 characters, no Panorama; an Inland article always, a
Wirtschaft or Etat article only when its text contains one of dev3's INSTITUTION_WORDS),
excluding every article of the event gold sets drawn before it (tune, held, dev2-dev9)
and of the linking gold as it is now (tune, held, dev, dev2-dev5). Order: ascending
SHA-256 of "dev10-events:" + id (a salt of its own). The articles are then screened in
that order by dev9's class P (the article reports at least one act between actors in the
story's own time); the screening log is in evaluation/gold/README.md. Standard library
only.

    python3 evaluation/gold/de/select_dev10.py [N] [--data DIR]
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from gnad_select import args, print_pool, select  # noqa: E402
from select_dev3 import keep  # noqa: E402  (the same pool rule)

EXCLUDE = ("de/gnad-tune.gold.jsonl", "de/gnad-held.gold.jsonl", "de/gnad-dev2.gold.jsonl",
           "de/gnad-dev3.gold.jsonl", "de/gnad-dev4.gold.jsonl", "de/gnad-dev5.gold.jsonl",
           "de/gnad-dev6.gold.jsonl", "de/gnad-dev7.gold.jsonl", "de/gnad-dev8.gold.jsonl",
           "de/gnad-dev9.gold.jsonl",
           "linking/gnad-tune.jsonl", "linking/gnad-held.jsonl", "linking/gnad-dev.jsonl",
           "linking/gnad-dev2.jsonl", "linking/gnad-dev3.jsonl", "linking/gnad-dev4.jsonl",
           "linking/gnad-dev5.jsonl")


def main():
    data, n = args(30)
    pool = select(data, "dev10-events:",
                  lambda d: d["label"] != "Panorama" and keep(d, 4000), EXCLUDE)
    print_pool(pool, n)


if __name__ == "__main__":
    main()
