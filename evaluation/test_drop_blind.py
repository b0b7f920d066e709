#!/usr/bin/env python3
"""Tests of drop_blind.py (standard library only).

    python3 evaluation/test_drop_blind.py
"""
import json
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import drop_blind as db  # noqa: E402


class DropBlindTest(unittest.TestCase):
    def test_blind_files_are_the_measured_only_sets(self):
        names = [os.path.relpath(f, db.GOLD) for f in db.blind_files()]
        for must in ("de/gnad-held.gold.jsonl", "de/gnad-dev8.gold.jsonl",
                     "de/gnad-dev10.gold.jsonl", "linking/gnad-held.jsonl"):
            self.assertIn(must, names)
        for tuning in ("de/gnad-tune.gold.jsonl", "de/gnad-dev9.gold.jsonl",
                       "linking/gnad-tune.jsonl"):
            self.assertNotIn(tuning, names)

    def test_documents_of_blind_files_are_dropped(self):
        ids = db.blind_ids(db.blind_files())
        with open(os.path.join(db.GOLD, "de", "gnad-dev10.gold.jsonl"), encoding="utf-8") as fh:
            dev10 = [json.loads(l)["text_from"]["id"] for l in fh if l.strip()]
        self.assertTrue(dev10)
        lines = [json.dumps({"id": i, "text": "x"}) + "\n" for i in dev10 + ["not-a-gold-id"]]
        kept = [json.loads(l)["id"] for l in db.drop(lines, ids)]
        self.assertEqual(kept, ["not-a-gold-id"])

    def test_bad_line_names_the_input(self):
        with self.assertRaises(SystemExit) as cx:
            list(db.drop(["{oops\n"], set(), "corpus.jsonl"))
        self.assertIn("corpus.jsonl:1", str(cx.exception))


if __name__ == "__main__":
    unittest.main()
