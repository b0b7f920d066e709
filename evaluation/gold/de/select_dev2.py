#!/usr/bin/env python3
"""Print the GNAD articles of the second German dev set (dev2) in selection order.

Rule, fixed before any article was read: GNAD dev articles labelled Inland (domestic
politics; GNAD dev has no International label), 800-3,000 characters, not a "Volltext"
stub, not in the event gold (evaluation/gold/de/gnad-{tune,held}) nor in the linking gold
(evaluation/gold/linking/), ordered by ascending SHA-256 of "sitrep-dev2:" + id; the
first N are taken (default 20). Standard library only.

    python3 evaluation/gold/de/select_dev2.py [N] [--data DIR]
"""
import hashlib
import json
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOLD = HERE.parent


def used_ids():
    ids = set()
    for name in ("de/gnad-tune.gold.jsonl", "de/gnad-held.gold.jsonl",
                 "linking/gnad-tune.jsonl", "linking/gnad-held.jsonl"):
        with open(GOLD / name, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    ids.add(json.loads(line)["id"])
    return ids


def main():
    args = sys.argv[1:]
    data = os.environ.get("SITREP_DATA", "/work/shared/data")
    if "--data" in args:
        i = args.index("--data")
        data = args[i + 1]
        del args[i:i + 2]
    n = int(args[0]) if args else 20
    used = used_ids()
    pool = []
    with open(Path(data) / "news/gnad-de-dev.jsonl", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            text = d["text"]
            if d["label"] != "Inland" or d["id"] in used:
                continue
            if not 800 <= len(text) <= 3000 or "Volltext" in text:
                continue
            key = hashlib.sha256(("sitrep-dev2:" + d["id"]).encode()).hexdigest()
            pool.append((key, d["id"], len(text)))
    pool.sort()
    print(f"# pool {len(pool)} articles; first {n}")
    for pos, (_, id_, length) in enumerate(pool[:n]):
        print(f"{pos}\t{id_}\t{length}")


if __name__ == "__main__":
    main()
