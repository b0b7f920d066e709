#!/usr/bin/env python3
"""Tests of agreement_bootstrap.py (standard library only; a stand-in replaces the binary).

    python3 evaluation/test_agreement_bootstrap.py
"""
import contextlib
import io
import json
import os
import stat
import sys
import tempfile
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import agreement_bootstrap as ab  # noqa: E402

# A stand-in for `sitrep eval-agreement --json`: per pair it prints both directions with the
# counts stored in the first file's document (`fake`: [tp, fp, fn]), then a pooled row.
FAKE_BIN = r"""#!/usr/bin/env python3
import json, os, sys
files = [a for a in sys.argv[1:] if not a.startswith("--") and a not in ("eval-agreement", "0")]
for first, second in zip(files[::2], files[1::2]):
    tp, fp, fn = json.loads(open(first).read())["fake"]
    pair = os.path.basename(first) + " ~ " + os.path.basename(second)
    for direction, counts in (("first as gold", (tp, fp, fn)), ("second as gold", (tp, fn, fp))):
        for optional in ("exclude", "include"):
            o = {"tp": counts[0], "fp": counts[1], "fn_": counts[2], "optional": 0}
            print(json.dumps({"pair": pair, "direction": direction, "optional": optional,
                              "report": {"overall": o}}))
print(json.dumps({"pair": "pooled", "direction": "first as gold", "optional": "exclude",
                  "report": {"overall": {"tp": 999, "fp": 0, "fn_": 0, "optional": 0}}}))
"""


def write(folder, name, docs):
    path = os.path.join(folder, name)
    with open(path, "w", encoding="utf-8") as f:
        for doc in docs:
            f.write(json.dumps(doc) + "\n")
    return path


class AgreementBootstrapTest(unittest.TestCase):
    def test_f1_of_summed_counts(self):
        self.assertAlmostEqual(ab.f1(70, 13, 5), 2 * (70 / 83) * (70 / 75) / (70 / 83 + 70 / 75))
        self.assertEqual(ab.f1(0, 3, 4), 0.0)

    def test_identical_documents_give_a_point_interval(self):
        point, low, high = ab.bootstrap([(3, 1, 1)] * 5, samples=200, seed=1)
        self.assertAlmostEqual(point, 0.75)
        self.assertAlmostEqual(low, 0.75)
        self.assertAlmostEqual(high, 0.75)

    def test_interval_spans_uneven_documents(self):
        point, low, high = ab.bootstrap([(4, 0, 0), (0, 2, 2), (2, 1, 1)], samples=500, seed=3)
        self.assertLess(low, point)
        self.assertGreater(high, point)
        self.assertEqual(ab.bootstrap([(4, 0, 0), (0, 2, 2)], 500, 3),
                         ab.bootstrap([(4, 0, 0), (0, 2, 2)], 500, 3))  # the seed fixes it

    def test_counts_skip_the_pooled_row_and_map_indices(self):
        row = lambda pair, tp: {"pair": pair, "direction": "first as gold", "optional": "exclude",
                                "report": {"overall": {"tp": tp, "fp": 0, "fn_": 1}}}
        rows = [row("00001.first.jsonl ~ 00001.second.jsonl", 2),
                row("00000.first.jsonl ~ 00000.second.jsonl", 5), row("pooled", 7)]
        table = ab.counts_by_doc(rows, ["a", "b"])
        self.assertEqual(table[("first as gold", "exclude")], [(5, 0, 1), (2, 0, 1)])
        with self.assertRaisesRegex(ab.InputError, "for b"):
            ab.counts_by_doc(rows[1:], ["a", "b"])

    def test_pairs_must_hold_the_same_documents(self):
        with tempfile.TemporaryDirectory() as d:
            a = write(d, "a.jsonl", [{"id": "x"}, {"id": "y"}])
            b = write(d, "b.jsonl", [{"id": "x"}, {"id": "z"}])
            with self.assertRaisesRegex(ab.InputError, "y, z"):
                ab.split_pairs([(a, b)], d)

    def test_types_filter_keeps_only_listed_events(self):
        line = json.dumps({"id": "x", "events": [{"event": "ACCUSE"}, {"event": "COERCE"}]}) + "\n"
        kept = json.loads(ab.keep_types(line, {"ACCUSE"}))["events"]
        self.assertEqual(kept, [{"event": "ACCUSE"}])
        self.assertEqual(ab.keep_types(line, None), line)

    def test_end_to_end_with_a_stand_in_binary(self):
        with tempfile.TemporaryDirectory() as d:
            fake = os.path.join(d, "fake-sitrep")
            with open(fake, "w") as f:
                f.write(FAKE_BIN)
            os.chmod(fake, os.stat(fake).st_mode | stat.S_IEXEC)
            first = write(d, "c1.jsonl", [{"id": "d1", "fake": [3, 1, 0]},
                                          {"id": "d2", "fake": [1, 0, 2]}])
            second = write(d, "c2.jsonl", [{"id": "d1"}, {"id": "d2"}])
            out = io.StringIO()
            with contextlib.redirect_stdout(out):
                self.assertEqual(ab.main([fake, first, second, "--samples", "50"]), 0)
            # Summed over the two documents, not the stand-in's pooled row (999).
            self.assertIn(f"| first as gold | required | 4 | 1 | 2 | {ab.f1(4, 1, 2):.3f} |",
                          out.getvalue())
            self.assertIn("| second as gold | required | 4 | 2 | 1 |", out.getvalue())
            err = io.StringIO()
            with contextlib.redirect_stderr(err):
                self.assertEqual(ab.main([os.path.join(d, "missing-bin"), first, second]), 1)
            self.assertIn("eval-agreement failed", err.getvalue())


if __name__ == "__main__":
    unittest.main()
