"""Selection rule of the English EWT-train dev set `ewt-dev.gold.jsonl` (standard library only).

Pool: the posts (`# newdoc id`) of UD English EWT **train** from weblogs and newsgroups,
3-60 sentences long, whose text holds at least four distinct words of POLITICAL (a fixed
list of words of politics and conflict, written before any post was read). Order:
ascending SHA-256 of SALT + post id. The rule was fixed before the posts were read; the
set is the first N (default 10) of that order.

    python3 evaluation/gold/en/ewt_select.py [N] [--data DIR]
"""
import hashlib
import os
import re
import sys
from pathlib import Path

SALT = "ewt-dev/2026-11-30/"
POLITICAL = {
    "government", "minister", "president", "army", "troops", "soldiers", "military",
    "police", "attack", "attacked", "killed", "bomb", "war", "election", "parliament",
    "officials", "protest", "protesters", "sanctions", "talks", "treaty", "embassy",
    "rebels", "guerrillas", "militants", "forces", "arrested", "accused", "condemned",
    "demanded", "negotiations", "ceasefire", "occupation", "invasion", "minister",
    "prime", "leader", "iraq", "iraqi", "israel", "iran", "palestinian", "afghanistan",
    "pakistan", "india", "china", "russia", "syria", "lebanon", "un", "nato",
}


def posts(path):
    """(post id, [sentence texts]) in file order."""
    doc, sents = None, []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("# newdoc id = "):
                if doc:
                    yield doc, sents
                doc, sents = line.split("= ", 1)[1].strip(), []
            elif line.startswith("# text = "):
                sents.append(line.split("= ", 1)[1].rstrip("\n"))
    if doc:
        yield doc, sents


def main():
    argv = sys.argv[1:]
    data = Path(os.environ.get("SITREP_DATA", "/work/shared/data"))
    if "--data" in argv:
        i = argv.index("--data")
        data = Path(argv[i + 1])
        del argv[i:i + 2]
    n = int(argv[0]) if argv else 10
    pool = []
    for doc, sents in posts(data / "ud/en_ewt-ud-train.conllu"):
        if not doc.startswith(("weblog-", "newsgroup-")) or not 3 <= len(sents) <= 60:
            continue
        words = set(re.findall(r"[a-z]+", " ".join(sents).lower()))
        if len(words & POLITICAL) < 4:
            continue
        pool.append((hashlib.sha256((SALT + doc).encode()).hexdigest(), doc, len(sents)))
    pool.sort()
    print(f"# pool {len(pool)} posts", file=sys.stderr)
    for _, doc, k in pool[:n]:
        print(doc, k)


if __name__ == "__main__":
    main()
