"""sitrep.spark on a local[2] session: Spark's events equal the CLI's."""

from __future__ import annotations

import json
import os

import pytest

import sitrep
from conftest import cli_extract, news_records

pytestmark = pytest.mark.spark

# Documents of news/gnad-de-dev.jsonl for the comparison; the whole corpus is
# `python bench/compare.py` (evaluation/reports/python.md).
SAMPLE = int(os.environ.get("SITREP_SPARK_SAMPLE", "24"))


def test_spark_events_equal_cli_events(spark, cli, tmp_path):
    from sitrep.spark import events_spark_schema, extract_events

    records = news_records(SAMPLE)
    df = spark.createDataFrame(
        [(r["id"], r["text"], r["language"]) for r in records], "id string, text string, lang string"
    ).repartition(2)
    events = extract_events(df, language_col="lang", json=True)
    assert events.schema == events_spark_schema(json=True)
    rows = events.collect()

    from_cli = cli_extract(cli, records, tmp_path)
    expected = {(a["id"], e["id"]): e for a in from_cli for e in a["events"]}
    got = {(r["document"], r["event"]): json.loads(r["event_json"]) for r in rows}
    assert len(rows) == len(got), "one row per event"
    assert len(got) > 10
    assert got == expected

    # The flat columns are those of events_table over the CLI's analyses.
    table = sitrep.events_table([sitrep.Analysis.from_json(json.dumps(a)) for a in from_cli])
    flat = sorted((tuple(r.asDict()[c] for c in table.column_names) for r in rows),
                  key=lambda t: (t[0], t[1]))
    want = sorted((tuple(d.values()) for d in table.to_pylist()), key=lambda t: (t[0], t[1]))
    assert flat == want


def test_spark_published_column_resolves_dates(spark):
    from sitrep.spark import extract_events

    text = "Frankreich verlegt am Montag 500 Soldaten nach Estland."
    df = spark.sql(
        "SELECT 'a' AS id, '%s' AS text, TIMESTAMP'2022-02-17 09:30:00' AS at" % text)
    row = extract_events(df, published_col="at").collect()[0]
    assert (row["type"], row["published"], row["date"]) == ("MOBILIZE", "2022-02-17",
                                                             "2022-02-14")


def test_spark_errors_skip_or_fail(spark):
    from pyspark.errors import PythonException
    from sitrep.spark import extract_events

    df = spark.createDataFrame(
        [("good", "Russland kritisierte die NATO scharf."), ("junk", "PK\x00\x01\x02")],
        "id string, text string").coalesce(1)
    rows = extract_events(df, errors="skip").collect()
    assert {r["document"] for r in rows} == {"good"}
    with pytest.raises(PythonException, match="junk: not text: binary data"):
        extract_events(df).collect()
    with pytest.raises(ValueError, match="no column 'body'"):
        extract_events(df, text_col="body")
    with pytest.raises(ValueError, match="errors"):
        extract_events(df, errors="ignore")
