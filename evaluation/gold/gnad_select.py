"""Shared selection rule of the GNAD-based gold sets (standard library only).

Each set's script names its pool filter, its salt and the gold files whose articles it
excludes, listed as they were when the set was drawn, so that it still prints the same
articles after later sets are added. Order: ascending SHA-256 of salt + id.
"""
import hashlib
import json
import os
import sys
from pathlib import Path

GOLD = Path(__file__).resolve().parent


def ids_in(names):
    """The document ids of gold files named relative to evaluation/gold/."""
    ids = set()
    for name in names:
        with open(GOLD / name, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    ids.add(json.loads(line)["id"])
    return ids


def args(default_n):
    """`[N] [--data DIR]` from the command line; DIR defaults to $SITREP_DATA."""
    argv = sys.argv[1:]
    data = os.environ.get("SITREP_DATA", "/work/shared/data")
    if "--data" in argv:
        i = argv.index("--data")
        data = argv[i + 1]
        del argv[i:i + 2]
    return Path(data), int(argv[0]) if argv else default_n


def select(data, salt, keep, exclude):
    """(id, label, length) of the GNAD dev articles that `keep(doc)` accepts and no file
    in `exclude` holds, in selection order."""
    used = ids_in(exclude)
    pool = []
    with open(data / "news/gnad-de-dev.jsonl", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if d["id"] in used or not keep(d):
                continue
            key = hashlib.sha256((salt + d["id"]).encode()).hexdigest()
            pool.append((key, d["id"], d["label"], len(d["text"])))
    pool.sort()
    return [p[1:] for p in pool]


def print_pool(pool, n, header=True):
    """Prints the first `n` of a selection as `position<TAB>id<TAB>label<TAB>length`,
    after a `# pool …` line when `header`."""
    if header:
        print(f"# pool {len(pool)} articles; first {n}")
    for pos, (id_, label, length) in enumerate(pool[:n]):
        print(f"{pos}\t{id_}\t{label}\t{length}")


def linking_pool(d, low=600, high=2500):
    """The pool of the linking sets (linking/select.py, select_dev.py): Inland, Panorama,
    Wirtschaft or Etat, `low`-`high` characters (600-2,500), no "Volltext ... nicht mehr"
    stub."""
    t = d["text"]
    if d["label"] not in ("Inland", "Panorama", "Wirtschaft", "Etat"):
        return False
    return low <= len(t) <= high and not ("nicht mehr" in t[:200] and "Volltext" in t[:200])


def linking_pool_longer(d):
    """The linking pool's continuation once it is used up (linking/select_dev7.py): the same
    labels, 2,501-4,000 characters."""
    return linking_pool(d, 2501, 4000)
