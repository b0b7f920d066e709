#!/usr/bin/env python3
"""Prints the linking gold set's documents in selection order (standard library only).

Rule (fixed before annotation, independent of any system output):
  pool   GNAD dev articles (news/gnad-de-dev.jsonl) labelled Inland, Panorama, Wirtschaft
         or Etat, 600-2,500 characters long, not "Volltext ... nicht mehr" stubs, and not
         among the documents of the event gold set (evaluation/gold/de/*.gold.jsonl);
  order  ascending SHA-256 of "sitrep-linking:" + id;
  split  alternately tune, held, tune, held ... in that order.

Usage: python3 evaluation/gold/linking/select.py [--data DIR] [N]
"""
import hashlib
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def main():
    args = sys.argv[1:]
    data = Path(os.environ.get("SITREP_DATA", "/work/shared/data"))
    if args[:1] == ["--data"]:
        data, args = Path(args[1]), args[2:]
    n = int(args[0]) if args else 40
    taken = set()
    for f in (ROOT / "evaluation/gold/de").glob("*.gold.jsonl"):
        for line in f.open(encoding="utf-8"):
            if line.strip():
                taken.add(json.loads(line)["id"])
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
            key = hashlib.sha256(("sitrep-linking:" + d["id"]).encode()).hexdigest()
            pool.append((key, d["id"], d["label"], len(t)))
    pool.sort()
    for k, (_, i, label, length) in enumerate(pool[:n]):
        print(f"{k}\t{i}\t{label}\t{length}\t{'tune' if k % 2 == 0 else 'held'}")


if __name__ == "__main__":
    main()
