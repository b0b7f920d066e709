"""The Python API: analyses, records, batches, errors and the events table."""

from __future__ import annotations

import datetime
import json
import pickle
import threading
import time
import warnings
from pathlib import Path

import pytest

import sitrep

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
DE = (EXAMPLES / "de-truppen.txt").read_text(encoding="utf-8")
EN = (EXAMPLES / "en-talks.txt").read_text(encoding="utf-8")


def spans_point_into_text(a: sitrep.Analysis) -> None:
    raw = a.text.encode("utf-8")

    def words(start: int, end: int) -> str:
        return raw[start:end].decode("utf-8")

    for e in a.events:
        assert words(e.trigger.start, e.trigger.end) == e.trigger.text
        assert e.evidence.start <= e.trigger.start < e.trigger.end <= e.evidence.end
        for actor in e.source + e.target:
            assert words(actor.start, actor.end) == actor.text
    for ent in a.entities:
        for m in ent.mentions:
            assert words(m.start, m.end) == m.text


def test_extract_german_article(pipeline):
    a = pipeline.extract(DE, published="2022-02-28", id="de-truppen")
    assert isinstance(a, sitrep.Analysis)
    assert (a.schema, a.id, a.language, a.published) == ("sitrep/1", "de-truppen", "de",
                                                          "2022-02-28")
    assert a.text == DE
    assert a.events, "the article reports a deployment"
    types = {e.type for e in a.events}
    assert "MOBILIZE" in types, types
    deploy = next(e for e in a.events if e.type == "MOBILIZE")
    assert "FRA" in [s.code for s in deploy.source]
    spans_point_into_text(a)


def test_extract_english_with_declared_language(pipeline):
    a = pipeline.extract(EN, language="en")
    assert a.language == "en"
    assert a.events
    spans_point_into_text(a)


def test_language_is_identified_when_not_given(pipeline):
    assert pipeline.extract(EN).language == "en"
    assert pipeline.extract(DE).language == "de"


def test_records_are_dicts_with_attribute_access(pipeline):
    a = pipeline.extract(DE, published="2022-02-28")
    d = a.to_dict()
    assert type(d) is dict and type(d["events"][0]) is dict
    assert a.events == d["events"], "records equal the plain dicts"
    e = a.events[0]
    assert isinstance(e, sitrep.Record)
    assert e.type == e["type"] and e.trigger.text == d["events"][0]["trigger"]["text"]
    assert type(e.to_dict()) is dict and e.to_dict() == d["events"][0]
    with pytest.raises(AttributeError, match="no field 'nonsense'"):
        e.nonsense
    with pytest.raises(AttributeError):
        e.type = "ASSAULT"
    assert [s.to_dict() for s in a.sentences] == d["sentences"]
    assert a.tokens is None and "tokens" not in d
    with_tokens = pipeline.extract(DE, tokens=True)
    assert with_tokens.tokens and with_tokens.tokens[0].upos


def test_json_round_trip_and_pickle(pipeline):
    a = pipeline.extract(DE, published="2022-02-28")
    assert sitrep.Analysis.from_json(a.to_json()) == a
    assert pickle.loads(pickle.dumps(a)) == a
    assert a != pipeline.extract(EN)
    with pytest.raises(ValueError, match="not a sitrep/1 analysis"):
        sitrep.Analysis.from_json('{"schema": "sitrep/1"}')
    with pytest.raises(ValueError, match="schema"):
        sitrep.Analysis.from_json(a.to_json().replace('"sitrep/1"', '"sitrep/9"', 1))


def test_published_as_date_equals_string(pipeline):
    s = pipeline.extract(DE, published="2022-02-28")
    d = pipeline.extract(DE, published=datetime.date(2022, 2, 28))
    assert s == d
    # `am Freitag` resolves against the publication date: the Friday after it
    dated = [e.date.value for e in s.events if e.date and e.date.text == "am Freitag"]
    assert dated and set(dated) == {"2022-03-04"}, dated
    later = pipeline.extract(DE, published=datetime.date(2022, 3, 7))
    dated = [e.date.value for e in later.events if e.date and e.date.text == "am Freitag"]
    assert dated and set(dated) == {"2022-03-11"}, dated


def test_empty_and_blank_text_give_empty_analyses(pipeline):
    for text in ("", " \n\t"):
        a = pipeline.extract(text)
        assert (a.language, a.sentences, a.events, a.entities) == (None, [], [], [])


def test_binary_junk_is_a_document_error(pipeline):
    with pytest.raises(sitrep.DocumentError) as err:
        pipeline.extract("PK\x03\x04\x00\x00junk", id="archive.zip")
    assert isinstance(err.value, ValueError)
    assert err.value.document == "archive.zip"
    assert "binary data" in err.value.reason
    assert str(err.value).startswith("archive.zip: not text: binary data")
    with pytest.raises(sitrep.DocumentError, match="binary data"):
        pipeline.extract(bytes(range(256)) * 4)


def test_bytes_are_decoded_like_files(pipeline):
    latin = "Die Bundesregierung begrüßte die Einigung in Genf.".encode("cp1252")
    with pytest.warns(UserWarning, match="decoded as Windows-1252"):
        a = pipeline.extract(latin, language="de")
    assert "begrüßte" in a.text
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        utf16 = pipeline.extract("Moskau kritisierte die NATO.".encode("utf-16"), language="de")
    assert utf16.text == "Moskau kritisierte die NATO."


def test_unsupported_languages_are_named(pipeline):
    with pytest.raises(sitrep.DocumentError, match=r"unsupported language: fi \(Finnish\)"):
        pipeline.extract("Hallitus ilmoitti tänään uusista toimista.", language="fi")
    finnish = ("Suomen hallitus ilmoitti tänään, että se lähettää lisää sotilaita itärajalle "
               "ja tiivistää yhteistyötä Naton kanssa.")
    with pytest.raises(sitrep.DocumentError) as err:
        pipeline.extract(finnish, id="yle-1")
    assert err.value.document == "yle-1" and "Finnish" in err.value.reason
    with pytest.raises(sitrep.DocumentError, match="xx"):
        pipeline.extract(DE, language="xx")


def test_wrong_types_are_type_errors(pipeline):
    with pytest.raises(TypeError, match="expected str or bytes, not int"):
        pipeline.extract(123)
    with pytest.raises(TypeError):
        pipeline.extract(DE, language=5)
    with pytest.raises(TypeError, match="published"):
        pipeline.extract(DE, published=20220228)
    with pytest.raises(ValueError, match="published: .*YYYY-MM-DD"):
        pipeline.extract(DE, published="28.02.2022")
    with pytest.raises(TypeError):
        pipeline.extract(DE, id=7)


def test_extract_many_keeps_order_and_matches_extract(pipeline):
    docs = [DE, {"text": EN, "id": "talks", "language": "en", "published": "2023-05-02",
                 "title": "Talks", "outlet": "Example", "label": "ignored"}, "", DE]
    many = pipeline.extract_many(docs, threads=2)
    assert [a.id for a in many] == ["item 0", "talks", "item 2", "item 3"]
    assert many[0] == pipeline.extract(DE, id="item 0")
    assert (many[1].title, many[1].outlet, many[1].published) == ("Talks", "Example",
                                                                   "2023-05-02")
    assert many[0].to_dict() | {"id": "item 3"} == many[3].to_dict()
    one_thread = pipeline.extract_many(iter(docs), threads=1)
    assert one_thread == many, "threads change nothing but speed"
    assert pipeline.extract_many([]) == []


def test_extract_many_defaults_and_generators(pipeline):
    gen = ({"id": i, "text": DE} for i in range(300))  # more than one chunk of 256
    out = pipeline.extract_many(gen, published="2022-02-28", language="de")
    assert len(out) == 300 and out[299].id == "299" and out[0].published == "2022-02-28"
    own = pipeline.extract_many([{"text": DE, "published": "2021-01-01"}],
                                published="2022-02-28")
    assert own[0].published == "2021-01-01", "a record's own date wins over the default"


def test_extract_many_errors_raise_or_return(pipeline):
    docs = [DE, "bad\x00binary", {"text": DE, "language": "fi", "id": "finn"},
            {"id": "no-text"}, {"text": 5, "id": "num"}, {"text": DE, "published": "gestern"}]
    with pytest.raises(sitrep.DocumentError) as err:
        pipeline.extract_many(docs)
    assert err.value.document == "item 1" and "binary" in err.value.reason

    out = pipeline.extract_many(docs, errors="return")
    assert isinstance(out[0], sitrep.Analysis)
    errs = out[1:]
    assert all(isinstance(e, sitrep.DocumentError) for e in errs), errs
    assert [e.document for e in errs] == ["item 1", "finn", "no-text", "num", "item 5"]
    assert "unsupported language: fi" in errs[1].reason
    assert errs[2].reason == 'invalid field "text": missing'
    assert "expected str or bytes, not int" in errs[3].reason
    assert errs[4].reason.startswith('invalid field "published"')
    assert pickle.loads(pickle.dumps(errs[0])) == errs[0]


def test_extract_many_argument_errors(pipeline):
    with pytest.raises(TypeError, match="item 1 is int, not str, bytes or dict"):
        pipeline.extract_many([DE, 7], errors="return")
    with pytest.raises(TypeError):
        pipeline.extract_many(42)
    with pytest.raises(ValueError, match='errors must be "raise" or "return"'):
        pipeline.extract_many([DE], errors="ignore")
    with pytest.raises(ValueError, match="threads"):
        pipeline.extract_many([DE], threads=0)
    with pytest.raises(ValueError, match="language: unsupported language"):
        pipeline.extract_many([DE], language="fi")
    with pytest.raises(ValueError, match="published"):
        pipeline.extract_many([DE], published="soon")


def test_extract_many_releases_the_gil(pipeline):
    """While a batch runs in one thread, Python code runs in another."""
    # A batch of about half a second on this machine, however fast it is.
    t0 = time.perf_counter()
    pipeline.extract_many([DE] * 20, threads=1)
    per_doc = max((time.perf_counter() - t0) / 20, 1e-5)
    docs = [DE] * min(20_000, max(60, int(0.5 / per_doc)))
    done = threading.Event()
    during = 0

    def work():
        pipeline.extract_many(docs, threads=1)
        done.set()

    t = threading.Thread(target=work)
    start = time.perf_counter()
    t.start()
    while not done.is_set():
        during += 1
    t.join()
    elapsed = time.perf_counter() - start
    assert elapsed > 0.05, "the batch is long enough to tell"
    # With the GIL held for the batch, this loop would stand still until it ended.
    assert during > 10_000, (during, elapsed)


def test_events_table_has_the_csv_export_columns(pipeline):
    pa = pytest.importorskip("pyarrow")
    analyses = pipeline.extract_many([DE, EN, ""], published="2022-02-28")
    table = sitrep.events_table(analyses)
    docs_md = (Path(__file__).resolve().parents[2] / "docs" / "store.md").read_text()
    csv_section = docs_md.split("`export --format csv`", 1)[1].split("The list is", 1)[0]
    documented = [line.split("|")[1].strip() for line in csv_section.splitlines()
                  if line.startswith("| ") and not line.startswith("| column")]
    assert table.column_names == documented
    assert table.num_rows == sum(len(a.events) for a in analyses)
    assert table.schema.field("evidence_start").type == pa.uint32()
    assert table.schema.field("confidence").type == pa.float64()
    assert table.schema.field("cluster").type == pa.int64()
    assert table.schema.field("type").metadata[b"description"] == b"PLOVER event type"
    rows = table.to_pylist()
    events = [(a, e) for a in analyses for e in a.events]
    for row, (a, e) in zip(rows, events):
        assert (row["document"], row["event"], row["type"]) == (a.id, e.id, e.type)
        assert row["source"] == ("|".join(s.code for s in e.source) or None)
        assert row["evidence"] == a.text.encode()[e.evidence.start:e.evidence.end].decode()
        assert row["cluster"] is None
        assert row["day"] == (e.date.value if e.date and len(e.date.value or "") == 10
                              else a.published)
    with_json = sitrep.events_table(analyses, json=True)
    assert with_json.column_names == documented + ["event_json"]
    assert [json.loads(s) for s in with_json.column("event_json").to_pylist()] == \
        [e.to_dict() for _, e in events]
    assert sitrep.events_table([]).num_rows == 0


def test_events_table_refuses_what_is_not_an_analysis(pipeline):
    pytest.importorskip("pyarrow")
    out = pipeline.extract_many([DE, "\x00"], errors="return")
    with pytest.raises(TypeError, match="item 1 is DocumentError, not sitrep.Analysis"):
        sitrep.events_table(out)
