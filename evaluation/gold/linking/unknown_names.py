#!/usr/bin/env python3
"""Lists the actor-like names the knowledge base does not know, by corpus frequency.

Reads the output of `sitrep extract --entities` (sitrep/1 JSON Lines) and prints the
person, organisation and media entities without a knowledge-base id, with the number of
documents and mentions and the codes and sectors the linker gave them, most frequent
first. It is the worklist of knowledge-base coverage (issue 5): a name that recurs across
stories is decided in data/kb/ with its source, never a name of one story.

Stories of the held-out and unseen linking sets are left out of the count (their texts
stay unread), and so are the sections the linking gold does not draw from unless --all.

Usage (standard library only; data folder from $SITREP_DATA):
    sitrep extract --entities --threads 1 "$SITREP_DATA/news/gnad-de-dev.jsonl" > ents.jsonl
    python3 evaluation/gold/linking/unknown_names.py ents.jsonl [--min-docs 2] [--all]
"""
import argparse
import collections
import json
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
# sets whose stories are never read while rules and data are written
UNREAD = ("linking/gnad-held.jsonl", "linking/gnad-dev6.jsonl", "de/gnad-held.gold.jsonl")
POOL = ("Inland", "Panorama", "Wirtschaft", "Etat")


def ids_in(names):
    ids = set()
    for name in names:
        path = HERE.parent / name
        if not path.exists():
            continue
        with open(path, encoding="utf-8") as f:
            ids.update(json.loads(line)["id"] for line in f if line.strip())
    return ids


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("entities", help="output of `sitrep extract --entities` (JSON Lines)")
    ap.add_argument("--min-docs", type=int, default=2)
    ap.add_argument("--all", action="store_true", help="every section, not only the pool's")
    ap.add_argument("--data", default=os.environ.get("SITREP_DATA", "/work/shared/data"))
    a = ap.parse_args()
    labels = {}
    corpus = Path(a.data) / "news/gnad-de-dev.jsonl"
    if not corpus.exists():
        sys.exit(f"{corpus}: missing (set --data or $SITREP_DATA)")
    with open(corpus, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            labels[d["id"]] = d.get("label")
    unread = ids_in(UNREAD)
    docs = collections.defaultdict(set)
    mentions = collections.Counter()
    actors = collections.defaultdict(collections.Counter)
    with open(a.entities, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            try:
                d = json.loads(line)
            except json.JSONDecodeError as e:
                sys.exit(f"{a.entities}:{n}: not JSON ({e})")
            i = d.get("id")
            if i in unread or (not a.all and labels.get(i) not in POOL):
                continue
            for e in d.get("entities") or []:
                if e.get("kb") or e.get("kind") not in ("person", "organization", "media"):
                    continue
                k = (e["kind"], e["name"])
                docs[k].add(i)
                mentions[k] += len(e.get("mentions") or [])
                act = e.get("actor") or {}
                actors[k][f"{act.get('code') or '-'}/{act.get('sector') or '-'}"] += 1
    rows = sorted((k for k in docs if len(docs[k]) >= a.min_docs),
                  key=lambda k: (-len(docs[k]), -mentions[k], k))
    print("docs\tmentions\tkind\tname\tlinked as (code/sector: documents)")
    for k in rows:
        linked = ", ".join(f"{c}: {n}" for c, n in actors[k].most_common())
        print(f"{len(docs[k])}\t{mentions[k]}\t{k[0]}\t{k[1]}\t{linked}")


if __name__ == "__main__":
    main()
