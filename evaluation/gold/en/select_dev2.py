"""Selection rule of the second English EWT-train dev set `ewt-dev2.gold.jsonl`
(standard library only; fixed on 2026-11-30 before any post was read).

Pool: the weblog and newsgroup posts of UD English EWT **train**, 3-60 sentences long,
not in an earlier English gold set (the files as they were when this set was drawn:
`ewt-dev`, `ewt-tune-posts`, `ewt-held-posts`), whose text holds at least four distinct
words of `ewt_select.POLITICAL` plus COURTS (courts, prosecution, legislatures and
regulators, so that disputes of companies or citizens with authorities count as well as
politics and conflict). Order: ascending SHA-256 of SALT + post id. Taken: posts in that
order; a post that would take the total past MAX_SENTENCES is passed over; the draw stops
once the total reaches MIN_SENTENCES.

    python3 evaluation/gold/en/select_dev2.py [--data DIR]
"""
import hashlib
import json
import os
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ewt_select import POLITICAL, posts  # noqa: E402

SALT = "ewt-dev2/2026-11-30/"
COURTS = {
    "court", "courts", "judge", "judges", "trial", "lawsuit", "prosecutor", "prosecutors",
    "indicted", "sued", "ruling", "regulators", "authorities", "senate", "congress",
    "governor", "investigation", "fined",
}
EARLIER = ["ewt-dev.gold.jsonl", "ewt-tune-posts.gold.jsonl", "ewt-held-posts.gold.jsonl"]
MIN_SENTENCES, MAX_SENTENCES = 100, 130


def earlier_posts(folder):
    seen = set()
    for name in EARLIER:
        with open(folder / name, encoding="utf-8") as f:
            for line in f:
                src = json.loads(line).get("text_from", {})
                seen.add(src.get("id", ""))
    return seen


def main():
    argv = sys.argv[1:]
    data = Path(os.environ.get("SITREP_DATA", "/work/shared/data"))
    if "--data" in argv:
        data = Path(argv[argv.index("--data") + 1])
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
