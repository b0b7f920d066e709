#!/usr/bin/env python3
"""Sort the misses and false alarms of `sitrep eval` by cause.

Usage: classify_errors.py BIN FRAMES.tsv GOLD.jsonl [--list]

BIN is a sitrep binary, FRAMES the frame file that binary was built with (for a past
commit: `git show COMMIT:data/frames/de.tsv > /tmp/f.tsv`), GOLD a gold file whose texts come
from $SITREP_DATA (`text_from`). Prints one count per cause, and with --list every error with
its cause, one line each.

Causes of a miss (a required gold event the system did not match):
  actor       the system has an event of the gold type in that sentence, with other actors
  type        the system has an event in that sentence, of another type only
  frame-idle  no event in the sentence, but a word of it has a frame of the gold type
              (the frame's conditions, the clause analysis or the actors failed)
  frame-other no event; a word has a frame, of another type only
  no-frame    no event, and no word of the sentence has any frame (vocabulary)
Causes of a false alarm (a system event matching no gold event):
  actor       the gold has an event of that type in that sentence (other actors)
  type        the gold codes another type (required or optional) in that sentence
  uncoded     the gold codes nothing in that sentence
An `actor` miss and its `actor` false alarm are one error seen twice; both are counted so that
the totals match `sitrep eval`.
"""
import collections
import json
import os
import subprocess
import sys

from frame_coverage import read_frames


def load_frames(path):
    """{lower-case lemma: event types of its rows, any part of speech}."""
    frames = collections.defaultdict(set)
    for (lemma, _pos), rows in read_frames(path).items():
        frames[lemma].update(t for t, _, _ in rows if t not in ("-", ""))
    return frames


def texts_for(gold_path, data):
    out = {}
    wanted = collections.defaultdict(set)
    docs = [json.loads(l) for l in open(gold_path, encoding="utf-8") if l.strip()]
    for d in docs:
        tf = d.get("text_from")
        if tf:
            wanted[tf["corpus"]].add(tf["id"])
        else:
            out[d["id"]] = d["text"]
    for corpus, ids in wanted.items():
        with open(os.path.join(data, corpus), encoding="utf-8") as f:
            for line in f:
                rec = json.loads(line)
                if rec.get("id") in ids:
                    out[rec["id"]] = rec["text"]
    return docs, out


def main():
    if len(sys.argv) < 4:
        sys.exit("usage: classify_errors.py BIN FRAMES.tsv GOLD.jsonl [--list]")
    binary, frames_path, gold_path = sys.argv[1:4]
    listing = "--list" in sys.argv
    data = os.environ.get("SITREP_DATA", "../shared/data")
    frames = load_frames(frames_path)
    docs, texts = texts_for(gold_path, data)
    report = json.loads(subprocess.run([binary, "eval", "--json", "--errors", "100000", gold_path],
                                       capture_output=True, text=True, check=True).stdout)
    lang = docs[0].get("language", "de")
    inp = "".join(json.dumps({"id": i, "language": lang, "text": t}, ensure_ascii=False) + "\n"
                  for i, t in texts.items())
    out = subprocess.run([binary, "extract", "--events", "--tokens", "--threads", "1", "-"],
                         input=inp, capture_output=True, text=True, check=True).stdout
    analyses = {a["id"]: a for a in map(json.loads, out.splitlines())}

    def sentence_of(doc, snippet):
        a = analyses[doc]
        text = a["text"].encode("utf-8")
        pos = text.find(snippet.encode("utf-8"))
        if pos < 0:
            return None
        for s in a["sentences"]:
            if s["start"] <= pos < s["end"]:
                return s
        return None

    def system_types(doc, sent):
        return [e for e in analyses[doc]["events"]
                if sent["start"] <= e["trigger"]["start"] < sent["end"]]

    def frame_types(doc, sent):
        toks = [t for t in analyses[doc]["tokens"] if sent["start"] <= t["start"] < sent["end"]]
        lemmas = {t["lemma"].lower() for t in toks}
        verbs = [t["lemma"].lower() for t in toks if t["upos"] in ("VERB", "AUX")]
        for p in (t["lemma"].lower() for t in toks if t["xpos"] == "PTKVZ"):
            lemmas.update(p + v for v in verbs)
        found = set()
        for l in lemmas:
            found |= frames.get(l, set())
        return found

    gold_by_sentence = collections.defaultdict(list)
    for d in docs:
        for ev in d.get("events", []):
            s = sentence_of(d["id"], ev["sentence"])
            if s:
                gold_by_sentence[(d["id"], s["start"])].append(ev)

    counts = collections.Counter()
    lines = []
    for m in report["misses"]:
        s = sentence_of(m["doc"], m["sentence"])
        if s is None:
            cause = "unlocated"
        else:
            sys_types = {e["type"] for e in system_types(m["doc"], s)}
            if m["event"] in sys_types:
                cause = "actor"
            elif sys_types:
                cause = "type"
                m["event"] += " (system: " + "/".join(sorted(sys_types)) + ")"
            else:
                ft = frame_types(m["doc"], s)
                cause = "frame-idle" if m["event"] in ft else "frame-other" if ft else "no-frame"
        counts[("miss", cause)] += 1
        lines.append(f"miss\t{cause}\t{m['event']}\t{m['doc']}\t{m['sentence'][:90]}")
    for fa in report["false_alarms"]:
        s = sentence_of(fa["doc"], fa["sentence"])
        gold = gold_by_sentence.get((fa["doc"], s["start"]), []) if s else []
        types = {g["event"] for g in gold}
        cause = "actor" if fa["event"] in types else "type" if types else "uncoded"
        counts[("false alarm", cause)] += 1
        gold_types = "/".join(sorted(types)) or "-"
        lines.append(f"false alarm\t{cause}\t{fa['event']}\t{fa.get('rule')}\tgold:{gold_types}\t{fa['doc']}\t{fa['sentence'][:90]}")
    print(f"# {gold_path}: P {report['precision']:.3f} R {report['recall']:.3f} F1 {report['f1']:.3f}")
    for kind in ("miss", "false alarm"):
        row = {c: n for (k, c), n in counts.items() if k == kind}
        print(kind, json.dumps(dict(sorted(row.items(), key=lambda x: -x[1]))))
    if listing:
        print("\n".join(lines))


if __name__ == "__main__":
    main()
