"""sitrep: German and English news to PLOVER events, with byte spans for every field.

    import sitrep
    p = sitrep.Pipeline()
    a = p.extract("Russland hat am Montag Truppen an die Grenze verlegt.", published="2022-02-14")
    for e in a.events:
        print(e.type, [s.code for s in e.source], e.trigger.text)

* :class:`Pipeline` loads the models and data once (all compiled into the package; nothing
  is read from disk or downloaded); ``extract`` analyses one document, ``extract_many`` a
  batch in parallel with the GIL released.
* :class:`Analysis` is one document's ``sitrep/1`` analysis: fields as attributes,
  ``to_dict()`` equal to the JSON ``sitrep extract --events`` prints.
* :func:`events_table` flattens analyses into a ``pyarrow.Table``, one row per event with
  the columns of ``sitrep export --format csv`` (for pandas, Polars, DuckDB).
* :mod:`sitrep.spark` runs the pipeline on a Spark DataFrame.
* A document that cannot be analysed raises :class:`DocumentError` (a ``ValueError``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable

from ._errors import DocumentError
from ._record import Record
from ._sitrep import ANALYSIS_VERSION, SCHEMA, Analysis, Pipeline, __version__, event_columns

if TYPE_CHECKING:
    import pyarrow

    from ._sitrep import (Citation, Entity, Event, EventActor, EventDate, Mention, Place,
                          Quantity, Quote, Span, Speaker, Token)
else:
    # The shapes of the records in an analysis, for annotations; all are `Record`s.
    Citation = Entity = Event = EventActor = EventDate = Mention = Place = Record
    Quantity = Quote = Span = Speaker = Token = Record

__all__ = [
    "ANALYSIS_VERSION",
    "SCHEMA",
    "Analysis",
    "DocumentError",
    "Pipeline",
    "Record",
    "events_schema",
    "events_table",
    "event_columns",
    "__version__",
]

_ARROW_TYPES = {"utf8": "string", "uint32": "uint32", "float64": "float64", "int64": "int64"}


def events_schema(json: bool = False) -> "pyarrow.Schema":
    """The schema of :func:`events_table`: the CSV export's columns, typed as its Parquet
    export types them (offsets uint32, quantity and confidence float64, cluster int64, the
    rest strings; absent values null), each field's meaning in its metadata. ``json`` adds
    ``event_json``: the whole ``sitrep/1`` event as JSON text."""
    import pyarrow as pa

    fields = [
        pa.field(name, getattr(pa, _ARROW_TYPES[ty])(), nullable=True,
                 metadata={"description": meaning})
        for name, ty, meaning in event_columns()
    ]
    if json:
        fields.append(pa.field("event_json", pa.string(), nullable=False,
                               metadata={"description": "the sitrep/1 event as JSON"}))
    return pa.schema(fields)


def events_table(analyses: Iterable[Analysis], *, json: bool = False) -> "pyarrow.Table":
    """One row per event of ``analyses``, in order, with the columns of
    ``sitrep export --format csv`` (see :func:`events_schema`). ``cluster`` is null: clusters
    are a store's. Items must be :class:`Analysis` objects (leave out the errors
    ``extract_many(..., errors="return")`` put in its list); others raise ``TypeError``.

    ``table.to_pandas()`` and ``polars.from_arrow(table)`` turn it into a data frame."""
    import pyarrow as pa

    from ._sitrep import event_rows

    schema = events_schema(json)
    columns = event_rows(analyses, json)
    return pa.Table.from_arrays(
        [pa.array(c, type=f.type) for c, f in zip(columns, schema)], schema=schema
    )


def __getattr__(name: str) -> Any:
    # `sitrep.spark` needs pyspark: imported on first use, not with the package.
    if name == "spark":
        import importlib

        return importlib.import_module(".spark", __name__)
    raise AttributeError(f"module 'sitrep' has no attribute {name!r}")
