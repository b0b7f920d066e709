#!/usr/bin/env python3
"""Print the GNAD articles of the third German dev set (dev3) in selection order.

Rule, fixed before any article was read: GNAD dev articles labelled Inland, Wirtschaft,
Etat or Panorama, 800-3,000 characters, not a "Volltext" stub, not in the event gold
sets drawn before it (tune, held, dev2) nor in the linking gold then (tune, held; the
linking dev set was drawn at the same time and shares four articles with this one). An
Inland article is always eligible; a Wirtschaft, Etat or Panorama article only when its
text names an institution or public actor, i.e. contains one of INSTITUTION_WORDS (a
substring test, case-sensitive, so that compounds count: "Landesregierung",
"Arbeiterkammer"). Order: ascending SHA-256 of "sitrep-dev3:" + id; the first N are taken
(default 20), with no screening. Standard library only.

    python3 evaluation/gold/de/select_dev3.py [N] [--data DIR]
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from gnad_select import args, select  # noqa: E402

LABELS = {"Inland", "Wirtschaft", "Etat", "Panorama"}
# Politics, institutions, courts, unions, authorities: the word stems a story about an
# interaction with a public body names.
INSTITUTION_WORDS = (
    "Regierung", "Minister", "Kanzler", "Parlament", "Partei", "Gericht", "Staatsanwalt",
    "Polizei", "Behörde", "Gewerkschaft", "Kammer", "Klage", "Bürgermeister", "Landeshauptmann",
    "Kommission", "Ministerium", "Abgeordnete",
)


EXCLUDE = ("de/gnad-tune.gold.jsonl", "de/gnad-held.gold.jsonl", "de/gnad-dev2.gold.jsonl",
           "linking/gnad-tune.jsonl", "linking/gnad-held.jsonl")


def keep(d, max_len=3000):
    """The pool rule; `max_len` is raised only by dev8, drawn when this pool was used up."""
    t = d["text"]
    if d["label"] not in LABELS or not 800 <= len(t) <= max_len or "Volltext" in t:
        return False
    return d["label"] == "Inland" or any(w in t for w in INSTITUTION_WORDS)


def main():
    data, n = args(20)
    pool = select(data, "sitrep-dev3:", keep, EXCLUDE)
    print(f"# pool {len(pool)} articles; first {n}")
    for pos, (id_, label, length) in enumerate(pool[:n]):
        print(f"{pos}\t{id_}\t{label}\t{length}")


if __name__ == "__main__":
    main()
