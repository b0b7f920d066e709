#!/usr/bin/env python3
"""How much of a corpus's event vocabulary the frame file has decided.

Usage: frame_coverage.py BIN FRAMES.tsv CORPUS.jsonl [--top N] [--exclude GOLD.jsonl ...]

Runs `BIN extract --tokens --entities` over CORPUS and counts the verb tokens (particle
verbs joined: `lehnte … ab` → `ablehnen`) of sentences that mention an actor (an entity with
an actor code). A token is *decided* when its lemma has any row in FRAMES: an event frame or
an explicit non-event row (type `-`). Prints the decided share and the N most frequent
undecided lemmas, which are the next words to decide. Documents of the --exclude gold files
are left out, so the list is not drawn from evaluation text.
"""
import argparse
import collections
import json
import subprocess


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("frames")
    ap.add_argument("corpus")
    ap.add_argument("--top", type=int, default=100)
    ap.add_argument("--exclude", nargs="*", default=[])
    args = ap.parse_args()

    decided = set()
    with open(args.frames, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            decided.add(line.split("\t", 1)[0].lower())
    excluded = set()
    for gold in args.exclude:
        with open(gold, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    d = json.loads(line)
                    excluded.add(d.get("text_from", {}).get("id", d["id"]))
    with open(args.corpus, encoding="utf-8") as f:
        inp = "".join(l for l in f if l.strip() and json.loads(l).get("id") not in excluded)
    out = subprocess.run([args.binary, "extract", "--tokens", "--entities", "-"],
                         input=inp, capture_output=True, text=True, check=True).stdout
    undecided = collections.Counter()
    total = hits = docs = 0
    for line in out.splitlines():
        d = json.loads(line)
        docs += 1
        mentions = [m["start"] for e in d["entities"] if e.get("actor") for m in e["mentions"]]
        for s in d["sentences"]:
            if not any(s["start"] <= m < s["end"] for m in mentions):
                continue
            toks = [t for t in d["tokens"] if s["start"] <= t["start"] < s["end"]]
            verbs = [t["lemma"].lower() for t in toks if t["upos"] == "VERB"]
            particles = [t["lemma"].lower() for t in toks if t["xpos"] == "PTKVZ"]
            if verbs and particles:
                verbs[0] = particles[0] + verbs[0]
            for v in verbs:
                total += 1
                if v in decided:
                    hits += 1
                else:
                    undecided[v] += 1
    share = hits / total if total else 0.0
    print(f"documents {docs} (excluded {len(excluded)}), verb tokens in actor sentences {total}, "
          f"decided {hits} ({share:.3f}), undecided lemmas {len(undecided)}")
    print(" ".join(f"{v}:{n}" for v, n in undecided.most_common(args.top)))


if __name__ == "__main__":
    main()
