#!/usr/bin/env python3
"""Prints the stories of the second English linking dev set (ngec-dev2.jsonl) in selection
order.

Rule (fixed before annotation, independent of any system output and of the stories' bodies):
the order of select_en_dev.py continued — the same pool (tuning-half templates only), the
same salt ("sitrep-linking-en-dev:" + id), at most one story per template — minus the
stories of ngec-dev.jsonl too and every template one of them has. As ngec-dev.jsonl holds
the first 11 stories of select_en_dev.py's order, this list is that order from its twelfth
story on (`select_en_dev.py 40` prints both). The first N are taken.

Usage: python3 evaluation/gold/linking/select_en_dev2.py [N] [--eval DIR]
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from select_en import eval_dir_and_args, print_one_per_template  # noqa: E402
from select_en_dev import EXCLUDE, dev_pool  # noqa: E402


def main():
    eval_dir, argv = eval_dir_and_args(sys.argv[1:])
    n = int(argv[0]) if argv else 12
    print_one_per_template(dev_pool(eval_dir, EXCLUDE + ("ngec-dev.jsonl",)), n)


if __name__ == "__main__":
    main()
