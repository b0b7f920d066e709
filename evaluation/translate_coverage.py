#!/usr/bin/env python3
"""Would a German→English dictionary decide the German triggers the frame file misses?

Usage: translate_coverage.py BIN [GOLD.jsonl ...] --dict PREFIX [--list]
                             [--corpus CORPUS.jsonl --exclude GOLD.jsonl ... [--extracted FILE]]

A measurement for issue 6, not a stage of the extractor. The dictionary is read from a
dictd database (`PREFIX.index` and `PREFIX.dict.dz`, the format FreeDict ships): it is
third-party data that stays outside the repository, so its path is an argument.

Gold: for every required event of classes b, x and c of `trigger_coverage.py` (whose
reading of the gold triggers is imported, not repeated), the trigger word is looked up in
the dictionary (a German verb, noun or adjective; a noun also by its compound head, as
`Frames::lookup_noun` does), and each English translation in `data/frames/en.tsv` with the
same part of speech (the phrase, then without a trailing preposition: `complain about` →
`complain`; a noun phrase also by its last word: `protest campaign` → `campaign`). The
event gets the first that holds:

  T   a translation has an en.tsv row of the gold type (`T plain`: one without conditions;
      `T only`: the translations' rows have no other type)
  O   translations have en.tsv event rows of other types only
  N   translations have no en.tsv event row (no row, or a non-event row only)
  D   the trigger word is not in the dictionary

--classes a,a? counts the events whose German trigger already has a row of the gold type
instead: a calibration of how often the dictionary route finds a type that is known right.

`any` counts the events for which any candidate of the span (not just the trigger the
heuristic picked) has a translation with a row of the gold type. --list prints the words
per class (refused for held-out, dev8 and dev10, as in `trigger_coverage.py`).

--corpus: the false-type rate. Over the verb tokens of actor sentences of CORPUS (joined
with their particle as `frame_coverage.py` joins them; documents of the --exclude files left
out) whose lemma has no row in data/frames/de.tsv, how many would get an event type from
a translation's en.tsv rows (any row; without conditions), and which types.
"""
import argparse
import collections
import gzip
import json
import os
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import trigger_coverage as tc  # noqa: E402
from frame_coverage import extract, german_verbs, read_frames  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
# German object placeholders of dictionary headwords (`etw. ablehnen`, `jdn. anklagen`)
DE_PLACEHOLDER = re.compile(r"^(etw|jd[nmsr]?|jemand(e[nm])?|sich|einer?|einem|einen)\.?$|/")
DE_PREPOSITIONS = {"an", "auf", "aus", "bei", "für", "gegen", "in", "mit", "nach", "über", "um",
                   "unter", "von", "vor", "zu", "zum", "zur", "wegen"}
# English placeholders of translations (`accuse sb. of sth.`)
EN_PLACEHOLDER = {"sth.", "sb.", "sth", "sb", "sb.'s", "sth.'s", "someone", "something",
                  "oneself", "one's", "one", "o.s.", "s.o."}
PREPOSITIONS = {"about", "against", "at", "for", "from", "in", "into", "of", "on", "over",
                "to", "upon", "with", "by", "off", "out", "up", "down"}
HEAD_POS = {"v": "V", "n": "N", "adj": "A", "adv": "A"}
BRACKETS = re.compile(r"\[[^\]]*\]|<[^>]*>|\([^)]*\)|\{[^}]*\}")


def b64(s):
    n = 0
    for c in s:
        n = n * 64 + B64.index(c)
    return n


def german_key(headword):
    """The lower-case single word a dictionary headword stands for, or None (phrases); the
    prepositions of a verb's object are dropped with it (`jdm. mit etw. drohen` → `drohen`)."""
    words = [w for w in BRACKETS.sub(" ", headword).split() if not DE_PLACEHOLDER.search(w)]
    while len(words) > 1 and words[0].lower() in DE_PREPOSITIONS:
        words = words[1:]
    return words[0].lower() if len(words) == 1 else None


def english_phrases(line):
    """The English phrases of one translation line (`[etw.] dismiss <v>, reject <v>`)."""
    out = []
    for part in re.split(r"[;,]", BRACKETS.sub(" ", line)):
        # `sb./sth.` is one placeholder; `"ein Gesuch ablehnen" - refuse a request` is an
        # example, not a translation of the headword
        if '"' in part:
            continue
        words = [w for w in part.lower().split()
                 if not all(x in EN_PLACEHOLDER for x in w.split("/"))]
        if words and words[0] == "to":
            words = words[1:]
        if words:
            out.append(" ".join(words))
    return out


def read_dictd(prefix):
    """{(German lower-case word, pos V/N/A): {English phrase}} of a dictd database."""
    index, data = prefix + ".index", prefix + ".dict.dz"
    for p in (index, data):
        if not os.path.exists(p):
            sys.exit(f"dictionary: {p} not found (--dict takes the dictd prefix)")
    with gzip.open(data) as f:
        body = f.read()
    out = collections.defaultdict(set)
    seen = set()
    with open(index, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 3 or parts[0].startswith("00-database"):
                continue
            at = (parts[1], parts[2])
            if at in seen:
                continue
            seen.add(at)
            entry = body[b64(parts[1]):b64(parts[1]) + b64(parts[2])].decode("utf-8", "replace")
            lines = entry.split("\n")
            head = lines[0]
            key = german_key(head.split(" /")[0])
            if key is None:
                continue
            tag = re.search(r"<([^>]*)>", head)
            tags = {t.strip() for t in tag.group(1).split(",")} if tag else set()
            pos = next((HEAD_POS[t] for t in ("v", "adj", "adv", "n") if t in tags), None)
            if pos is None:
                pos = "N" if head[:1].isupper() else "V" if key.endswith("n") else "A"
            for ln in lines[1:]:
                s = ln.strip()
                if not s or s.startswith(("Note:", "Synonym", "see:", "Antonym")):
                    continue
                out[(key, pos)].update(english_phrases(s))
    return out


class Translator:
    """German lemma → English lemmas → en.tsv types."""

    def __init__(self, dictionary, en_frames):
        self.dict = dictionary
        self.en = read_frames(en_frames)
        self.nouns = {w for w, p in dictionary if p == "N"}

    def english(self, lemma, pos):
        low = lemma.lower()
        got = self.dict.get((low, pos))
        if got is None and pos == "N":
            for i in range(3, len(low) - 4):
                if low[i:] in self.nouns:
                    return self.dict[(low[i:], "N")]
        if got is None and pos == "A":
            got = self.dict.get((low, "V"))  # participles (`empört`) are listed as verbs too
        return got

    def rows(self, phrase, pos):
        rows = self.en.get((phrase, pos))
        if rows is None:
            words = phrase.split()
            while len(words) > 1 and words[-1] in PREPOSITIONS:
                words = words[:-1]
                rows = self.en.get((" ".join(words), pos))
                if rows is not None:
                    break
        if rows is None and pos == "N" and " " in phrase:
            # an English compound's head (`protest campaign` → `campaign`), as German
            # nouns are looked up by their compound head
            rows = self.en.get((phrase.split()[-1], pos))
        return rows or []

    def types(self, lemma, pos):
        """(in dictionary, {event type}, {event type of rows without conditions}, {English
        lemma: its types})."""
        eng = self.english(lemma, pos)
        if eng is None:
            return False, set(), set(), {}
        any_t, plain_t, why = set(), set(), {}
        for phrase in eng:
            rows = [(t, req) for t, req, _ in self.rows(phrase, pos) if t != "-"]
            if rows:
                why[phrase] = {t for t, _ in rows}
                any_t |= why[phrase]
                plain_t |= {t for t, req in rows if req == "-"}
        return True, any_t, plain_t, why


def trigger_of(word, cands):
    """(lemma, pos) of the trigger word `trigger_coverage.classify` named."""
    lemma = word.split("(")[0]
    return next(((w, p) for w, p in cands if w == lemma), None)


def gold_counts(binary, paths, tr, lex, corpora, listing, classes):
    table = collections.defaultdict(collections.Counter)  # class of tc → Counter(outcome)
    words = collections.defaultdict(list)
    for path in paths:
        for gold_type, cls, matched, word, _, cands in tc.coverage(binary, path, lex, corpora,
                                                                   False):
            if cls not in classes:
                continue
            c = table[cls]
            c["events"] += 1
            if matched is True:
                c["matched"] += 1
            trig = trigger_of(word, cands)
            if trig is None:
                out = "D"
            else:
                known, any_t, plain_t, why = tr.types(*trig)
                out = ("D" if not known else "T" if gold_type in any_t
                       else "O" if any_t else "N")
                if out == "T" and gold_type in plain_t:
                    c["T plain"] += 1
                if out == "T" and any_t == {gold_type}:
                    c["T only"] += 1
                if listing:
                    shown = "; ".join(f"{e}:{'/'.join(sorted(t))}" for e, t in sorted(why.items()))
                    words[(cls, out)].append(f"{trig[0]} [{gold_type}]" + (f" ({shown})" if shown else ""))
            c[out] += 1
            if any(gold_type in tr.types(w, p)[1] for w, p in cands):
                c["any"] += 1
    return table, words


def corpus_counts(binary, corpus, excludes, extracted, tr, de_rows):
    decided = {lemma for lemma, _ in de_rows}
    excluded = set()
    for gold in excludes:
        with open(gold, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    d = json.loads(line)
                    excluded.add(d.get("text_from", {}).get("id", d["id"]))
    if extracted and os.path.exists(extracted):
        out = Path(extracted).read_text(encoding="utf-8")
    else:
        with open(corpus, encoding="utf-8") as f:
            inp = "".join(l for l in f if l.strip() and json.loads(l).get("id") not in excluded)
        out = extract(binary, inp, "--entities")
        if extracted:
            Path(extracted).write_text(out, encoding="utf-8")
    undecided = collections.Counter()
    total = 0
    for line in out.splitlines():
        d = json.loads(line)
        mentions = [m["start"] for e in d["entities"] if e.get("actor") for m in e["mentions"]]
        for s in d["sentences"]:
            if not any(s["start"] <= m < s["end"] for m in mentions):
                continue
            toks = [t for t in d["tokens"] if s["start"] <= t["start"] < s["end"]]
            verbs, _ = german_verbs(toks)
            total += len(verbs)
            undecided.update(v for v in verbs if v not in decided)
    c = collections.Counter()
    by_type = collections.Counter()
    typed = collections.Counter()
    for v, n in undecided.items():
        known, any_t, plain_t, _ = tr.types(v, "V")
        c["tokens"] += n
        c["lemmas"] += 1
        if known:
            c["dict tokens"] += n
            c["dict lemmas"] += 1
        if any_t:
            c["typed tokens"] += n
            c["typed lemmas"] += 1
            typed[f"{v}({'/'.join(sorted(any_t))})"] += n
            for t in any_t:
                by_type[t] += n
            if len(any_t) == 1:
                c["single tokens"] += n
                c["single lemmas"] += 1
        if plain_t:
            c["plain tokens"] += n
            c["plain lemmas"] += 1
    return total, c, by_type, typed


def pct(a, b):
    return f"{a} ({100 * a / b:.0f} %)" if b else "0"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("gold", nargs="*")
    ap.add_argument("--dict", required=True, help="dictd prefix (PREFIX.index, PREFIX.dict.dz)")
    ap.add_argument("--frames", default=str(ROOT / "data/frames/de.tsv"))
    ap.add_argument("--en-frames", default=str(ROOT / "data/frames/en.tsv"))
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--corpus")
    ap.add_argument("--exclude", nargs="*", default=[])
    ap.add_argument("--extracted")
    ap.add_argument("--top", type=int, default=40)
    ap.add_argument("--classes", default="b,x,c",
                    help="trigger_coverage classes to count (a,a? calibrate: the German rows "
                         "already have the gold type)")
    args = ap.parse_args()
    classes = args.classes.split(",")
    unknown = [c for c in classes if c not in tc.CLASSES]
    if unknown:
        sys.exit(f"--classes: unknown class {', '.join(unknown)} (known: {', '.join(tc.CLASSES)})")
    if args.list:
        blind = [g for g in args.gold if tc.is_blind(g)]
        if blind:
            sys.exit("--list refused for blind sets (counts only): " + ", ".join(blind))
    dictionary = read_dictd(args.dict)
    tr = Translator(dictionary, args.en_frames)
    print(f"dictionary: {len(dictionary)} German (word, pos) entries\n")
    lex = tc.Lexicon(args.frames)
    if args.gold:
        corpora = tc.Corpora(os.environ.get("SITREP_DATA", "/work/shared/data"))
        table, words = gold_counts(args.binary, args.gold, tr, lex, corpora, args.list,
                                   classes)
        cols = ("events", "matched", "T", "T plain", "T only", "O", "N", "D", "any")
        print("| class | events | matched | T: gold type | T plain: without conditions |"
              " T only: no other type | O: other type only | N: no event row |"
              " D: not in dictionary | any candidate: gold type |")
        print("|---|---|---|---|---|---|---|---|---|---|")
        total = collections.Counter()
        for cls in classes + ["all"]:
            c = total if cls == "all" else table[cls]
            if cls != "all":
                total.update(c)
            print(f"| {cls} | " + " | ".join(str(c[k]) for k in cols) + " |")
        for (cls, out), ws in sorted(words.items()):
            print(f"\n{cls} {out}: " + ", ".join(ws))
        print()
    if args.corpus:
        total, c, by_type, typed = corpus_counts(args.binary, args.corpus, args.exclude,
                                                 args.extracted, tr, lex.rows)
        print(f"verb tokens in actor sentences {total}; with no de.tsv row: {c['tokens']} "
              f"tokens, {c['lemmas']} lemmas")
        print(f"in the dictionary: {pct(c['dict tokens'], c['tokens'])} tokens, "
              f"{pct(c['dict lemmas'], c['lemmas'])} lemmas")
        print(f"would get an event type: {pct(c['typed tokens'], c['tokens'])} tokens, "
              f"{pct(c['typed lemmas'], c['lemmas'])} lemmas; from a row without conditions: "
              f"{pct(c['plain tokens'], c['tokens'])} tokens, {pct(c['plain lemmas'], c['lemmas'])} lemmas")
        print(f"of those with one type only: {c['single tokens']} tokens, "
              f"{c['single lemmas']} lemmas")
        print("types (tokens): " + ", ".join(f"{t} {n}" for t, n in by_type.most_common()))
        print("most frequent typed lemmas: " + ", ".join(f"{v} {n}" for v, n in typed.most_common(args.top)))


if __name__ == "__main__":
    main()
