"""Shared fixtures: the pipeline, the news corpus ($SITREP_DATA), the `sitrep` CLI and a
local Spark session."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import sitrep

REPO = Path(__file__).resolve().parents[2]


def pytest_configure(config):
    config.addinivalue_line("markers", "spark: needs pyspark and Java (local[2] session)")


@pytest.fixture(scope="session")
def pipeline() -> sitrep.Pipeline:
    return sitrep.Pipeline()


def data_dir() -> Path:
    d = os.environ.get("SITREP_DATA")
    return Path(d) if d else REPO.parent / "shared" / "data"


def news_records(n: int | None = None) -> list[dict]:
    """The first `n` records of news/gnad-de-dev.jsonl (all with None)."""
    path = data_dir() / "news" / "gnad-de-dev.jsonl"
    if not path.is_file():
        pytest.fail(f"{path} not found: set SITREP_DATA to the folder holding "
                    "news/gnad-de-dev.jsonl (default ../shared/data)")
    out = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if n is not None and len(out) >= n:
                break
            out.append(json.loads(line))
    return out


def find_cli() -> Path:
    """The `sitrep` binary: $SITREP_CLI, else a build in the repository's target folders."""
    if os.environ.get("SITREP_CLI"):
        return Path(os.environ["SITREP_CLI"])
    targets = [Path(os.environ["CARGO_TARGET_DIR"])] if os.environ.get("CARGO_TARGET_DIR") else []
    targets.append(REPO / "target")
    for t in targets:
        for profile in ("release", "debug"):
            p = t / profile / "sitrep"
            if p.is_file():
                return p
    found = shutil.which("sitrep")
    if found:
        return Path(found)
    pytest.fail("no sitrep binary: build one (cargo build --release -p sitrep-cli) or set "
                "SITREP_CLI to its path")


@pytest.fixture(scope="session")
def cli() -> Path:
    return find_cli()


def cli_extract(cli: Path, records: list[dict], tmp: Path) -> list[dict]:
    """`sitrep extract --events` over `records` written as JSON Lines: one dict per line."""
    path = tmp / "docs.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                    encoding="utf-8")
    out = subprocess.run([str(cli), "extract", "--events", str(path)],
                         capture_output=True, check=True)
    return [json.loads(line) for line in out.stdout.decode("utf-8").splitlines()]


@pytest.fixture(scope="session")
def spark():
    pytest.importorskip("pyspark")
    from pyspark.sql import SparkSession

    # Workers run this interpreter, where the wheel is installed.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("sitrep-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.memory", "1g")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()
