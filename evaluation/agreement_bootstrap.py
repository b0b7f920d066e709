#!/usr/bin/env python3
"""How much does an inter-coder F1 move with the articles? An article bootstrap.

Usage: agreement_bootstrap.py BIN FIRST SECOND [FIRST SECOND ...]
                              [--all-required] [--types T,T,...] [--samples 2000] [--seed 0]

FIRST and SECOND are two gold codings of the same documents, as for `BIN eval-agreement`
(which this script runs; it scores nothing itself). Each document of each pair is written
to a file of its own and all of them are scored in one `BIN eval-agreement --json` call, so
every document has its matched, false-alarm and missed counts for each direction (first or
second coding as gold) and each set of predictions (required, or required + optional).
Matching never crosses documents, so these counts sum to the figures of the whole files.

The documents of all pairs are then resampled with replacement (`--samples` times, fixed
`--seed`); F1 is computed from the summed counts of each sample, and the 2.5th and 97.5th
percentiles give a 95% interval. It says how much the figure depends on which articles
were drawn, not how much it would move with another coder.

--types keeps only the events of the listed PLOVER types in both codings before scoring
(a control for the mix of event types: agreement on verbal events only, say).

It prints one markdown table. Documents' texts come from `text` or `text_from`
($SITREP_DATA), as for `BIN eval-agreement`.
"""
import argparse
import json
import os
import random
import subprocess
import sys
import tempfile

DIRECTIONS = ["first as gold", "second as gold"]
PREDICTED = {"exclude": "required", "include": "required + optional"}


class InputError(Exception):
    """A problem with the input files or the binary, named for the user."""


def read_docs(path):
    """The documents of a gold file in file order: [(id, line)]."""
    docs = []
    try:
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    doc_id = json.loads(line)["id"]
                except (json.JSONDecodeError, KeyError, TypeError) as err:
                    raise InputError(f"{path}:{n}: not a gold document with an id ({err})")
                docs.append((doc_id, line if line.endswith("\n") else line + "\n"))
    except OSError as err:
        raise InputError(f"{path}: {err}")
    return docs


def keep_types(line, types):
    """The document line with only the events of `types` (all when `types` is None)."""
    if types is None:
        return line
    doc = json.loads(line)
    doc["events"] = [e for e in doc.get("events", []) if e.get("event") in types]
    return json.dumps(doc, ensure_ascii=False) + "\n"


def split_pairs(pairs, folder, types=None):
    """Writes one file per document and side (with only the events of `types`, if given);
    returns the per-document file arguments and the document id of each index (the file
    names carry the index, not the id)."""
    args, ids = [], []
    for first, second in pairs:
        a, b = read_docs(first), read_docs(second)
        if [d for d, _ in a] != [d for d, _ in b]:
            only = sorted(set(d for d, _ in a) ^ set(d for d, _ in b))
            raise InputError(f"{first} and {second} do not hold the same documents in the same "
                             f"order (differing: {', '.join(only) or 'the order'})")
        for (doc_id, line_a), (_, line_b) in zip(a, b):
            i = len(ids)
            for side, line in (("first", line_a), ("second", line_b)):
                path = os.path.join(folder, f"{i:05}.{side}.jsonl")
                with open(path, "w", encoding="utf-8") as f:
                    f.write(keep_types(line, types))
                args.append(path)
            ids.append(doc_id)
    return args, ids


def counts_by_doc(rows, ids):
    """{(direction, optional): [(matched, false alarms, misses) per document index]} from the
    JSON rows of `eval-agreement --json`; the pooled rows are skipped."""
    table = {}
    for row in rows:
        left = row["pair"].split(" ~ ")[0]
        if not left.endswith(".first.jsonl"):
            continue  # the pooled row of all pairs
        i = int(left.split(".")[0])
        o = row["report"]["overall"]
        key = (row["direction"], row["optional"])
        table.setdefault(key, [None] * len(ids))[i] = (o["tp"], o["fp"], o["fn_"])
    for key, docs in table.items():
        if None in docs:
            missing = ids[docs.index(None)]
            raise InputError(f"eval-agreement gave no figures for {missing} ({key[0]})")
    return table


def f1(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def bootstrap(docs, samples, seed):
    """F1 of the summed counts, and the 95% percentile interval over `samples` resamplings
    of the documents."""
    point = f1(*(sum(d[k] for d in docs) for k in range(3)))
    rng = random.Random(seed)
    values = sorted(f1(*(sum(d[k] for d in s) for k in range(3)))
                    for s in ([rng.choice(docs) for _ in docs] for _ in range(samples)))
    return point, values[int(0.025 * samples)], values[min(samples - 1, int(0.975 * samples))]


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("binary")
    ap.add_argument("files", nargs="+", help="FIRST SECOND [FIRST SECOND ...]")
    ap.add_argument("--all-required", action="store_true",
                    help="passed on to eval-agreement: ignore the optional flags")
    ap.add_argument("--types", help="comma-separated PLOVER types: score only these events")
    ap.add_argument("--samples", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args(argv)
    if len(a.files) % 2:
        ap.error("gold files come in pairs: FIRST SECOND [FIRST SECOND ...]")
    if a.samples < 1:
        ap.error("--samples must be at least 1")
    pairs = list(zip(a.files[::2], a.files[1::2]))
    types = set(a.types.split(",")) if a.types else None
    try:
        with tempfile.TemporaryDirectory() as folder:
            args, ids = split_pairs(pairs, folder, types)
            cmd = [a.binary, "eval-agreement", "--json", "--examples", "0"]
            cmd += ["--all-required"] if a.all_required else []
            try:
                run = subprocess.run(cmd + args, capture_output=True, text=True, check=True)
            except (OSError, subprocess.CalledProcessError) as err:
                detail = getattr(err, "stderr", "") or ""
                raise InputError(f"{a.binary} eval-agreement failed: {err} {detail.strip()}")
        rows = [json.loads(line) for line in run.stdout.splitlines() if line.strip()]
        table = counts_by_doc(rows, ids)
    except InputError as err:
        print(f"agreement_bootstrap: {err}", file=sys.stderr)
        return 1
    flags = " --all-required" if a.all_required else ""
    flags += f", events of the types {','.join(sorted(types))} only" if types else ""
    print(f"Article bootstrap of `eval-agreement{flags}` over {len(ids)} documents "
          f"({a.samples} samples, seed {a.seed}).\n")
    print("| gold | predicted | matched | false alarms | misses | F1 | 95% interval |")
    print("|---|---|---|---|---|---|---|")
    for direction in DIRECTIONS:
        for optional, name in PREDICTED.items():
            docs = table.get((direction, optional))
            if docs is None:
                continue
            point, low, high = bootstrap(docs, a.samples, a.seed)
            tp, fp, fn = (sum(d[k] for d in docs) for k in range(3))
            print(f"| {direction} | {name} | {tp} | {fp} | {fn} | {point:.3f} "
                  f"| {low:.3f}–{high:.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
