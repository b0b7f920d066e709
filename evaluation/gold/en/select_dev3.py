"""Selection rule of the third English EWT-train dev set `ewt-dev3.gold.jsonl`
(standard library only; fixed on 2026-11-30 before any post was read).

The rule of `select_dev2.py` with a new salt: the weblog and newsgroup posts of UD English
EWT **train**, 3-60 sentences long, not in an earlier English gold set (every file of this
folder as it was when this set was drawn: `ewt-dev`, `ewt-dev2`, `ewt-tune-posts`,
`ewt-held-posts`), whose text holds at least four distinct words of
`ewt_select.POLITICAL | select_dev2.COURTS` (politics, conflict, government, courts,
prosecution, legislatures and regulators). Order: ascending SHA-256 of SALT + post id.
Taken: posts in that order; a post that would take the total past MAX_SENTENCES is passed
over; the draw stops once the total reaches MIN_SENTENCES.

    python3 evaluation/gold/en/select_dev3.py [--data DIR]
"""
import hashlib
import os
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ewt_select import POLITICAL, posts  # noqa: E402
from select_dev2 import COURTS, MAX_SENTENCES, MIN_SENTENCES, earlier_posts  # noqa: E402
import select_dev2  # noqa: E402

SALT = "ewt-dev3/2026-11-30/"
EARLIER = select_dev2.EARLIER + ["ewt-dev2.gold.jsonl"]


def main():
    argv = sys.argv[1:]
    data = Path(os.environ.get("SITREP_DATA", "/work/shared/data"))
    if "--data" in argv:
        data = Path(argv[argv.index("--data") + 1])
    select_dev2.EARLIER = EARLIER
    seen = earlier_posts(Path(__file__).resolve().parent)
    words_of_topic = POLITICAL | COURTS
    pool = []
    for doc, sents in posts(data / "ud/en_ewt-ud-train.conllu"):
        if not doc.startswith(("weblog-", "newsgroup-")) or not 3 <= len(sents) <= 60:
            continue
        if doc in seen:
            continue
        words = set(re.findall(r"[a-z]+", " ".join(sents).lower()))
        if len(words & words_of_topic) < 4:
            continue
        pool.append((hashlib.sha256((SALT + doc).encode()).hexdigest(), doc, len(sents)))
    pool.sort()
    print(f"# pool {len(pool)} posts", file=sys.stderr)
    total = 0
    for _, doc, k in pool:
        if total >= MIN_SENTENCES:
            break
        if total + k > MAX_SENTENCES:
            continue
        total += k
        print(doc, k)
    print(f"# {total} sentences", file=sys.stderr)


if __name__ == "__main__":
    main()
