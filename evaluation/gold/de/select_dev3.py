#!/usr/bin/env python3
"""Print the GNAD articles of the third German dev set (dev3) in selection order.

Rule, fixed before any article was read: GNAD dev articles labelled Inland, Wirtschaft,
Etat or Panorama, 800-3,000 characters, not a "Volltext" stub, not in any event gold
(evaluation/gold/de/*.gold.jsonl) nor in the linking gold (evaluation/gold/linking/). An
Inland article is always eligible; a Wirtschaft, Etat or Panorama article only when its
text names an institution or public actor, i.e. contains one of INSTITUTION_WORDS (a
substring test, case-sensitive, so that compounds count: "Landesregierung",
"Arbeiterkammer"). Order: ascending SHA-256 of "sitrep-dev3:" + id; the first N are taken
(default 20), with no screening. Standard library only.

    python3 evaluation/gold/de/select_dev3.py [N] [--data DIR]
"""
import hashlib
import json
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOLD = HERE.parent
LABELS = {"Inland", "Wirtschaft", "Etat", "Panorama"}
# Politics, institutions, courts, unions, authorities: the word stems a story about an
# interaction with a public body names.
INSTITUTION_WORDS = (
    "Regierung", "Minister", "Kanzler", "Parlament", "Partei", "Gericht", "Staatsanwalt",
    "Polizei", "Behörde", "Gewerkschaft", "Kammer", "Klage", "Bürgermeister", "Landeshauptmann",
    "Kommission", "Ministerium", "Abgeordnete",
)


def used_ids():
    ids = set()
    for path in sorted(HERE.glob("*.gold.jsonl")) + sorted((GOLD / "linking").glob("*.jsonl")):
        with open(path, encoding="utf-8") as f:
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
            if d["label"] not in LABELS or d["id"] in used:
                continue
            if not 800 <= len(text) <= 3000 or "Volltext" in text:
                continue
            if d["label"] != "Inland" and not any(w in text for w in INSTITUTION_WORDS):
                continue
            key = hashlib.sha256(("sitrep-dev3:" + d["id"]).encode()).hexdigest()
            pool.append((key, d["id"], d["label"], len(text)))
    pool.sort()
    print(f"# pool {len(pool)} articles; first {n}")
    for pos, (_, id_, label, length) in enumerate(pool[:n]):
        print(f"{pos}\t{id_}\t{label}\t{length}")


if __name__ == "__main__":
    main()
