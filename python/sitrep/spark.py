"""sitrep on Apache Spark: events from a DataFrame of documents.

    from sitrep.spark import extract_events
    events = extract_events(spark.read.json("news.jsonl"), text_col="text", id_col="id")

Built on ``DataFrame.mapInArrow``: each Python worker process loads the pipeline once (kept
in this module's global, so Spark's reused workers keep it across tasks) and analyses Arrow
batches of documents. The result has one row per event, the columns of
:func:`sitrep.events_table` with an explicit schema (offsets as ``long``, since Spark has no
unsigned integers). Every executor needs the ``sitrep`` wheel installed (see
``python/README.md``).
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Iterator, Optional

from . import DocumentError, Pipeline, event_columns, events_table

if TYPE_CHECKING:
    import pyarrow
    from pyspark.sql import DataFrame
    from pyspark.sql.types import StructType

__all__ = ["extract_events", "events_spark_schema"]

# The worker's pipeline: loaded by the first batch a Python worker process sees.
_PIPELINE: Optional[Pipeline] = None


def _worker_pipeline() -> Pipeline:
    global _PIPELINE
    if _PIPELINE is None:
        _PIPELINE = Pipeline()
    return _PIPELINE


def events_spark_schema(json: bool = False) -> "StructType":
    """The schema of :func:`extract_events`: the :func:`sitrep.events_schema` columns as
    Spark types (``uint32`` offsets widened to ``long``), plus ``event_json`` with ``json``."""
    from pyspark.sql import types as T

    spark_types = {
        "utf8": T.StringType(),
        "uint32": T.LongType(),
        "float64": T.DoubleType(),
        "int64": T.LongType(),
    }
    fields = [
        T.StructField(name, spark_types[ty], True, {"description": meaning})
        for name, ty, meaning in event_columns()
    ]
    if json:
        fields.append(T.StructField("event_json", T.StringType(), False,
                                    {"description": "the sitrep/1 event as JSON"}))
    return T.StructType(fields)


def _arrow_schema(json: bool) -> "pyarrow.Schema":
    import pyarrow as pa

    from . import events_schema

    s = events_schema(json)
    return pa.schema([
        f.with_type(pa.int64()) if f.type == pa.uint32() else f for f in s
    ])


def extract_events(
    df: "DataFrame",
    text_col: str = "text",
    id_col: str = "id",
    language_col: Optional[str] = None,
    published_col: Optional[str] = None,
    *,
    json: bool = False,
    errors: str = "raise",
    threads: int = 1,
) -> "DataFrame":
    """The events of the documents in ``df``: one row per event (see
    :func:`events_spark_schema`), in document order within each partition.

    ``text_col`` holds the text (string or binary), ``id_col`` the document id (cast to
    string; null ids are named ``item N`` by their place in the batch, so give every row
    one), ``language_col`` a language code (``de``, ``en``; null identifies it) and
    ``published_col`` the publication date (date, timestamp or ``YYYY-MM-DD`` string), which
    dates such as "am Montag" are resolved against. ``json=True`` adds ``event_json``, the
    whole ``sitrep/1`` event.

    ``errors="raise"`` fails the task on the first document sitrep cannot analyse, naming
    it; ``errors="skip"`` leaves such documents out and prints one line per document to the
    executor's standard error (as ``sitrep extract`` does). ``threads`` is the pipeline's
    threads per task: keep 1 and let Spark run one task per core.
    """
    from pyspark.sql import functions as F

    if errors not in ("raise", "skip"):
        raise ValueError(f'errors must be "raise" or "skip", not {errors!r}')
    if threads < 1:
        raise ValueError("threads must be at least 1")
    missing = [c for c in (text_col, id_col, language_col, published_col)
               if c is not None and c not in df.columns]
    if missing:
        raise ValueError(f"extract_events: no column {', '.join(map(repr, missing))} in "
                         f"the DataFrame (columns: {', '.join(df.columns)})")

    cols = [F.col(id_col).cast("string").alias("id"), F.col(text_col).alias("text")]
    if language_col is not None:
        cols.append(F.col(language_col).cast("string").alias("language"))
    if published_col is not None:
        from pyspark.sql import types as T

        col = F.col(published_col)
        # A timestamp's day (in the session's time zone); dates and strings as written.
        if isinstance(df.schema[published_col].dataType, (T.TimestampType, T.TimestampNTZType)):
            col = F.to_date(col)
        cols.append(col.cast("string").alias("published"))
    docs = df.select(*cols)
    schema = events_spark_schema(json)

    def run(batches: Iterator["pyarrow.RecordBatch"]) -> Iterator["pyarrow.RecordBatch"]:
        pipeline = _worker_pipeline()
        arrow_schema = _arrow_schema(json)
        for batch in batches:
            results = pipeline.extract_many(
                batch.to_pylist(), threads=threads,
                errors="return" if errors == "skip" else "raise",
            )
            done = []
            for r in results:
                if isinstance(r, DocumentError):
                    print(f"sitrep: {r}", file=sys.stderr)
                else:
                    done.append(r)
            table = events_table(done, json=json).cast(arrow_schema)
            yield from table.to_batches()

    return docs.mapInArrow(run, schema)
