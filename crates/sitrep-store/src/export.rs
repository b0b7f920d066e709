//! What query and export write: one [`EventRecord`] per event (JSON Lines: the `sitrep/1`
//! event with its document's metadata; CSV: the flattened [`CSV_COLUMNS`]) and one
//! [`ClusterRecord`] per cluster.

use crate::write::event_day;
use serde::{Deserialize, Serialize};
use sitrep_core::{Analysis, Date, Event, Language};
use std::borrow::Cow;

/// A stored event with the document it comes from. Its JSON form is one line of
/// `sitrep export --format jsonl`; `event` is exactly the `sitrep/1` event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventRecord {
    /// Always `sitrep/1`.
    pub schema: String,
    /// The document's id.
    pub document: String,
    pub language: Option<Language>,
    pub published: Option<Date>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub outlet: Option<String>,
    /// The day the event is filed under: its date when that names a day, else the
    /// document's publication date.
    pub day: Option<String>,
    /// The words of the event's evidence span.
    pub evidence_text: String,
    /// The cross-article cluster it belongs to.
    pub cluster: Option<i64>,
    pub event: Event,
}

impl EventRecord {
    /// The records of an analysis's events in order, as they are filed before clustering
    /// (`cluster` none): what the Python package's `events_table` flattens without a store.
    pub fn from_analysis(a: &Analysis) -> impl Iterator<Item = EventRecord> + '_ {
        a.events.iter().map(move |e| EventRecord {
            schema: sitrep_core::SCHEMA.to_string(),
            document: a.id.clone(),
            language: a.language,
            published: a.published,
            title: a.title.clone(),
            url: a.url.clone(),
            outlet: a.outlet.clone(),
            day: event_day(e, a),
            evidence_text: a.text.get(e.evidence.range()).unwrap_or("").to_string(),
            cluster: None,
            event: e.clone(),
        })
    }
}

/// A cluster: one event as reported across documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClusterRecord {
    pub id: i64,
    #[serde(rename = "type")]
    pub event_type: String,
    pub sources: Vec<String>,
    pub targets: Vec<String>,
    pub places: Vec<String>,
    pub first_day: String,
    pub last_day: String,
    /// Events in it.
    pub events: u64,
    /// Reports of those events: their documents and the documents' stored copies.
    pub documents: u64,
    /// Distinct outlets among those reports.
    pub outlets: u64,
    /// Every event in it: (document id, event id).
    pub members: Vec<(String, String)>,
}

/// The CSV columns of `sitrep export --format csv` and `sitrep query --format csv`, in
/// order. Several values in one field are joined with `|`; absent values are empty.
pub const CSV_COLUMNS: &[(&str, &str)] = &[
    ("document", "document id"),
    ("event", "event id within the document"),
    ("published", "document publication date"),
    ("outlet", "document outlet"),
    ("url", "document URL"),
    ("type", "PLOVER event type"),
    ("mode", "PLOVER mode"),
    ("cameo", "CAMEO code"),
    ("modality", "asserted, planned, negated, …"),
    ("source", "source actor codes"),
    ("target", "target actor codes"),
    ("origin", "origin place codes (names where no code)"),
    (
        "destination",
        "destination place codes (names where no code)",
    ),
    ("location", "location place codes (names where no code)"),
    ("date", "resolved event date (ISO, any granularity)"),
    ("date_granularity", "day, week, month, year"),
    ("day", "the day the event is filed under"),
    ("quantity", "counted amount"),
    ("quantity_unit", "what is counted (lemma)"),
    ("reported_by", "cited sources' names"),
    ("speaker", "speaker's name"),
    ("trigger", "trigger words"),
    ("evidence_start", "evidence byte offset (inclusive)"),
    ("evidence_end", "evidence byte offset (exclusive)"),
    ("evidence", "evidence words"),
    ("confidence", "extraction confidence"),
    ("rule", "the frame rule that fired"),
    ("cluster", "cross-article cluster id"),
];

/// The type of a [`CSV_COLUMNS`] column in typed exports (Parquet and the Python
/// package's Arrow tables); absent values are null there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnType {
    Utf8,
    UInt32,
    Float64,
    Int64,
}

/// The typed form of a column: offsets UInt32, quantity and confidence Float64 (confidence
/// holds the value its CSV text reads as, `0.9` not `0.8999999761581421`), cluster Int64,
/// the rest UTF-8.
pub fn column_type(column: &str) -> ColumnType {
    match column {
        "evidence_start" | "evidence_end" => ColumnType::UInt32,
        "quantity" | "confidence" => ColumnType::Float64,
        "cluster" => ColumnType::Int64,
        _ => ColumnType::Utf8,
    }
}

pub fn csv_header() -> Vec<String> {
    CSV_COLUMNS.iter().map(|(c, _)| c.to_string()).collect()
}

/// One typed field of an event row: what CSV writes as text and Parquet as a typed value.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell<'a> {
    Text(Cow<'a, str>),
    UInt(u32),
    /// Kept as `f32` (the analysis's type) so that CSV prints it as the analysis does.
    Float32(f32),
    Float(f64),
    Int(i64),
    Null,
}

impl Cell<'_> {
    /// The CSV text: numbers as Rust prints them, absent values empty.
    pub fn to_text(&self) -> String {
        match self {
            Cell::Text(s) => s.to_string(),
            Cell::UInt(n) => n.to_string(),
            Cell::Float32(x) => x.to_string(),
            Cell::Float(x) => x.to_string(),
            Cell::Int(n) => n.to_string(),
            Cell::Null => String::new(),
        }
    }
}

/// The fields of one event, in [`CSV_COLUMNS`] order.
pub fn cells(r: &EventRecord) -> Vec<Cell<'_>> {
    let e = &r.event;
    fn borrowed(s: &str) -> Cell<'_> {
        Cell::Text(Cow::Borrowed(s))
    }
    fn opt(s: &Option<String>) -> Cell<'_> {
        s.as_deref().map(borrowed).unwrap_or(Cell::Null)
    }
    fn joined<'a>(parts: Vec<&'a str>) -> Cell<'a> {
        match parts.as_slice() {
            [] => Cell::Null,
            [one] => borrowed(one),
            _ => Cell::Text(Cow::Owned(parts.join("|"))),
        }
    }
    fn actors(v: &[sitrep_core::EventActor]) -> Vec<&str> {
        v.iter().map(|a| a.code.as_str()).collect()
    }
    fn places(v: &[sitrep_core::EventPlace]) -> Vec<&str> {
        v.iter()
            .map(|p| p.code.as_deref().unwrap_or(&p.name))
            .collect()
    }
    let row = vec![
        borrowed(&r.document),
        borrowed(&e.id),
        r.published
            .map(|d| Cell::Text(Cow::Owned(d.to_string())))
            .unwrap_or(Cell::Null),
        opt(&r.outlet),
        opt(&r.url),
        borrowed(e.event_type.as_str()),
        opt(&e.mode),
        opt(&e.cameo),
        borrowed(e.modality.as_str()),
        joined(actors(&e.source)),
        joined(actors(&e.target)),
        joined(places(&e.origin)),
        joined(places(&e.destination)),
        joined(places(&e.location)),
        e.date
            .as_ref()
            .and_then(|d| d.value.as_deref())
            .map(borrowed)
            .unwrap_or(Cell::Null),
        e.date
            .as_ref()
            .map(|d| borrowed(&d.granularity))
            .unwrap_or(Cell::Null),
        opt(&r.day),
        e.quantity
            .as_ref()
            .and_then(|q| q.value)
            .map(Cell::Float)
            .unwrap_or(Cell::Null),
        e.quantity
            .as_ref()
            .and_then(|q| q.unit.as_deref())
            .map(borrowed)
            .unwrap_or(Cell::Null),
        joined(
            e.reported_by
                .iter()
                .map(|c| c.name.as_deref().unwrap_or(&c.text))
                .collect(),
        ),
        e.speaker
            .as_ref()
            .map(|s| borrowed(&s.name))
            .unwrap_or(Cell::Null),
        borrowed(&e.trigger.text),
        Cell::UInt(e.evidence.start),
        Cell::UInt(e.evidence.end),
        borrowed(&r.evidence_text),
        Cell::Float32(e.confidence),
        borrowed(&e.rule),
        r.cluster.map(Cell::Int).unwrap_or(Cell::Null),
    ];
    debug_assert_eq!(row.len(), CSV_COLUMNS.len());
    row
}

/// The CSV fields of one event, in [`CSV_COLUMNS`] order.
pub fn csv_row(r: &EventRecord) -> Vec<String> {
    cells(r).iter().map(Cell::to_text).collect()
}

/// Writes one CSV field (RFC 4180: quoted when it holds a comma, quote or line break).
pub fn write_csv_field(out: &mut String, field: &str) {
    if field.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(field);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_of_an_analysis_carry_day_and_evidence() {
        let mut doc = sitrep_core::Document::new("d", "Russland droht. Am 3. März griff es an.");
        doc.published = Some("2022-03-01".parse().unwrap());
        let mut a = Analysis::from_document(doc);
        let m = |s: usize, e: usize| sitrep_core::Mention {
            start: s as u32,
            end: e as u32,
            text: a.text[s..e].to_string(),
        };
        let threat = Event::new(
            "v1",
            sitrep_core::EventType::Threaten,
            m(9, 14),
            sitrep_core::Span::new(0, 15),
        );
        let mut attack = Event::new(
            "v2",
            sitrep_core::EventType::Assault,
            m(28, 33),
            sitrep_core::Span::new(16, 40),
        );
        attack.date = Some(sitrep_core::EventDate {
            value: Some("2022-03-03".into()),
            granularity: "day".into(),
            text: "Am 3. März".into(),
            start: 16,
            end: 27,
        });
        a.events = vec![threat, attack];
        let r: Vec<EventRecord> = EventRecord::from_analysis(&a).collect();
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].day.as_deref(), Some("2022-03-01"), "publication date");
        assert_eq!(
            r[1].day.as_deref(),
            Some("2022-03-03"),
            "the event's own day"
        );
        assert_eq!(r[0].evidence_text, "Russland droht.");
        assert_eq!(r[1].event.id, "v2");
        assert_eq!(csv_row(&r[1])[1], "v2");
        assert_eq!(column_type("evidence_start"), ColumnType::UInt32);
        assert_eq!(column_type("document"), ColumnType::Utf8);
    }

    #[test]
    fn csv_fields_are_quoted_when_needed() {
        let mut s = String::new();
        write_csv_field(&mut s, "plain");
        s.push(',');
        write_csv_field(&mut s, "a \"b\", c\nd");
        assert_eq!(s, "plain,\"a \"\"b\"\", c\nd\"");
    }
}
