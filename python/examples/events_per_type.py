"""Events per PLOVER type in the news corpus, as a bar chart.

    python python/examples/events_per_type.py [--limit N] [--output events-per-type.png]

Reads news/gnad-de-dev.jsonl from $SITREP_DATA (default ../shared/data), extracts events
with sitrep, counts them per type and modality with pandas and draws a stacked bar chart
with matplotlib. Needs the sitrep wheel, pyarrow, pandas and matplotlib.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # files only, no display needed
import matplotlib.pyplot as plt  # noqa: E402

import sitrep  # noqa: E402

# %% Load the corpus: one JSON object per line (id, language, label, text).
parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
parser.add_argument("--limit", type=int, help="only the first N articles")
parser.add_argument("--threads", type=int, help="analysis threads (default: all cores)")
parser.add_argument("--output", default="events-per-type.png", help="the PNG to write")
args = parser.parse_args()

data = Path(os.environ.get("SITREP_DATA", Path(__file__).resolve().parents[2].parent
                           / "shared" / "data"))
corpus = data / "news" / "gnad-de-dev.jsonl"
if not corpus.is_file():
    sys.exit(f"{corpus} not found: set SITREP_DATA to the folder holding news/gnad-de-dev.jsonl")
with corpus.open(encoding="utf-8") as f:
    articles = [json.loads(line) for line in f]
if args.limit:
    articles = articles[: args.limit]

# %% Extract: one pipeline, all documents in parallel; failures come back as errors.
pipeline = sitrep.Pipeline()
start = time.perf_counter()
results = pipeline.extract_many(articles, threads=args.threads, errors="return")
seconds = time.perf_counter() - start
analyses = [r for r in results if isinstance(r, sitrep.Analysis)]
for r in results:
    if isinstance(r, sitrep.DocumentError):
        print(f"skipped {r}", file=sys.stderr)
print(f"{len(analyses)} of {len(articles)} articles in {seconds:.1f} s")

# %% One row per event, as a pandas DataFrame.
events = sitrep.events_table(analyses).to_pandas()
print(f"{len(events)} events in {events['document'].nunique()} articles")
counts = (events.groupby(["type", "modality"]).size().unstack(fill_value=0))
counts = counts.loc[counts.sum(axis=1).sort_values().index]
print(counts.sum(axis=1).sort_values(ascending=False).to_string())

# %% Plot: events per type, stacked by modality.
fig, ax = plt.subplots(figsize=(8, 0.35 * len(counts) + 1.5))
counts.plot.barh(stacked=True, ax=ax, width=0.8, colormap="tab10")
ax.set_xlabel("events")
ax.set_ylabel("PLOVER type")
ax.set_title(f"sitrep events per type: {len(analyses)} articles of {corpus.name}")
ax.legend(title="modality", fontsize="small")
fig.tight_layout()
fig.savefig(args.output, dpi=120)
print(f"wrote {args.output}")
