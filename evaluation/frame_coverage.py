#!/usr/bin/env python3
"""How much of a corpus's event vocabulary the frame file has decided.

Usage: frame_coverage.py BIN FRAMES.tsv CORPUS.jsonl [--top N] [--exclude GOLD.jsonl ...]
                         [--args K] [--nouns] [--extracted FILE]

Runs `BIN extract --tokens --entities` over CORPUS and counts the verb tokens (particle
verbs joined as the clause stage joins them: German `lehnte … ab` → `ablehnen`, English
`called off` → `call off`, the particle `RP` after the verb) of sentences that mention an
actor (an entity with an actor code). A token is *decided* when its lemma has any row in FRAMES: an event frame or
an explicit non-event row (type `-`). Prints the decided share and the N most frequent
undecided lemmas, which are the next words to decide. Documents of the --exclude gold files
are left out, so the list is not drawn from evaluation text.

--args K prints, for each listed verb, its K most frequent argument cues in the same
sentences: German accusative and dative noun lemmas (`acc:Kritik`, `dat:Regierung`),
English the first noun after the verb (`obj:sanction`, which has no case to show),
prepositions (`pp:gegen`, `pp:against`), German predicative adjectives (`adj:enttäuscht`)
and a reflexive pronoun (`refl`); these show the constructions (light verb + noun, `sich
zeigen` + adjective) a frame row must name. --nouns also lists the undecided nouns with
event-like suffixes (German -ung, -ion, -ik, -ismus, -ur, -ei, -ie; English -ion, -ment,
-ance, -ence, -al, -ure, -ism) by token count.
--extracted FILE reads BIN's output from FILE (written on the first run) so that repeated
counts do not re-run the pipeline.
"""
import argparse
import collections
import json
import os
import subprocess

EVENT_SUFFIXES = ("ung", "ion", "ik", "ismus", "ur", "ei", "ie")
EVENT_SUFFIXES_EN = ("ion", "ment", "ance", "ence", "al", "ure", "ism")
# English: noun-suffix words that are seldom events (`official`, `animal`, `capital`)
EN_NOT_EVENT = {"official", "animal", "capital", "hospital", "individual", "local", "total",
                "general", "material", "signal", "journal", "mental", "potential",
                "professional", "rival", "criminal", "principal", "international"}


def read_frames(path):
    """{(lower-case lemma, pos): [(type, requires, flags), ...]} of a frame file, in file
    order; type `-` is a non-event row (a verb of saying, a `none` reading)."""
    rows = collections.defaultdict(list)
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            pos = cols[1] if len(cols) > 1 else "-"
            rows[(cols[0].lower(), pos)].append(tuple(cols[i] if len(cols) > i else "-"
                                                      for i in (3, 2, 8)))
    return rows


def extract(binary, jsonl, *flags):
    """`BINARY extract --tokens FLAGS -` over JSON Lines documents: its output text."""
    return subprocess.run([binary, "extract", "--tokens", *flags, "-"], input=jsonl,
                          capture_output=True, text=True, check=True).stdout


def german_verbs(toks):
    """Verb lemmas (the first verb joined with the first separable particle) and argument
    cues of a German sentence's tokens."""
    verbs = [t["lemma"].lower() for t in toks if t["upos"] == "VERB"]
    particles = [t["lemma"].lower() for t in toks if t["xpos"] == "PTKVZ"]
    if verbs and particles:
        verbs[0] = particles[0] + verbs[0]
    cues = set()
    for t in toks:
        if t["upos"] == "NOUN" and "Case=Acc" in t["feats"]:
            cues.add("acc:" + t["lemma"])
        elif t["upos"] == "NOUN" and "Case=Dat" in t["feats"]:
            cues.add("dat:" + t["lemma"])
        elif t["xpos"] in ("APPR", "APPRART"):
            cues.add("pp:" + t["lemma"].lower())
        elif t["xpos"] == "PRF":
            cues.add("refl")
        elif t["xpos"] == "ADJD":
            cues.add("adj:" + t["lemma"])
    return verbs, cues


def english_verbs(toks):
    """Verb lemmas (a particle `RP` before the next verb joined with a space, as the clause
    stage joins it: `pull out`) and argument cues of an English sentence's tokens: the
    first noun after a verb before any other verb or preposition (`obj:talk`) and the
    prepositions (`pp:against`)."""
    verbs = []
    cues = set()
    for i, t in enumerate(toks):
        if t["xpos"] in ("IN", "TO") and t["upos"] == "ADP":
            cues.add("pp:" + t["lemma"].lower())
        if t["upos"] != "VERB":
            continue
        lemma = t["lemma"].lower()
        for u in toks[i + 1:]:
            if u["upos"] in ("VERB", "AUX") or u["xpos"] in ("IN", "TO", "."):
                break
            if u["xpos"] == "RP":
                lemma += " " + u["lemma"].lower()
                break
        verbs.append(lemma)
        for u in toks[i + 1:]:
            if u["upos"] in ("VERB", "AUX") or u["xpos"] in ("IN", "TO", "."):
                break
            if u["upos"] == "NOUN":
                cues.add("obj:" + u["lemma"].lower())
                break
    return verbs, cues


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("frames")
    ap.add_argument("corpus")
    ap.add_argument("--top", type=int, default=100)
    ap.add_argument("--exclude", nargs="*", default=[])
    ap.add_argument("--args", type=int, default=0)
    ap.add_argument("--nouns", action="store_true")
    ap.add_argument("--extracted")
    args = ap.parse_args()

    rows = read_frames(args.frames)
    decided = {lemma for lemma, _ in rows}
    decided_nouns = {lemma for lemma, pos in rows if pos == "N"}
    excluded = set()
    for gold in args.exclude:
        with open(gold, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    d = json.loads(line)
                    excluded.add(d.get("text_from", {}).get("id", d["id"]))
    if args.extracted and os.path.exists(args.extracted):
        with open(args.extracted, encoding="utf-8") as f:
            out = f.read()
    else:
        with open(args.corpus, encoding="utf-8") as f:
            inp = "".join(l for l in f if l.strip() and json.loads(l).get("id") not in excluded)
        out = extract(args.binary, inp, "--entities")
        if args.extracted:
            with open(args.extracted, "w", encoding="utf-8") as f:
                f.write(out)
    undecided = collections.Counter()
    cues = collections.defaultdict(collections.Counter)
    nouns = collections.Counter()
    total = hits = docs = 0
    for line in out.splitlines():
        d = json.loads(line)
        docs += 1
        mentions = [m["start"] for e in d["entities"] if e.get("actor") for m in e["mentions"]]
        lang = d.get("language", "de")
        suffixes = EVENT_SUFFIXES_EN if lang == "en" else EVENT_SUFFIXES
        for s in d["sentences"]:
            if not any(s["start"] <= m < s["end"] for m in mentions):
                continue
            toks = [t for t in d["tokens"] if s["start"] <= t["start"] < s["end"]]
            if lang == "en":
                verbs, sentence_cues = english_verbs(toks)
            else:
                verbs, sentence_cues = german_verbs(toks)
            if args.nouns:
                for t in toks:
                    low = t["lemma"].lower()
                    if (t["upos"] == "NOUN" and low.endswith(suffixes)
                            and low not in decided_nouns
                            and not (lang == "en" and low in EN_NOT_EVENT)
                            # (German accusative and dative nouns are listed as cues)
                            and not (lang != "en" and ("Case=Acc" in t["feats"]
                                                       or "Case=Dat" in t["feats"]))):
                        nouns[t["lemma"]] += 1
            for v in verbs:
                total += 1
                if v in decided:
                    hits += 1
                else:
                    undecided[v] += 1
                    cues[v].update(sentence_cues)
    share = hits / total if total else 0.0
    print(f"documents {docs} (excluded {len(excluded)}), verb tokens in actor sentences {total}, "
          f"decided {hits} ({share:.3f}), undecided lemmas {len(undecided)}")
    if args.args:
        for v, n in undecided.most_common(args.top):
            shown = " ".join(f"{c}:{k}" for c, k in cues[v].most_common(args.args))
            print(f"{v}\t{n}\t{shown}")
    else:
        print(" ".join(f"{v}:{n}" for v, n in undecided.most_common(args.top)))
    if args.nouns:
        print("undecided event-like nouns: " +
              " ".join(f"{v}:{n}" for v, n in nouns.most_common(args.top)))


if __name__ == "__main__":
    main()
