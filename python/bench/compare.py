"""Python and Spark against the CLI on the news corpus: same output, and how fast.

    python python/bench/compare.py [--threads 2] [--runs 3] [--skip-spark] [--limit N]

Reads news/gnad-de-dev.jsonl from $SITREP_DATA (default ../shared/data) and the `sitrep`
binary from $SITREP_CLI (default: target/release/sitrep; build it with
`cargo build --release -p sitrep-cli`). It checks, on every document:

1. `Pipeline.extract_many(...)[i].to_dict()` equals the CLI's `extract --events` line;
2. `sitrep.spark.extract_events` in `local[2]` gives exactly the CLI's events;

and times, best of `--runs`, with the same number of threads:

* the CLI: `sitrep extract --events --threads N FILE > /dev/null` (start-up, reading,
  analysis, JSON out);
* Python, the same work in a fresh interpreter: import, `Pipeline()`, read the JSON Lines,
  `extract_many(threads=N)`, one `to_json()` per document;
* Spark `local[2]`: `extract_events(...).count()` over the corpus in one partition per
  core, after a warm-up job, with the peak resident memory of the executor's Python
  workers and of the JVM (sampled from /proc every 50 ms).

Prints a Markdown report (evaluation/reports/python.md keeps one).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import sitrep

REPO = Path(__file__).resolve().parents[2]


def corpus_path() -> Path:
    data = Path(os.environ.get("SITREP_DATA", REPO.parent / "shared" / "data"))
    p = data / "news" / "gnad-de-dev.jsonl"
    if not p.is_file():
        sys.exit(f"{p} not found: set SITREP_DATA to the folder holding news/gnad-de-dev.jsonl")
    return p


def cli_path() -> Path:
    p = Path(os.environ.get("SITREP_CLI", REPO / "target" / "release" / "sitrep"))
    if not p.is_file():
        sys.exit(f"{p} not found: cargo build --release -p sitrep-cli, or set SITREP_CLI")
    return p


def best_of(runs: int, f) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        f()
        times.append(time.perf_counter() - t)
    return min(times)


PYTHON_RUN = """
import json, sys, sitrep
p = sitrep.Pipeline()
with open(sys.argv[1], encoding="utf-8") as f:
    docs = [json.loads(line) for line in f]
out = p.extract_many(docs, threads=int(sys.argv[2]))
n = sum(len(a.to_json()) for a in out)
"""


class RssSampler(threading.Thread):
    """Peak resident memory (kB) of processes whose command line matches, from /proc."""

    def __init__(self, groups: dict[str, tuple[str, ...]]):
        super().__init__(daemon=True)
        self.groups = groups
        self.peak = {g: 0 for g in groups}  # summed over the group's processes
        self.peak_one = {g: 0 for g in groups}  # the largest single process
        self.stop = threading.Event()

    def sample(self) -> None:
        sums = {g: 0 for g in self.groups}
        for pid in os.listdir("/proc"):
            if not pid.isdigit():
                continue
            try:
                cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
                status = Path(f"/proc/{pid}/status").read_text()
            except OSError:
                continue
            rss = next((int(line.split()[1]) for line in status.splitlines()
                        if line.startswith("VmRSS:")), 0)
            for g, needles in self.groups.items():
                if all(n in cmd for n in needles):
                    sums[g] += rss
                    self.peak_one[g] = max(self.peak_one[g], rss)
        for g, s in sums.items():
            self.peak[g] = max(self.peak[g], s)

    def run(self) -> None:
        while not self.stop.is_set():
            self.sample()
            time.sleep(0.05)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--limit", type=int, help="only the first N documents")
    ap.add_argument("--skip-spark", action="store_true")
    args = ap.parse_args()

    corpus, cli = corpus_path(), cli_path()
    records = [json.loads(line) for line in corpus.open(encoding="utf-8")]
    if args.limit:
        records = records[: args.limit]
        tmp = Path(os.environ.get("TMPDIR", "/tmp")) / "sitrep-compare.jsonl"
        tmp.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                       encoding="utf-8")
        corpus = tmp
    size = corpus.stat().st_size
    report = [f"corpus: {corpus.name}, {len(records)} documents, {size / 1e6:.2f} MB; "
              f"threads: {args.threads}; best of {args.runs} runs; {os.cpu_count()} cores", ""]

    # 1. Same output: Python vs CLI, every document.
    cli_out = subprocess.run([str(cli), "extract", "--events", "--threads", str(args.threads),
                              str(corpus)], capture_output=True, check=True).stdout
    cli_lines = [json.loads(line) for line in cli_out.decode("utf-8").splitlines()]
    pipeline = sitrep.Pipeline()
    ours = pipeline.extract_many(records, threads=args.threads)
    same = sum(a.to_dict() == line for a, line in zip(ours, cli_lines))
    n_events = sum(len(line["events"]) for line in cli_lines)
    report.append(f"Python `to_dict()` equal to the CLI's JSON: {same} of {len(cli_lines)} "
                  f"documents ({n_events} events)")
    if same != len(cli_lines) or len(ours) != len(cli_lines):
        report.append("**DIFFERENT**")

    # 2. Throughput, same threads.
    t_cli = best_of(args.runs, lambda: subprocess.run(
        [str(cli), "extract", "--events", "--threads", str(args.threads), str(corpus)],
        stdout=subprocess.DEVNULL, check=True))
    t_py = best_of(args.runs, lambda: subprocess.run(
        [sys.executable, "-c", PYTHON_RUN, str(corpus), str(args.threads)], check=True))
    t_py_extract = best_of(args.runs, lambda: pipeline.extract_many(records,
                                                                    threads=args.threads))
    report += [
        "",
        "| run | seconds | documents/s | MB/s | vs CLI |",
        "|---|---|---|---|---|",
    ]
    for name, t in [("CLI `sitrep extract --events`", t_cli),
                    ("Python: import, `Pipeline()`, `extract_many`, `to_json`", t_py),
                    ("Python: `extract_many` alone (pipeline loaded)", t_py_extract)]:
        report.append(f"| {name} | {t:.2f} | {len(records) / t:.0f} | {size / 1e6 / t:.2f} | "
                      f"{(t / t_cli - 1) * 100:+.1f} % |")

    if not args.skip_spark:
        report += [""] + spark_run(records, cli_lines, args)
    print("\n".join(report))


def spark_run(records: list[dict], cli_lines: list[dict], args) -> list[str]:
    from pyspark.sql import SparkSession

    from sitrep.spark import extract_events

    os.environ["PYSPARK_PYTHON"] = sys.executable
    sampler = RssSampler({"python": ("pyspark.daemon",), "jvm": ("java", "SparkSubmit")})
    sampler.start()
    spark = (SparkSession.builder.master("local[2]").appName("sitrep-compare")
             .config("spark.ui.enabled", "false").config("spark.driver.memory", "1g")
             .config("spark.ui.showConsoleProgress", "false")
             .getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    df = spark.createDataFrame([(r["id"], r["text"], r["language"]) for r in records],
                               "id string, text string, language string").repartition(2).cache()
    df.count()
    # Warm-up: starts the Python workers and loads a pipeline in each.
    extract_events(df.limit(4), language_col="language").count()
    t_spark = best_of(args.runs, lambda: extract_events(df, language_col="language").count())
    rows = extract_events(df, language_col="language", json=True).collect()
    sampler.stop.set()
    sampler.join()
    spark.stop()

    want = {(a["id"], e["id"]): e for a in cli_lines for e in a["events"]}
    got = {(r["document"], r["event"]): json.loads(r["event_json"]) for r in rows}
    same = len(rows) == len(got) and got == want
    mb = sum(len(r["text"].encode()) for r in records) / 1e6
    return [
        f"Spark `local[2]` events equal to the CLI's: {'yes' if same else '**NO**'} "
        f"({len(got)} events from Spark, {len(want)} from the CLI)",
        "",
        "| Spark `local[2]` | value |",
        "|---|---|",
        f"| `extract_events(df).count()`, 2 partitions, after a warm-up | {t_spark:.2f} s, "
        f"{len(records) / t_spark:.0f} documents/s, {mb / t_spark:.2f} MB/s |",
        f"| peak RSS, one Python worker (pipeline loaded) | "
        f"{sampler.peak_one['python'] / 1024:.0f} MiB |",
        f"| peak RSS, all Python workers together | {sampler.peak['python'] / 1024:.0f} MiB |",
        f"| peak RSS, the JVM (driver = executor in local mode) | "
        f"{sampler.peak['jvm'] / 1024:.0f} MiB |",
    ]


if __name__ == "__main__":
    main()
