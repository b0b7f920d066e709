#!/usr/bin/env python3
"""Copy a JSON Lines corpus without the documents of the blind gold sets.

Held-out sets are for measuring only, so a reading of raw corpus text (say, GNAD dev for the
sentences of one word family) must leave their documents out. The blind files are the gold
files under `evaluation/gold/` that `trigger_coverage.is_blind` names (held-out files of every
task, including the linking held-out set, and dev8, dev10): one list for both scripts. A
document is dropped when its `id` is the `id` or the `text_from.id` of any of their documents.

    python3 evaluation/drop_blind.py $SITREP_DATA/news/gnad-de-dev.jsonl > /tmp/gnad-dev-open.jsonl

Counts go to standard error. Standard library only.
"""
import glob
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from trigger_coverage import is_blind  # noqa: E402

GOLD = os.path.join(os.path.dirname(os.path.abspath(__file__)), "gold")


def blind_files(root=GOLD):
    """The blind gold files under `root` (recursively), sorted."""
    files = glob.glob(os.path.join(root, "**", "*.jsonl"), recursive=True)
    return sorted(f for f in files if is_blind(f))


def blind_ids(files):
    """Ids of every document of `files`: its own id and the corpus id it was taken from."""
    ids = set()
    for path in files:
        with open(path, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    doc = json.loads(line)
                except json.JSONDecodeError as e:
                    raise SystemExit(f"drop_blind: {path}:{n}: not JSON ({e})")
                ids.add(doc.get("id"))
                ids.add((doc.get("text_from") or {}).get("id"))
    ids.discard(None)
    return ids


def drop(lines, ids, name="input"):
    """Yield the lines whose document id is not in `ids`."""
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            doc_id = json.loads(line).get("id")
        except json.JSONDecodeError as e:
            raise SystemExit(f"drop_blind: {name}:{n}: not JSON ({e})")
        if doc_id not in ids:
            yield line if line.endswith("\n") else line + "\n"


def main(argv):
    if len(argv) != 2:
        raise SystemExit(__doc__)
    files = blind_files()
    if not files:
        raise SystemExit(f"drop_blind: no blind gold file found under {GOLD}")
    ids = blind_ids(files)
    kept = 0
    with open(argv[1], encoding="utf-8") as fh:
        for line in drop(fh, ids, argv[1]):
            kept += 1
            sys.stdout.write(line)
    print(f"drop_blind: kept {kept} documents; {len(ids)} blind ids from "
          f"{len(files)} files", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv)
