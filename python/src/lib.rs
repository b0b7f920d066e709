//! `sitrep._sitrep`: the Python extension module behind the `sitrep` package.
//!
//! A thin front-end over [`sitrep_pipeline::Pipeline`], like the CLI: documents in, the
//! `sitrep/1` [`Analysis`] out. Everything the pipeline needs at run time (lexicons, models,
//! frames, the knowledge base) is compiled into this module, so a wheel is self-contained.
//!
//! * Python values become [`Document`]s with the GIL held; the pipeline runs with the GIL
//!   released, on a rayon pool for batches.
//! * A document that cannot be analysed raises `sitrep.DocumentError` (a `ValueError`
//!   naming the document and the reason), or is returned as one (`errors="return"`).
//! * An [`Analysis`] stays a Rust value until Python looks at it; its fields become Python
//!   objects through its `sitrep/1` JSON, so `to_dict()` is exactly what
//!   `sitrep extract --events` prints.

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyString};
use rayon::prelude::*;
use sitrep_core::{Analysis, Date, DocError, Document, Language, Limits, Problem, Segmentation};
use sitrep_pipeline::{AnalyzeOptions, Pipeline};
use sitrep_store::{column_type, csv_row, ColumnType, EventRecord, CSV_COLUMNS};
use std::sync::Arc;

/// Documents converted and analysed together in `extract_many`: bounds the memory a long
/// iterable takes while keeping every thread busy.
const CHUNK: usize = 256;

/// The loaded pipeline: German and English models, knowledge base and frames, compiled
/// into the package (nothing is read from disk or downloaded). Loading takes about a
/// second: build it once and reuse it; it is thread-safe.
#[pyclass(module = "sitrep", name = "Pipeline", frozen)]
struct PyPipeline {
    inner: Arc<Pipeline>,
}

/// One document's ``sitrep/1`` analysis. The scalar fields are attributes; ``sentences``,
/// ``entities``, ``events``, ``quotes`` and ``tokens`` are lists of ``Record``s (dicts with
/// attribute access), built anew on each access. ``to_dict()`` equals ``json.loads`` of
/// the line ``sitrep extract --events`` prints for the same document.
#[pyclass(module = "sitrep", name = "Analysis", frozen)]
struct PyAnalysis {
    inner: Analysis,
}

/// What the caller's value says about one document, before analysis.
struct Prepared {
    doc: Document,
    warnings: Vec<String>,
}

/// Why a value could not become a document: a caller's mistake (a Python exception raised
/// at once) or a problem with the document (per document, like the CLI's).
enum Bad {
    Py(PyErr),
    Doc(DocError),
}

impl From<PyErr> for Bad {
    fn from(e: PyErr) -> Self {
        Bad::Py(e)
    }
}

/// `sitrep.DocumentError(document, reason)`, defined in Python (`sitrep/_errors.py`).
fn document_error<'py>(py: Python<'py>, e: &DocError) -> PyResult<Bound<'py, PyAny>> {
    py.import("sitrep._errors")?
        .getattr("DocumentError")?
        .call1((e.doc.as_str(), e.problem.to_string()))
}

fn raise_document_error(py: Python<'_>, e: &DocError) -> PyErr {
    match document_error(py, e) {
        Ok(err) => PyErr::from_value(err),
        Err(err) => err,
    }
}

fn warn(py: Python<'_>, warnings: &[String]) -> PyResult<()> {
    if warnings.is_empty() {
        return Ok(());
    }
    let w = py.import("warnings")?;
    for msg in warnings {
        w.call_method1("warn", (msg.as_str(),))?;
    }
    Ok(())
}

/// A language argument: `None`/`"auto"` identify it, else a code sitrep supports.
fn parse_language(code: Option<&str>) -> Result<Option<Language>, Problem> {
    match code.map(str::trim) {
        None | Some("" | "auto" | "und") => Ok(None),
        Some(c) => Ok(Some(c.parse::<Language>()?)),
    }
}

/// A publication date: `None`, a `YYYY-MM-DD` string or a `datetime.date`/`datetime`.
fn parse_published(value: Option<&Bound<'_, PyAny>>) -> Result<Option<Date>, Bad> {
    let Some(v) = value.filter(|v| !v.is_none()) else {
        return Ok(None);
    };
    let text: String = if let Ok(s) = v.extract::<String>() {
        s
    } else if v.hasattr("isoformat")? && v.hasattr("year")? {
        v.call_method0("isoformat")?.extract()?
    } else {
        return Err(Bad::Py(PyTypeError::new_err(format!(
            "published: expected a 'YYYY-MM-DD' string or a datetime.date, not {}",
            v.get_type().name()?
        ))));
    };
    if text.trim().is_empty() {
        return Ok(None);
    }
    Date::parse_published(&text)
        .map(Some)
        .map_err(|e| Bad::Py(PyValueError::new_err(format!("published: {e}"))))
}

/// The text of a document: a `str` (refused when it looks binary, as a text file would be)
/// or `bytes` (decoded as sitrep decodes files: BOM, UTF-16, Windows-1252 fallback).
fn text_of(
    v: &Bound<'_, PyAny>,
    what: &str,
) -> Result<Result<(String, Option<String>), Problem>, PyErr> {
    let limit = Limits::default().document_bytes();
    if let Ok(s) = v.cast::<PyString>() {
        // `to_cow`: the abi3 API before 3.10 has no borrowed UTF-8 view.
        let s = s.to_cow()?;
        if s.len() > limit {
            return Ok(Err(Problem::TooLarge {
                size: s.len() as u64,
                limit: limit as u64,
            }));
        }
        return Ok(sitrep_ingest::sniff_binary(s.as_bytes()).map(|()| (s.to_string(), None)));
    }
    if let Ok(b) = v.cast::<PyBytes>() {
        let b = b.as_bytes();
        if b.len() > limit {
            return Ok(Err(Problem::TooLarge {
                size: b.len() as u64,
                limit: limit as u64,
            }));
        }
        return Ok(sitrep_ingest::decode_text(b).map(|d| (d.text, d.warning)));
    }
    Err(PyTypeError::new_err(format!(
        "{what}: expected str or bytes, not {}",
        v.get_type().name()?
    )))
}

/// Builds one document. `default_id` names documents given without an id.
fn prepare(
    text: &Bound<'_, PyAny>,
    id: Option<String>,
    language: Option<&str>,
    published: Option<&Bound<'_, PyAny>>,
    default_id: &str,
) -> Result<Prepared, Bad> {
    let id = id
        .filter(|s| !s.trim().is_empty())
        .unwrap_or_else(|| default_id.to_string());
    let doc_err = |p: Problem| Bad::Doc(DocError::new(id.clone(), p));
    let (text, warning) = text_of(text, "text")?.map_err(doc_err)?;
    let language = parse_language(language).map_err(doc_err)?;
    let published = parse_published(published)?;
    let mut doc = Document::new(id.clone(), text);
    doc.language = language;
    doc.published = published;
    Ok(Prepared {
        warnings: warning.map(|w| format!("{id}: {w}")).into_iter().collect(),
        doc,
    })
}

/// One item of `extract_many`: a text (`str`/`bytes`) or a dict with `text` and optional
/// `id`, `language`, `published`, `title`, `url`, `outlet` (the JSON Lines fields; other
/// keys are ignored). Dict fields of the wrong kind are a problem of that document.
fn prepare_item(
    item: &Bound<'_, PyAny>,
    n: usize,
    language: Option<&str>,
    published: Option<&Bound<'_, PyAny>>,
) -> Result<Prepared, Bad> {
    let default_id = format!("item {n}");
    let Ok(d) = item.cast::<PyDict>() else {
        if item.is_instance_of::<PyString>() || item.is_instance_of::<PyBytes>() {
            return prepare(item, None, language, published, &default_id);
        }
        return Err(Bad::Py(PyTypeError::new_err(format!(
            "extract_many: item {n} is {}, not str, bytes or dict",
            item.get_type().name()?
        ))));
    };
    let id = match d.get_item("id")? {
        None => None,
        Some(v) if v.is_none() => None,
        Some(v) => {
            if let Ok(s) = v.extract::<String>() {
                Some(s)
            } else if let Ok(i) = v.extract::<i64>() {
                Some(i.to_string())
            } else {
                return Err(Bad::Doc(DocError::new(
                    default_id,
                    Problem::Field {
                        field: "id",
                        reason: format!(
                            "expected a string or an integer, not {}",
                            v.get_type().name()?
                        ),
                    },
                )));
            }
        }
    };
    let name = id.clone().unwrap_or_else(|| default_id.clone());
    let field = |field: &'static str, reason: String| {
        Bad::Doc(DocError::new(
            name.clone(),
            Problem::Field { field, reason },
        ))
    };
    let string_field = |key: &'static str| -> Result<Option<String>, Bad> {
        match d.get_item(key)? {
            None => Ok(None),
            Some(v) if v.is_none() => Ok(None),
            Some(v) => match v.extract::<String>() {
                Ok(s) => Ok(Some(s).filter(|s| !s.trim().is_empty())),
                Err(_) => Err(field(
                    key,
                    format!("expected a string, not {}", v.get_type().name()?),
                )),
            },
        }
    };
    let text = match d.get_item("text")? {
        Some(t) if !t.is_none() => t,
        _ => return Err(field("text", "missing".into())),
    };
    if !(text.is_instance_of::<PyString>() || text.is_instance_of::<PyBytes>()) {
        return Err(field(
            "text",
            format!("expected str or bytes, not {}", text.get_type().name()?),
        ));
    }
    let own_language = string_field("language")?;
    let own_published = d.get_item("published")?.filter(|v| !v.is_none());
    let mut p = prepare(
        &text,
        id,
        own_language.as_deref().or(language),
        own_published.as_ref().or(published),
        &default_id,
    )
    .map_err(|e| match e {
        // A bad date inside a record belongs to that record, as in JSON Lines.
        Bad::Py(err) if own_published.is_some() => field("published", err.to_string()),
        e => e,
    })?;
    p.doc.title = string_field("title")?;
    p.doc.url = string_field("url")?;
    p.doc.outlet = string_field("outlet")?;
    Ok(p)
}

fn options(tokens: bool) -> AnalyzeOptions {
    AnalyzeOptions {
        tokens,
        entities: true,
        events: true,
    }
}

#[pymethods]
impl PyPipeline {
    /// Loads the pipeline (German and English models, knowledge base, frames) from the data
    /// compiled into the package. Build it once and reuse it: it is thread-safe.
    #[new]
    fn new(py: Python<'_>) -> Self {
        PyPipeline {
            inner: Arc::new(py.detach(Pipeline::new)),
        }
    }

    /// Analyses one document and returns its ``sitrep/1`` analysis, with entities and events.
    ///
    /// ``text`` is a ``str`` or ``bytes`` (decoded as sitrep decodes files: BOM, UTF-16,
    /// else UTF-8 with a Windows-1252 fallback, under a warning). ``language`` is ``de``,
    /// ``en`` or ``None``/``"auto"`` to identify it; ``published`` (``YYYY-MM-DD`` or a
    /// ``datetime.date``) is what "heute" and "last Tuesday" resolve against; ``id`` names
    /// the document (default ``"text"``); ``tokens=True`` adds the tagged tokens.
    ///
    /// Raises ``DocumentError`` (a ``ValueError``) when the document cannot be analysed
    /// (binary data, an unsupported or unidentifiable language, over 64 MiB), ``ValueError``
    /// for a malformed ``published`` and ``TypeError`` for arguments of the wrong type.
    #[pyo3(signature = (text, language=None, published=None, id=None, *, tokens=false))]
    fn extract(
        &self,
        py: Python<'_>,
        text: &Bound<'_, PyAny>,
        language: Option<&str>,
        published: Option<&Bound<'_, PyAny>>,
        id: Option<String>,
        tokens: bool,
    ) -> PyResult<PyAnalysis> {
        let p = match prepare(text, id, language, published, "text") {
            Ok(p) => p,
            Err(Bad::Py(e)) => return Err(e),
            Err(Bad::Doc(e)) => return Err(raise_document_error(py, &e)),
        };
        warn(py, &p.warnings)?;
        let id = p.doc.id.clone();
        let pipeline = Arc::clone(&self.inner);
        let opts = options(tokens);
        match py.detach(move || pipeline.analyze(p.doc, &opts)) {
            Ok(a) => Ok(PyAnalysis { inner: a }),
            Err(problem) => Err(raise_document_error(py, &DocError::new(id, problem))),
        }
    }

    /// Analyses many documents in parallel with the GIL released; a list in input order.
    ///
    /// Each item of ``docs`` is a text (``str``/``bytes``, named ``item N`` by its place) or
    /// a dict with ``text`` and optional ``id``, ``language``, ``published``, ``title``,
    /// ``url``, ``outlet`` (the JSON Lines fields; other keys are ignored). ``language`` and
    /// ``published`` are the defaults for items that give none. ``threads`` defaults to one
    /// per core. The iterable is read 256 items at a time, so a generator works.
    ///
    /// ``errors="raise"`` raises the ``DocumentError`` of the first document that cannot be
    /// analysed; ``errors="return"`` puts it in the list in that document's place and goes
    /// on. An item that is not a text or a dict raises ``TypeError`` either way.
    #[pyo3(signature = (docs, threads=None, *, errors="raise", language=None, published=None, tokens=false))]
    #[allow(clippy::too_many_arguments)]
    fn extract_many(
        &self,
        py: Python<'_>,
        docs: &Bound<'_, PyAny>,
        threads: Option<usize>,
        errors: &str,
        language: Option<&str>,
        published: Option<&Bound<'_, PyAny>>,
        tokens: bool,
    ) -> PyResult<Py<PyList>> {
        let keep_errors = match errors {
            "raise" => false,
            "return" => true,
            other => {
                return Err(PyValueError::new_err(format!(
                    "errors must be \"raise\" or \"return\", not {other:?}"
                )))
            }
        };
        if threads == Some(0) {
            return Err(PyValueError::new_err("threads must be at least 1"));
        }
        // A bad default is the caller's mistake, not every document's: check it once.
        parse_language(language).map_err(|p| PyValueError::new_err(format!("language: {p}")))?;
        if let Err(Bad::Py(e)) = parse_published(published) {
            return Err(e);
        }
        let mut builder = rayon::ThreadPoolBuilder::new();
        if let Some(n) = threads {
            builder = builder.num_threads(n);
        }
        let pool = builder
            .build()
            .map_err(|e| PyValueError::new_err(format!("cannot start worker threads: {e}")))?;
        let opts = options(tokens);
        let out = PyList::empty(py);
        let mut iter = docs.try_iter()?;
        let mut n = 0usize;
        loop {
            // With the GIL: values → documents (or per-document errors).
            let mut chunk: Vec<Result<Document, DocError>> = Vec::with_capacity(CHUNK);
            let mut warnings = Vec::new();
            for item in iter.by_ref().take(CHUNK) {
                match prepare_item(&item?, n, language, published) {
                    Ok(p) => {
                        warnings.extend(p.warnings);
                        chunk.push(Ok(p.doc));
                    }
                    Err(Bad::Py(e)) => return Err(e),
                    Err(Bad::Doc(e)) => chunk.push(Err(e)),
                }
                n += 1;
            }
            if chunk.is_empty() {
                break;
            }
            warn(py, &warnings)?;
            // Without it: the pipeline on every core asked for.
            let pipeline = Arc::clone(&self.inner);
            let results: Vec<Result<Analysis, DocError>> = py.detach(|| {
                pool.install(|| {
                    chunk
                        .into_par_iter()
                        .map_init(Segmentation::default, |seg, d| {
                            let d = d?;
                            let id = d.id.clone();
                            pipeline
                                .analyze_with(d, &opts, seg)
                                .map_err(|p| DocError::new(id, p))
                        })
                        .collect()
                })
            });
            for r in results {
                match r {
                    Ok(a) => out.append(Py::new(py, PyAnalysis { inner: a })?)?,
                    Err(e) if keep_errors => out.append(document_error(py, &e)?)?,
                    Err(e) => return Err(raise_document_error(py, &e)),
                }
            }
        }
        Ok(out.unbind())
    }

    fn __repr__(&self) -> String {
        "sitrep.Pipeline()".to_string()
    }
}

/// `json.loads(text, object_hook=sitrep.Record)`: JSON objects become records with
/// attribute access.
fn records<'py>(py: Python<'py>, json: &str) -> PyResult<Bound<'py, PyAny>> {
    let record = py.import("sitrep._record")?.getattr("Record")?;
    let kwargs = PyDict::new(py);
    kwargs.set_item("object_hook", record)?;
    py.import("json")?
        .getattr("loads")?
        .call((json,), Some(&kwargs))
}

fn to_json<T: serde::Serialize + ?Sized>(v: &T) -> String {
    serde_json::to_string(v).expect("sitrep/1 values always serialise")
}

#[pymethods]
impl PyAnalysis {
    /// Reads one `sitrep/1` JSON object (a line of `sitrep extract`).
    #[staticmethod]
    fn from_json(json: &str) -> PyResult<Self> {
        let inner: Analysis = serde_json::from_str(json)
            .map_err(|e| PyValueError::new_err(format!("not a sitrep/1 analysis: {e}")))?;
        if inner.schema != sitrep_core::SCHEMA {
            return Err(PyValueError::new_err(format!(
                "not a sitrep/1 analysis: schema {:?}",
                inner.schema
            )));
        }
        Ok(PyAnalysis { inner })
    }

    /// The analysis as one line of `sitrep extract` JSON.
    fn to_json(&self) -> String {
        to_json(&self.inner)
    }

    /// The analysis as plain Python dicts and lists, equal to `json.loads` of the CLI's line.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py.import("json")?
            .getattr("loads")?
            .call1((to_json(&self.inner),))
    }

    #[getter]
    fn schema(&self) -> &str {
        &self.inner.schema
    }
    #[getter]
    fn id(&self) -> &str {
        &self.inner.id
    }
    #[getter]
    fn language(&self) -> Option<&'static str> {
        self.inner.language.map(Language::code)
    }
    #[getter]
    fn published(&self) -> Option<String> {
        self.inner.published.map(|d| d.to_string())
    }
    #[getter]
    fn title(&self) -> Option<&str> {
        self.inner.title.as_deref()
    }
    #[getter]
    fn url(&self) -> Option<&str> {
        self.inner.url.as_deref()
    }
    #[getter]
    fn outlet(&self) -> Option<&str> {
        self.inner.outlet.as_deref()
    }
    #[getter]
    fn text(&self) -> &str {
        &self.inner.text
    }
    #[getter]
    fn sentences<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        records(py, &to_json(&self.inner.sentences))
    }
    #[getter]
    fn tokens<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.inner
            .tokens
            .as_ref()
            .map(|t| records(py, &to_json(t)))
            .transpose()
    }
    #[getter]
    fn entities<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        records(py, &to_json(&self.inner.entities))
    }
    #[getter]
    fn events<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        records(py, &to_json(&self.inner.events))
    }
    #[getter]
    fn quotes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        records(py, &to_json(&self.inner.quotes))
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        match other.extract::<PyRef<PyAnalysis>>() {
            Ok(o) => o.inner == self.inner,
            Err(_) => false,
        }
    }

    fn __repr__(&self) -> String {
        format!(
            "sitrep.Analysis(id={:?}, language={}, sentences={}, entities={}, events={}, quotes={})",
            self.inner.id,
            self.inner.language.map_or("None", Language::code),
            self.inner.sentences.len(),
            self.inner.entities.len(),
            self.inner.events.len(),
            self.inner.quotes.len()
        )
    }

    /// Pickles through the JSON form (Spark, multiprocessing).
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        let from_json = slf.get_type().getattr("from_json")?;
        Ok((from_json, (to_json(&slf.get().inner),)))
    }
}

/// The columns of `events_table`: name, type (`utf8`, `uint32`, `float64`, `int64`) and
/// meaning, in the order of `sitrep export --format csv`.
#[pyfunction]
fn event_columns() -> Vec<(&'static str, &'static str, &'static str)> {
    CSV_COLUMNS
        .iter()
        .map(|(name, meaning)| {
            let ty = match column_type(name) {
                ColumnType::Utf8 => "utf8",
                ColumnType::UInt32 => "uint32",
                ColumnType::Float64 => "float64",
                ColumnType::Int64 => "int64",
            };
            (*name, ty, *meaning)
        })
        .collect()
}

/// One column's cells, typed as in the Parquet export.
enum Column {
    Utf8(Vec<Option<String>>),
    UInt32(Vec<Option<u32>>),
    Float64(Vec<Option<f64>>),
    Int64(Vec<Option<i64>>),
}

/// The events of `analyses` as columns (a list per column of `event_columns()`, then the
/// event JSON when `json`): one row per event, the cells of the CSV export, typed.
#[pyfunction]
#[pyo3(signature = (analyses, json=false))]
fn event_rows<'py>(
    py: Python<'py>,
    analyses: &Bound<'py, PyAny>,
    json: bool,
) -> PyResult<Vec<Bound<'py, PyAny>>> {
    let mut columns: Vec<Column> = CSV_COLUMNS
        .iter()
        .map(|(c, _)| match column_type(c) {
            ColumnType::Utf8 => Column::Utf8(Vec::new()),
            ColumnType::UInt32 => Column::UInt32(Vec::new()),
            ColumnType::Float64 => Column::Float64(Vec::new()),
            ColumnType::Int64 => Column::Int64(Vec::new()),
        })
        .collect();
    let mut event_json = Vec::new();
    for (n, item) in analyses.try_iter()?.enumerate() {
        let item = item?;
        let a = item.extract::<PyRef<PyAnalysis>>().map_err(|_| {
            let kind = item
                .get_type()
                .name()
                .map(|s| s.to_string())
                .unwrap_or_default();
            PyTypeError::new_err(format!(
                "events_table: item {n} is {kind}, not sitrep.Analysis (leave out the errors \
                 extract_many returned)"
            ))
        })?;
        for r in EventRecord::from_analysis(&a.inner) {
            for (cell, col) in csv_row(&r).into_iter().zip(columns.iter_mut()) {
                let cell = Some(cell).filter(|s| !s.is_empty());
                // The typed cells were written by `csv_row` from numbers, so they parse.
                match col {
                    Column::Utf8(v) => v.push(cell),
                    Column::UInt32(v) => v.push(cell.and_then(|s| s.parse().ok())),
                    Column::Float64(v) => v.push(cell.and_then(|s| s.parse().ok())),
                    Column::Int64(v) => v.push(cell.and_then(|s| s.parse().ok())),
                }
            }
            if json {
                event_json.push(to_json(&r.event));
            }
        }
    }
    let mut out = Vec::with_capacity(columns.len() + 1);
    for c in columns {
        out.push(match c {
            Column::Utf8(v) => v.into_pyobject(py)?.into_any(),
            Column::UInt32(v) => v.into_pyobject(py)?.into_any(),
            Column::Float64(v) => v.into_pyobject(py)?.into_any(),
            Column::Int64(v) => v.into_pyobject(py)?.into_any(),
        });
    }
    if json {
        out.push(event_json.into_pyobject(py)?.into_any());
    }
    Ok(out)
}

#[pymodule]
fn _sitrep(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyPipeline>()?;
    m.add_class::<PyAnalysis>()?;
    m.add_function(wrap_pyfunction!(event_columns, m)?)?;
    m.add_function(wrap_pyfunction!(event_rows, m)?)?;
    m.add("SCHEMA", sitrep_core::SCHEMA)?;
    m.add("ANALYSIS_VERSION", sitrep_pipeline::ANALYSIS_VERSION)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
