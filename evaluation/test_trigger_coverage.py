#!/usr/bin/env python3
"""Tests of trigger_coverage.py's classification (standard library only; no binary needed).

    python3 evaluation/test_trigger_coverage.py
"""
import os
import sys
import tempfile
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import trigger_coverage as tc  # noqa: E402

FRAMES = """# format 1
ablehnen\tV\t-\tREJECT\t-\t120\tsubj\tobj\t-\tX lehnte Y ab.
üben\tV\tobj=Kritik\tACCUSE\tdisapprove\t111\tsubj\tpp:an\t-\tX übte Kritik an Y.
sagen\tV\tadv=drohend\tTHREATEN\t-\t130\tsubj\tdat\t-\tX sagte Y drohend, …
sagen\tV\t-\t-\t-\t-\tsubj\t-\tsay\tX sagte, …
treffen\tV\t-\tCONSULT\tmeet\t040\tsubj\tobj\tmutual\tX traf Y.
Verlegung\tN\t-\tMOBILIZE\ttroops\t150\tgen\t-\t-\tdie Verlegung von Truppen
"""


def tok(start, lemma, upos, xpos):
    return {"start": start, "end": start + len(lemma), "lemma": lemma, "upos": upos,
            "xpos": xpos, "feats": "_"}


class TriggerCoverageTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        fd, cls.path = tempfile.mkstemp(suffix=".tsv")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(FRAMES)
        cls.lex = tc.Lexicon(cls.path)

    @classmethod
    def tearDownClass(cls):
        os.unlink(cls.path)

    def test_particle_joins_the_nearest_finite_verb_before_it(self):
        # `Er sagte, die Regierung lehnte den Plan ab`: `ab` belongs to `lehnte`, not `sagte`
        toks = [tok(0, "sagen", "VERB", "VVFIN"), tok(10, "Regierung", "NOUN", "NN"),
                tok(20, "lehnen", "VERB", "VVFIN"), tok(30, "Plan", "NOUN", "NN"),
                tok(40, "ab", "ADP", "PTKVZ")]
        cands = tc.candidates(toks, (0, 50))
        self.assertIn(("ablehnen", "V"), cands)
        self.assertIn(("sagen", "V"), cands)
        self.assertEqual(tc.classify(cands, "REJECT", self.lex), ("a", "ablehnen"))

    def test_only_tokens_inside_the_span_are_candidates(self):
        toks = [tok(0, "lehnen", "VERB", "VVFIN"), tok(10, "Plan", "NOUN", "NN"),
                tok(20, "ab", "ADP", "PTKVZ"), tok(30, "Kritik", "NOUN", "NN")]
        self.assertEqual(tc.candidates(toks, (25, 40)), [("Kritik", "N")])

    def test_degree_word_before_an_adjective_is_no_trigger(self):
        toks = [tok(0, "absolut", "ADJ", "ADJD"), tok(8, "unpassend", "ADJ", "ADJD")]
        self.assertEqual(tc.candidates(toks, (0, 20)), [("unpassend", "A")])

    def test_classes(self):
        lex = self.lex
        # a conditional row of the gold type only
        self.assertEqual(tc.classify([("üben", "V")], "ACCUSE", lex), ("a?", "üben"))
        # an event row of another type only
        self.assertEqual(tc.classify([("treffen", "V")], "ACCUSE", lex)[0], "b")
        # a verb of saying: its conditional THREATEN row makes it neither a nor b for ACCUSE
        self.assertEqual(tc.classify([("sagen", "V")], "ACCUSE", lex), ("x", "sagen"))
        self.assertEqual(tc.classify([("sagen", "V")], "THREATEN", lex), ("a?", "sagen"))
        # no row: the trigger is the non-saying verb, not the actor noun or the saying verb
        self.assertEqual(tc.classify([("Regierung", "N"), ("sagen", "V"), ("rasieren", "V")],
                                     "COERCE", lex), ("c", "rasieren"))
        # without another candidate a verb of saying comes before an actor noun (an event-like
        # suffix, `-ung`, would come first)
        self.assertEqual(tc.classify([("Kanzler", "N"), ("sagen", "V")], "ACCUSE", lex),
                         ("x", "sagen"))
        self.assertEqual(tc.classify([], "ACCUSE", lex), ("c", "(no candidate)"))

    def test_nouns_match_by_compound_head(self):
        self.assertEqual(self.lex.types("Truppenverlegung", "N"), {"MOBILIZE"})
        self.assertIsNone(self.lex.types("Verlegungsplan", "N"))
        self.assertEqual(tc.classify([("Truppenverlegung", "N")], "MOBILIZE", self.lex)[0], "a")

    def test_blind_sets_are_recognised(self):
        for name in ("evaluation/gold/de/gnad-held.gold.jsonl", "gnad-dev8.gold.jsonl",
                     "x/gnad-dev10.gold.jsonl", "en/ewt-held-posts.gold.jsonl"):
            self.assertTrue(tc.is_blind(name), name)
        # dev9 is a tuning set since the fourteenth sitting
        for name in ("gnad-tune.gold.jsonl", "gnad-dev7.gold.jsonl", "gnad-dev2.gold.jsonl",
                     "x/gnad-dev9.gold.jsonl"):
            self.assertFalse(tc.is_blind(name), name)


class DerivationTest(unittest.TestCase):
    def test_families_count_events_once_per_family_and_print_no_words(self):
        fd, path = tempfile.mkstemp(suffix=".tsv")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write("# format 1\nfamily\tlemma\nlegal\tklage\nlegal\tklagen\n")
        try:
            fams = tc.read_families(path)
        finally:
            os.unlink(path)
        self.assertEqual(fams, {"klage": "legal", "klagen": "legal"})
        rows = [
            # (type, class, matched, word, derivable, candidates)
            ("ACCUSE", "c", False, "klagen", False, [("klagen", "V"), ("Klage", "N")]),
            ("ACCUSE", "a", True, "kritisieren", False, [("kritisieren", "V")]),
            ("ACCUSE", "c", None, "klagen", False, [("klagen", "V")]),  # optional: left out
        ]
        out = tc.family_table(rows, fams)
        self.assertIn("| ACCUSE | 1/1 | 0/1 |", out)
        self.assertNotIn("kritisieren", out)
        self.assertNotIn("klagen", out)

    def test_relatives_link_verbs_and_their_nouns(self):
        self.assertIn(("verurteilen", "V"), tc.relatives("Verurteilung", "N"))
        self.assertIn(("demonstrieren", "V"), tc.relatives("Demonstration", "N"))
        self.assertIn(("Verlegung", "N"), tc.relatives("verlegen", "V"))
        self.assertEqual(tc.relatives("Rat", "N"), [])

    def test_derivable_needs_a_relative_with_a_row_of_the_gold_type(self):
        fd, path = tempfile.mkstemp(suffix=".tsv")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(FRAMES)
        try:
            lex = tc.Lexicon(path)
            self.assertTrue(lex.derivable("verlegen", "V", "MOBILIZE"))
            self.assertTrue(lex.derivable("Ablehnung", "N", "REJECT"))
            self.assertFalse(lex.derivable("Ablehnung", "N", "ACCUSE"))
            self.assertFalse(lex.derivable("Treffpunkt", "N", "CONSULT"))
        finally:
            os.unlink(path)


if __name__ == "__main__":
    unittest.main()
