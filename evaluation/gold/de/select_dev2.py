#!/usr/bin/env python3
"""Print the GNAD articles of the second German dev set (dev2) in selection order.

Rule, fixed before any article was read: GNAD dev articles labelled Inland (domestic
politics; GNAD dev has no International label), 800-3,000 characters, not a "Volltext"
stub, not in the event gold (evaluation/gold/de/gnad-{tune,held}) nor in the linking gold
(evaluation/gold/linking/), ordered by ascending SHA-256 of "sitrep-dev2:" + id; the
first N are taken (default 20). Standard library only.

    python3 evaluation/gold/de/select_dev2.py [N] [--data DIR]
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from gnad_select import args, select  # noqa: E402

EXCLUDE = ("de/gnad-tune.gold.jsonl", "de/gnad-held.gold.jsonl",
           "linking/gnad-tune.jsonl", "linking/gnad-held.jsonl")


def keep(d):
    t = d["text"]
    return d["label"] == "Inland" and 800 <= len(t) <= 3000 and "Volltext" not in t


def main():
    data, n = args(20)
    pool = select(data, "sitrep-dev2:", keep, EXCLUDE)
    print(f"# pool {len(pool)} articles; first {n}")
    for pos, (id_, _, length) in enumerate(pool[:n]):
        print(f"{pos}\t{id_}\t{length}")


if __name__ == "__main__":
    main()
