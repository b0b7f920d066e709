"""The package against the `sitrep` CLI: the same documents give the same output."""

from __future__ import annotations

import csv
import json
import subprocess
from pathlib import Path

import pytest

import sitrep
from conftest import REPO, cli_extract, news_records

# Enough news to meet most frames, few enough for a debug CLI in CI.
SAMPLE = 40


def test_to_dict_equals_cli_json_on_news(pipeline, cli, tmp_path):
    records = news_records(SAMPLE)
    from_cli = cli_extract(cli, records, tmp_path)
    assert len(from_cli) == len(records)
    ours = pipeline.extract_many(records, threads=2)
    assert sum(len(a.events) for a in ours) > 0
    for a, line in zip(ours, from_cli):
        assert a.to_dict() == line, a.id
        assert json.loads(a.to_json()) == line


def test_to_dict_equals_cli_json_on_the_examples(pipeline, cli, tmp_path):
    for name in ("de-truppen.txt", "en-talks.txt"):
        path = REPO / "examples" / name
        out = subprocess.run([str(cli), "extract", "--events", str(path)],
                             capture_output=True, check=True)
        line = json.loads(out.stdout)
        a = pipeline.extract(path.read_bytes(), id=str(path))
        assert a.to_dict() == line, name


def test_events_table_equals_the_csv_export(pipeline, cli, tmp_path):
    pytest.importorskip("pyarrow")
    records = news_records(12)
    docs = tmp_path / "docs.jsonl"
    docs.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                    encoding="utf-8")
    db, out = tmp_path / "s.db", tmp_path / "events.csv"
    subprocess.run([str(cli), "ingest", "--db", str(db), str(docs)], check=True,
                   capture_output=True)
    subprocess.run([str(cli), "export", "--db", str(db), "--format", "csv", "--output",
                    str(out)], check=True, capture_output=True)
    with out.open(newline="", encoding="utf-8") as f:
        exported = list(csv.DictReader(f))

    table = sitrep.events_table(pipeline.extract_many(records))
    assert list(exported[0].keys()) == table.column_names
    types = {name: ty for name, ty, _ in sitrep.event_columns()}

    def typed(name: str, cell: str):
        if cell == "":
            return None
        return {"uint32": int, "int64": int, "float64": float}.get(types[name], str)(cell)

    # The store orders by day; clusters are the store's own.
    key = lambda r: (r["document"], r["event"])  # noqa: E731
    theirs = sorted(({k: typed(k, v) for k, v in r.items() if k != "cluster"}
                     for r in exported), key=key)
    ours = sorted(({k: v for k, v in r.items() if k != "cluster"} for r in table.to_pylist()),
                  key=key)
    assert len(ours) > 5
    assert ours == theirs
