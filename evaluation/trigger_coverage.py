#!/usr/bin/env python3
"""Why gold events are missed: is the trigger word in the frames, and did the rule fire?

Usage: trigger_coverage.py BIN GOLD.jsonl [GOLD.jsonl ...] [--frames data/frames/de.tsv]
                           [--list] [--optional]

For every required gold event (with --optional: every gold event) the trigger is looked up
in the frame file. The trigger candidates are the tokens of `BIN extract --tokens` inside
the event's `sentence` (its first occurrence, as the scorer locates it): full verbs
(`VERB`; a separable particle `PTKVZ` of the same sentence is joined to the nearest finite
full verb before it: `lehnte … ab` → `ablehnen`), predicative adjectives (`ADJD`, not a
degree word right before another adjective: `absolut unpassend`) and nouns. Each candidate
is looked up in its own table of the frame file (`V`, `A`, `N`; nouns also by compound
head, as `Frames::lookup_noun` does: `Truppenverlegung` → `Verlegung`). The conditions of
a row (`obj=Kritik`, `neg`) are not checked against the text: a row counts when its lemma
and part of speech are there. The event gets the first class that holds:

  a   a candidate has a row of the gold type without conditions (`requires` is `-`): the
      word alone should make the event (the rule did not fire, or its actors are wrong)
  a?  a candidate has rows of the gold type, each with conditions (`obj=Kritik`, `neg`,
      `cop`): the word is there, the construction may not be
  b   a candidate has event rows of other types only: the word is typed otherwise (a verb
      of saying counts for a, not for b: its event rows need an adverb, `sagte … drohend`)
  x   the trigger has a non-event row (type `-`: a verb of saying, a `none` reading)
  c   the trigger has no row at all: the word is missing

For x and c the trigger is the first candidate in this order: a full verb that is no verb
of saying, a predicative adjective, a noun with an event-like suffix (-ung, -ion, …, as
`frame_coverage.py --nouns`), a verb of saying, any other noun (mostly actors).

Whether a required event was matched comes from `BIN eval --json`: matched when it is not
among the misses; `fired` when it is, but a false alarm of the gold type lies in its
sentence (the rule fired, a source or target did not agree with the gold). An optional
event is not scored: with --optional it counts in the totals, never as matched.

It prints, per gold file (and pooled when several are given), a table per gold type and
class, each cell `matched/all (fired)`. --list also prints each class's trigger words
(`word [gold type]`, for b with the word's frame types) grouped as unmatched, fired,
matched; it refuses the blind sets (held-out files, dev8, dev10: counts only, nobody reads
their words; dev9 is a tuning set since the fourteenth sitting). Documents' texts come
from `text` or `text_from` ($SITREP_DATA, as `sitrep eval` reads them).
"""
import argparse
import collections
import json
import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent / "gold"))
from check import Corpora  # noqa: E402  (text_from resolution, as the gold checker does)
from frame_coverage import EVENT_SUFFIXES, extract, read_frames  # noqa: E402

CLASSES = ("a", "a?", "b", "x", "c")
# Gold sets that are measured only: their words are not printed (evaluation/gold/README.md).
# dev9 became a tuning set in the fourteenth sitting (its blind figure is recorded).
BLIND = ("held", "gnad-dev8", "gnad-dev10")


def is_blind(path):
    name = os.path.basename(path)
    return any(b in name for b in BLIND)


class Lexicon:
    """The frame file's rows by (lemma, pos), with German compound-head lookup for nouns."""

    def __init__(self, path):
        self.rows = read_frames(path)
        self.noun_heads = {lemma for lemma, pos in self.rows if pos == "N"}

    def types(self, lemma, pos, plain=False):
        """The set of types of `lemma`'s rows as `pos` (`-` for a non-event row; with
        `plain`, only of the rows without conditions); None when it has no row."""
        low = lemma.lower()
        rows = self.rows.get((low, pos))
        if rows is None and pos == "N":
            # Frames::lookup_noun: the longest head of at least five letters after a
            # modifier of at least three bytes
            for i, _ in enumerate(low):
                head = low[i:]
                if len(low[:i].encode()) >= 3 and len(head) >= 5 and head in self.noun_heads:
                    rows = self.rows[(head, "N")]
                    break
        return None if rows is None else {t for t, req, _ in rows if not plain or req == "-"}

    def derivable(self, lemma, pos, gold_type):
        """Whether a derivational relative of `lemma` has a row of `gold_type`: the verb of
        an `-ung`/`-ation` noun (`Verurteilung` → `verurteilen`, `Demonstration` →
        `demonstrieren`) or the `-ung` noun of a verb. Such a row could decide the word if
        frames were inherited along derivations (the plan of the thirteenth sitting)."""
        return any(gold_type in (self.types(w, p) or ()) for w, p in relatives(lemma, pos))

    def is_say(self, lemma):
        return any("say" in flags for _, _, flags in self.rows.get((lemma.lower(), "V"), []))


def relatives(lemma, pos):
    """(lemma, pos) of the German derivational relatives `Lexicon.derivable` looks up."""
    low = lemma.lower()
    out = []
    if pos == "N":
        if low.endswith("ation") and len(low) > 7:
            out.append((low[:-5] + "ieren", "V"))
        if low.endswith("ung") and len(low) > 5:
            stem = low[:-3]
            out += [(stem + "en", "V"), (stem + "n", "V")]
    elif pos == "V" and low.endswith("en") and len(low) > 4:
        out.append((low[:-2].capitalize() + "ung", "N"))
        if low.endswith("ieren"):
            out.append((low[:-5].capitalize() + "ation", "N"))
    return out


def candidates(sentence_tokens, span):
    """(lemma, pos, is_finite) of the trigger candidates among `sentence_tokens` whose start
    lies in the byte span; particles are joined to the nearest finite full verb before them."""
    joined = {}
    for i, t in enumerate(sentence_tokens):
        if t["xpos"] != "PTKVZ":
            continue
        for j in range(i - 1, -1, -1):
            v = sentence_tokens[j]
            if v["upos"] == "VERB" and v["xpos"] in ("VVFIN", "VVIMP") and j not in joined:
                joined[j] = t["lemma"].lower() + v["lemma"].lower()
                break
    out = []
    for j, t in enumerate(sentence_tokens):
        if not span[0] <= t["start"] < span[1]:
            continue
        if t["upos"] == "VERB":
            out.append((joined.get(j, t["lemma"].lower()), "V"))
        elif t["xpos"] == "ADJD":
            # an adverbial degree word before the predicative head is no trigger
            # (`absolut unpassend`, `vollständig überzogen`)
            nxt = sentence_tokens[j + 1] if j + 1 < len(sentence_tokens) else None
            if not (nxt and nxt["xpos"] in ("ADJD", "ADJA")):
                out.append((t["lemma"].lower(), "A"))
        elif t["upos"] == "NOUN":
            out.append((t["lemma"], "N"))
    return out


def classify(cands, gold_type, lex):
    """(class, trigger word) of one gold event."""
    typed = [(w, p, lex.types(w, p)) for w, p in cands]
    for w, p, ts in typed:
        if ts and gold_type in lex.types(w, p, plain=True):
            return "a", w
    for w, p, ts in typed:
        if ts and gold_type in ts:
            return "a?", w
    for w, p, ts in typed:
        # a verb of saying's conditional rows (`sagte … drohend`) do not make it the trigger
        if ts and ts - {"-"} and not (p == "V" and lex.is_say(w)):
            return "b", f"{w}({'/'.join(sorted(ts - {'-'}))})"
    order = ([w for w, p, _ in typed if p == "V" and not lex.is_say(w)]
             + [w for w, p, _ in typed if p == "A"]
             + [w for w, p, _ in typed if p == "N" and w.lower().endswith(EVENT_SUFFIXES)]
             + [w for w, p, _ in typed if p == "V" and lex.is_say(w)]
             + [w for w, p, _ in typed if p == "N"])
    if not order:
        return "c", "(no candidate)"
    trigger = order[0]
    pos = next(p for w, p, _ in typed if w == trigger)
    return ("c" if lex.types(trigger, pos) is None else "x"), trigger


def load_gold(path, corpora):
    docs = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            d = json.loads(line)
            text = d.get("text")
            if text is None:
                src = d.get("text_from") or {}
                text = corpora.text(src.get("corpus", ""), src.get("id", ""))
            if text is None:
                sys.exit(f"{path}:{n}: document {d.get('id')!r}: no text (text or text_from)")
            docs.append((d, text))
    return docs


def misses(binary, path):
    """The (doc, type, sentence) of the required gold events `BIN eval` did not match, and
    the (doc, type, sentence) of its false alarms (the whole sentence of each)."""
    run = subprocess.run([binary, "eval", "--json", "--errors", "1000000", path],
                         capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"{path}: `{binary} eval` failed: {run.stderr.strip()}")
    out = run.stdout
    report = json.loads(out.splitlines()[0])
    missed = collections.Counter((m["doc"], m["event"], m["sentence"]) for m in report["misses"])
    return missed, [(f["doc"], f["event"], f["sentence"]) for f in report["false_alarms"]]


def coverage(binary, path, lex, corpora, optional):
    """[(gold type, class, matched: True/False/None/"fired", trigger word, derivable,
    candidates)] of one gold file; `derivable`: a b, x or c event one of whose candidates
    has a derivational relative with a row of the gold type (`Lexicon.derivable`);
    `candidates`: the (lemma, pos) trigger candidates of its span (`candidates`)."""
    docs = load_gold(path, corpora)
    jsonl = "".join(json.dumps({"id": d["id"], "language": d.get("language", "de"),
                                "text": text}, ensure_ascii=False) + "\n" for d, text in docs)
    extracted = {}
    for line in extract(binary, jsonl).splitlines():
        x = json.loads(line)
        extracted[x["id"]] = x
    missed, false_alarms = misses(binary, path)
    rows = []
    for d, text in docs:
        x = extracted.get(d["id"])
        if x is None:
            sys.exit(f"{path}: document {d['id']!r}: no extract output")
        for e in d.get("events", []):
            if e.get("optional") and not optional:
                continue
            at = text.find(e["sentence"])
            if at < 0:
                sys.exit(f"{path}: document {d['id']!r}: sentence not in text: {e['sentence']!r}")
            start = len(text[:at].encode())
            span = (start, start + len(e["sentence"].encode()))
            sent = next((s for s in x["sentences"] if s["start"] <= span[0] < s["end"]), None)
            toks = [t for t in x["tokens"]
                    if sent is not None and sent["start"] <= t["start"] < sent["end"]]
            cands = candidates(toks, span)
            cls, word = classify(cands, e["event"], lex)
            derivable = cls in ("b", "x", "c") and any(
                lex.derivable(w, p, e["event"]) for w, p in cands)
            if e.get("optional"):
                matched = None
            else:
                key = (d["id"], e["event"], e["sentence"])
                matched = missed[key] == 0
                if not matched:
                    missed[key] -= 1
                    # a false alarm of the gold type in the event's sentence: the rule
                    # fired, but its actors (source or target) did not agree
                    if any(fd == d["id"] and ft == e["event"] and e["sentence"] in fs
                           for fd, ft, fs in false_alarms):
                        matched = "fired"
            rows.append((e["event"], cls, matched, word, derivable, cands))
    return rows


def status(m):
    return {True: "matched", False: "unmatched", "fired": "fired", None: "optional"}[m]


def table(rows):
    """Markdown table: per gold type and overall, each class as matched/all."""
    def cell(rs, c):
        sel = [r for r in rs if r[1] == c]
        m = sum(1 for r in sel if r[2] is True)
        fired = sum(1 for r in sel if r[2] == "fired")
        return (f"{m}/{len(sel)}" + (f" ({fired})" if fired else "")) if sel else "0"
    lines = ["| gold type | events | a: row of the gold type | a?: only with conditions |"
             " b: other type only | x: non-event row | c: no row |",
             "|---|---|---|---|---|---|---|"]
    for t in sorted({r[0] for r in rows}) + ["all"]:
        rs = rows if t == "all" else [r for r in rows if r[0] == t]
        lines.append(f"| {t} | {len(rs)} | " + " | ".join(cell(rs, c) for c in CLASSES) + " |")
    derivable = [r for r in rows if r[4]]
    lines.append(f"\nb, x or c with a derivational relative of the gold type (verb ↔ -ung/-ation "
                 f"noun): {len(derivable)}, of them unmatched "
                 f"{sum(1 for r in derivable if r[2] is not True)}")
    return "\n".join(lines)


def read_families(path):
    """{lemma: family} from a family file (`family<TAB>lemma`, `#` comments, a header)."""
    out = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#") or line == "family\tlemma":
                continue
            parts = line.split("\t")
            if len(parts) != 2:
                sys.exit(f"{path} line {n}: expected family<TAB>lemma")
            out[parts[1].lower()] = parts[0]
    return out


def family_table(rows, families):
    """Required events per gold type and family of any trigger candidate (`-`: none), as
    matched/all: counts only, no words."""
    count = collections.Counter()
    hit = collections.Counter()
    for t, _cls, m, _w, _d, cands in rows:
        if m is None:
            continue
        fams = {families[w.lower()] for w, _p in cands if w.lower() in families} or {"-"}
        for fam in fams:
            count[(t, fam)] += 1
            hit[(t, fam)] += m is True
    names = sorted({f for _t, f in count})
    lines = ["| type | " + " | ".join(names) + " |", "|---" * (len(names) + 1) + "|"]
    for t in sorted({t for t, _f in count}):
        cells = [f"{hit[(t, f)]}/{count[(t, f)]}" if count[(t, f)] else "" for f in names]
        lines.append(f"| {t} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("gold", nargs="+")
    ap.add_argument("--frames", default=str(Path(__file__).resolve().parents[1] / "data/frames/de.tsv"))
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--optional", action="store_true")
    ap.add_argument("--families", metavar="TSV",
                    help="count required events per word family of their trigger candidates "
                         "(counts only; allowed on blind sets), e.g. evaluation/families/de.tsv")
    args = ap.parse_args()
    if args.list:
        blind = [g for g in args.gold if is_blind(g)]
        if blind:
            sys.exit("--list refused for blind sets (counts only): " + ", ".join(blind))
    lex = Lexicon(args.frames)
    corpora = Corpora(os.environ.get("SITREP_DATA", "/work/shared/data"))
    everything = []
    for g in args.gold:
        try:
            rows = coverage(args.binary, g, lex, corpora, args.optional)
        except (OSError, subprocess.CalledProcessError) as err:
            sys.exit(f"{g}: running {args.binary} failed: {err}")
        everything += rows
        print(f"## {g}\n\n{table(rows)}\n")
        if args.list:
            for c in CLASSES:
                for label in ("unmatched", "fired", "matched", "optional"):
                    words = collections.Counter(f"{w} [{t}]" for t, cl, m, w, *_ in rows
                                                if cl == c and status(m) == label)
                    if words:
                        print(f"{c} {label}: " + ", ".join(f"{w} {n}" if n > 1 else w
                                                           for w, n in words.most_common()))
            print()
    if len(args.gold) > 1:
        print(f"## all {len(args.gold)} files\n\n{table(everything)}")
    if args.families:
        print(family_table(everything, read_families(args.families)))


if __name__ == "__main__":
    main()
