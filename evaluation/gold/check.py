#!/usr/bin/env python3
"""Check the hand-coded development gold files (standard library only).

Usage:
    python3 evaluation/gold/check.py [--data DIR] [FILE.jsonl ...]

Without files, every *.jsonl below this script's folder (except linking/, entity
mentions checked by `sitrep eval-linking`) is checked. The data folder
(third-party corpora that `text_from` points into) is --data, else $SITREP_DATA, else
/work/shared/data.

For every document it resolves `text_from` (a GNAD JSON Lines file by `id`, or a CoNLL-U
file by `# sent_id`, whose `# text =` line is the document text), and checks that
  - the document has id, language, a text source and `events` (or `doc_event`),
  - every event has the required fields (event, sentence, source, target),
  - every event type is one of the 16 PLOVER types,
  - every `sentence` is a substring of the text (a warning if it occurs more than once),
  - actor lists, `optional`, `modality`, `quantity`, `date` and the place fields are well formed.
It prints counts per file and per event type (required / optional) and exits with 1 on any error.
"""
import argparse
import collections
import json
import os
import re
import sys

TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
         "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]
MODALITIES = {"asserted", "planned", "intended", "conditional", "negated", "denied", "hypothetical"}
EVENT_KEYS = {"event", "sentence", "source", "target", "source_also", "target_also", "optional", "mode",
              "context", "modality", "quantity", "origin", "destination", "location", "date", "speaker",
              "quote", "reported_by", "note"}
DOC_KEYS = {"id", "language", "published", "title", "text", "text_from", "events", "doc_event", "entities",
            "coded_sentences"}
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class Corpora:
    """Loads third-party corpora lazily and caches them."""

    def __init__(self, data_dir):
        self.data_dir = data_dir
        self.cache = {}

    def text(self, corpus, doc_id):
        if corpus not in self.cache:
            path = os.path.join(self.data_dir, corpus)
            if not os.path.exists(path):
                raise FileNotFoundError(f"corpus file not found: {path} (set --data or SITREP_DATA)")
            if corpus.endswith(".conllu"):
                self.cache[corpus] = self._load_conllu(path)
            elif corpus.endswith(".jsonl"):
                self.cache[corpus] = self._load_jsonl(path)
            else:
                raise ValueError(f"unknown corpus format: {corpus}")
        return self.cache[corpus].get(doc_id)

    @staticmethod
    def _load_jsonl(path):
        out = {}
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    d = json.loads(line)
                    out[d["id"]] = d["text"]
        return out

    @staticmethod
    def _load_conllu(path):
        # sentences by sent_id; whole documents by newdoc id (sentences joined by a space,
        # paragraphs by a blank line), as the evaluator reads them
        out, sid, doc, new_par = {}, None, None, False
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("# newdoc id = "):
                    doc = line[len("# newdoc id = "):].strip()
                    out[doc] = ""
                    new_par = False
                elif line.startswith("# newpar"):
                    new_par = True
                elif line.startswith("# sent_id = "):
                    sid = line[len("# sent_id = "):].strip()
                elif line.startswith("# text = ") and sid is not None:
                    t = line[len("# text = "):].rstrip("\n")
                    out[sid] = t
                    if doc is not None:
                        if out[doc]:
                            out[doc] += "\n\n" if new_par else " "
                        out[doc] += t
                        new_par = False
        return out


def is_str_list(v):
    return isinstance(v, list) and all(isinstance(x, str) for x in v)


def check_event(e, text, where, errors, warnings):
    if not isinstance(e, dict):
        errors.append(f"{where}: event is not an object")
        return
    for k in ("event", "sentence", "source", "target"):
        if k not in e:
            errors.append(f"{where}: missing required field '{k}'")
    for k in e:
        if k not in EVENT_KEYS:
            errors.append(f"{where}: unknown field '{k}'")
    if e.get("event") not in TYPES:
        errors.append(f"{where}: unknown event type {e.get('event')!r}")
    s = e.get("sentence")
    if not isinstance(s, str) or not s:
        errors.append(f"{where}: 'sentence' must be a non-empty string")
    elif text is not None:
        n = text.count(s)
        if n == 0:
            errors.append(f"{where}: sentence not in text: {s!r}")
        elif n > 1:
            warnings.append(f"{where}: sentence occurs {n} times: {s!r}")
    for k in ("source", "target"):
        if k in e and not is_str_list(e[k]):
            errors.append(f"{where}: '{k}' must be a list of strings")
    for k in ("source_also", "target_also", "origin", "destination", "location", "reported_by"):
        if k in e and not is_str_list(e[k]):
            errors.append(f"{where}: '{k}' must be a list of strings")
    for k in ("mode", "context"):
        # GOLD_FORMAT.md: one PLOVER mode or context, a string
        if k in e and not isinstance(e[k], str):
            errors.append(f"{where}: '{k}' must be a string")
    if "optional" in e and not isinstance(e["optional"], bool):
        errors.append(f"{where}: 'optional' must be true or false")
    if "modality" in e and e["modality"] not in MODALITIES:
        errors.append(f"{where}: unknown modality {e['modality']!r}")
    if "date" in e and not (isinstance(e["date"], str) and DATE_RE.match(e["date"])):
        errors.append(f"{where}: 'date' must be an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
    q = e.get("quantity")
    if q is not None:
        if not (isinstance(q, dict) and isinstance(q.get("text"), str)
                and (q.get("value") is None or isinstance(q.get("value"), (int, float)))):
            errors.append(f"{where}: 'quantity' must be {{text, value (number or null), unit}}")
        elif text is not None and q["text"] not in text:
            warnings.append(f"{where}: quantity text {q['text']!r} not in text")
    for k in ("speaker", "quote", "note"):
        if k in e and not isinstance(e[k], str):
            errors.append(f"{where}: '{k}' must be a string")


def check_file(path, corpora, errors, warnings):
    stats = {"docs": 0, "no_event_docs": 0, "events": 0, "required": 0, "optional": 0,
             "types": collections.Counter()}
    seen = set()
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            if not line.strip():
                continue
            where = f"{os.path.basename(path)}:{lineno}"
            try:
                doc = json.loads(line)
            except json.JSONDecodeError as exc:
                errors.append(f"{where}: invalid JSON ({exc})")
                continue
            did = doc.get("id")
            where = f"{where} [{did}]"
            stats["docs"] += 1
            for k in ("id", "language"):
                if k not in doc:
                    errors.append(f"{where}: missing '{k}'")
            for k in doc:
                if k not in DOC_KEYS:
                    errors.append(f"{where}: unknown document field '{k}'")
            if did in seen:
                errors.append(f"{where}: duplicate id")
            seen.add(did)
            if "published" in doc and not (isinstance(doc["published"], str) and DATE_RE.match(doc["published"])):
                errors.append(f"{where}: 'published' must be an ISO date")
            text = doc.get("text")
            if text is None:
                tf = doc.get("text_from")
                if not (isinstance(tf, dict) and "corpus" in tf and "id" in tf):
                    errors.append(f"{where}: needs 'text' or 'text_from' {{corpus, id}}")
                else:
                    try:
                        text = corpora.text(tf["corpus"], tf["id"])
                    except (FileNotFoundError, ValueError) as exc:
                        errors.append(f"{where}: {exc}")
                        text = None
                    else:
                        if text is None:
                            errors.append(f"{where}: id {tf['id']!r} not found in {tf['corpus']}")
            events = doc.get("events")
            if events is None:
                if "doc_event" not in doc:
                    errors.append(f"{where}: needs 'events' (or 'doc_event')")
                continue
            if not isinstance(events, list):
                errors.append(f"{where}: 'events' must be a list")
                continue
            if not events:
                stats["no_event_docs"] += 1
            for i, e in enumerate(events):
                check_event(e, text, f"{where} event {i}", errors, warnings)
                if isinstance(e, dict) and e.get("event") in TYPES:
                    opt = bool(e.get("optional"))
                    stats["events"] += 1
                    stats["optional" if opt else "required"] += 1
                    stats["types"][(e["event"], opt)] += 1
    return stats


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=os.environ.get("SITREP_DATA", "/work/shared/data"),
                    help="data folder holding the corpora named in text_from")
    ap.add_argument("--quiet", action="store_true", help="do not list warnings")
    ap.add_argument("files", nargs="*", help="gold files (default: all *.jsonl below this folder)")
    args = ap.parse_args()
    files = args.files or sorted(
        os.path.join(root, name) for root, _, names in os.walk(here) for name in names
        # (linking/ holds entity mentions in a format of its own: `sitrep eval-linking`)
        if name.endswith(".jsonl") and os.path.basename(root) != "linking")
    if not files:
        print("no gold files found", file=sys.stderr)
        return 1
    if not os.path.isdir(args.data):
        print(f"data folder not found: {args.data} (set --data or SITREP_DATA)", file=sys.stderr)
        return 1
    corpora = Corpora(args.data)
    errors, warnings = [], []
    total = collections.Counter()
    width = max(len(t) for t in TYPES)
    for path in files:
        st = check_file(path, corpora, errors, warnings)
        rel = os.path.relpath(path, here)
        print(f"{rel}: {st['docs']} documents ({st['no_event_docs']} without events), "
              f"{st['events']} events ({st['required']} required, {st['optional']} optional)")
        for t in TYPES:
            r, o = st["types"][(t, False)], st["types"][(t, True)]
            total[(t, False)] += r
            total[(t, True)] += o
            if r or o:
                print(f"    {t:<{width}}  required {r:4d}  optional {o:4d}")
    if len(files) > 1:
        print("all files:")
        for t in TYPES:
            r, o = total[(t, False)], total[(t, True)]
            print(f"    {t:<{width}}  required {r:4d}  optional {o:4d}")
        print(f"    {'total':<{width}}  required {sum(v for (t, opt), v in total.items() if not opt):4d}"
              f"  optional {sum(v for (t, opt), v in total.items() if opt):4d}")
    if warnings and not args.quiet:
        print(f"{len(warnings)} warning(s):")
        for w in warnings:
            print("  WARN", w)
    if errors:
        print(f"{len(errors)} error(s):", file=sys.stderr)
        for e in errors:
            print("  ERROR", e, file=sys.stderr)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
