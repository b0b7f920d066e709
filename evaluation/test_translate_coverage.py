#!/usr/bin/env python3
"""Tests of translate_coverage.py's dictionary reading and typing (standard library only; no
binary, no third-party dictionary: a three-entry dictd database is written here).

    python3 evaluation/test_translate_coverage.py
"""
import gzip
import os
import shutil
import sys
import tempfile
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import translate_coverage as tr  # noqa: E402

EN_FRAMES = """# format 1
reject\tV\t-\tREJECT\t-\t120\tsubj\tobj\t-\tX rejected Y.
dismiss\tV\tobj=claim\tREJECT\t-\t120\tsubj\tobj\t-\tX dismissed the claim.
threaten\tV\t-\tTHREATEN\t-\t130\tsubj\tobj\t-\tX threatened Y.
campaign\tN\t-\tPROTEST\t-\t140\tgen\t-\t-\tthe campaign of X
say\tV\t-\t-\t-\t-\tsubj\t-\tsay\tX said …
"""

ENTRIES = [
    ("ablehnen", "etw. ablehnen /ˈaplˌeːnən/ <v>\n reject sth. <v>, [formal] dismiss <v>\n"
                 '      "einen Antrag ablehnen" - reject a motion\n see: {abgelehnt}\n'),
    ("drohen", "jdm. mit etw. drohen /dɾˈoːən/ <v, intr>\nthreaten sb./sth. <v>\n"
               "         Note: with sth.\n   Synonyms: {bedrohen}\n"),
    ("Aktion", "Aktion /akˈtsi̯oːn/ <fem, n, sg>\nprotest campaign <n>\n"),
    ("sagen", "sagen /ˈzaːɡən/ <v>\nsay <v>\n"),
]


def b64(n):
    out = ""
    while True:
        out = tr.B64[n % 64] + out
        n //= 64
        if n == 0:
            return out


class TranslateCoverageTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp()
        body = b""
        index = []
        for head, text in ENTRIES:
            raw = text.encode()
            index.append(f"{head}\t{b64(len(body))}\t{b64(len(raw))}\n")
            body += raw
        prefix = os.path.join(cls.dir, "test")
        with gzip.open(prefix + ".dict.dz", "wb") as f:
            f.write(body)
        with open(prefix + ".index", "w", encoding="utf-8") as f:
            f.writelines(index)
        frames = os.path.join(cls.dir, "en.tsv")
        with open(frames, "w", encoding="utf-8") as f:
            f.write(EN_FRAMES)
        cls.tr = tr.Translator(tr.read_dictd(prefix), frames)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir)

    def test_headword_placeholders_and_prepositions_are_dropped(self):
        self.assertEqual(tr.german_key("etw. ablehnen"), "ablehnen")
        self.assertEqual(tr.german_key("jdm. mit etw. drohen"), "drohen")
        self.assertIsNone(tr.german_key("jdm. mit dem Finger drohen"))

    def test_translation_placeholders_and_examples(self):
        self.assertEqual(tr.english_phrases("[formal] threaten sb./sth. <v>, to warn"),
                         ["threaten", "warn"])
        self.assertEqual(tr.english_phrases('"einen Antrag ablehnen" - reject a motion'), [])

    def test_types_plain_and_conditional(self):
        known, any_t, plain_t, why = self.tr.types("ablehnen", "V")
        self.assertTrue(known)
        self.assertEqual(any_t, {"REJECT"})
        self.assertEqual(plain_t, {"REJECT"})
        self.assertEqual(set(why), {"reject", "dismiss"})
        # the example line's `reject a motion` is no translation of its own
        self.assertNotIn("reject a motion", self.tr.english("ablehnen", "V"))

    def test_verb_with_prepositional_object_is_found(self):
        self.assertEqual(self.tr.types("drohen", "V")[1], {"THREATEN"})

    def test_compound_heads_on_both_sides(self):
        # German compound head (`Protestaktion` → `Aktion`), English head (`campaign`)
        self.assertEqual(self.tr.types("Protestaktion", "N")[1], {"PROTEST"})

    def test_non_event_rows_and_unknown_words(self):
        self.assertEqual(self.tr.types("sagen", "V")[:2], (True, set()))
        self.assertEqual(self.tr.types("skandieren", "V")[0], False)

    def test_missing_dictionary_is_a_clear_error(self):
        with self.assertRaises(SystemExit) as err:
            tr.read_dictd(os.path.join(self.dir, "nothing"))
        self.assertIn("not found", str(err.exception))


if __name__ == "__main__":
    unittest.main()
