#!/usr/bin/env python3
"""Prints the documents of the linking dev set (gnad-dev.jsonl) in selection order.

Rule (fixed before annotation, independent of any system output): the pool of select.py
(GNAD dev articles labelled Inland, Panorama, Wirtschaft or Etat, 600-2,500 characters,
no "Volltext ... nicht mehr" stub), minus every article already in the linking gold
(evaluation/gold/linking/gnad-*.jsonl) or the event gold (evaluation/gold/de/*.gold.jsonl);
order ascending SHA-256 of "sitrep-linking-dev:" + id; the first N are taken (default 16).

Usage: python3 evaluation/gold/linking/select_dev.py [--data DIR] [N]
"""
import hashlib
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SALT = "sitrep-linking-dev:"


def used_ids():
    ids = set()
    files = list((ROOT / "evaluation/gold/de").glob("*.gold.jsonl"))
    files += [ROOT / "evaluation/gold/linking" / n for n in ("gnad-tune.jsonl", "gnad-held.jsonl")]
    for f in files:
        for line in f.open(encoding="utf-8"):
            if line.strip():
                ids.add(json.loads(line)["id"])
    return ids


def main():
    args = sys.argv[1:]
    data = Path(os.environ.get("SITREP_DATA", "/work/shared/data"))
    if args[:1] == ["--data"]:
        data, args = Path(args[1]), args[2:]
    n = int(args[0]) if args else 16
    taken = used_ids()
    pool = []
    with (data / "news/gnad-de-dev.jsonl").open(encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            t = d["text"]
            if d["label"] not in ("Inland", "Panorama", "Wirtschaft", "Etat"):
                continue
            if not 600 <= len(t) <= 2500 or "nicht mehr" in t[:200] and "Volltext" in t[:200]:
                continue
            if d["id"] in taken:
                continue
            key = hashlib.sha256((SALT + d["id"]).encode()).hexdigest()
            pool.append((key, d["id"], d["label"], len(t)))
    pool.sort()
    for k, (_, i, label, length) in enumerate(pool[:n]):
        print(f"{k}\t{i}\t{label}\t{length}")


if __name__ == "__main__":
    main()
