//! The reads an interactive client needs beyond `query` and `export` (the HTTP API of
//! `sitrep serve`): events page by page in a stable order, one event by its id, actors
//! with their event counts, events per day and type, the source→target network and the
//! places of events. The SQL is written once here over a [`Rows`] source; each backend
//! only runs it and returns plain values.

use crate::read::{where_clause, Dialect, EventRow, Param, EVERY_EVENT};
use crate::{CountsOut, EventRecord, Filter, Result, Stats};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// A plain column value, as the backends return it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
}

impl Value {
    fn text(self) -> Option<String> {
        match self {
            Value::Text(s) => Some(s),
            Value::Int(n) => Some(n.to_string()),
            Value::Real(x) => Some(x.to_string()),
            Value::Null => None,
        }
    }
    fn int(&self) -> i64 {
        match self {
            Value::Int(n) => *n,
            Value::Real(x) => *x as i64,
            Value::Text(s) => s.parse().unwrap_or(0),
            Value::Null => 0,
        }
    }
    fn count(&self) -> u64 {
        u64::try_from(self.int()).unwrap_or(0)
    }
}

/// What a backend provides for these reads: its dialect and a query returning all rows.
pub(crate) trait Rows {
    fn dialect(&self) -> Dialect;
    fn where_is(&self) -> &str;
    fn rows(&self, context: &str, sql: &str, params: Vec<Param>) -> Result<Vec<Vec<Value>>>;
}

/// Where an event stands in the day order of [`Store::each_event`](crate::Store::each_event):
/// its day and its row number in the store. A page ends at a key; the next page starts
/// after it, so paging sees every event once even while documents are added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventKey {
    pub day: Option<String>,
    pub row: i64,
}

/// An actor code with the number of matching events it takes part in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActorCount {
    pub code: String,
    /// Events with this actor as source or target.
    pub events: u64,
    pub as_source: u64,
    pub as_target: u64,
}

/// Events filed under one day with one type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DayCount {
    pub day: String,
    #[serde(rename = "type")]
    pub event_type: String,
    pub events: u64,
}

/// A directed source→target pair of actor codes with its events.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Edge {
    pub source: String,
    pub target: String,
    pub events: u64,
    /// The type most of its events have (ties: the alphabetically first).
    pub prevailing_type: String,
    /// Events per type, most frequent first.
    pub by_type: Vec<(String, u64)>,
}

/// Events per place code (a state's code) and MOBILIZE movements origin→destination.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PlaceStats {
    /// (place code, events with it as origin, destination or location), most first.
    pub places: Vec<(String, u64)>,
    /// (origin code, destination code, MOBILIZE events), most first.
    pub movements: Vec<(String, String, u64)>,
}

const PAGE_COLUMNS: &str = "SELECT e.id, e.json, e.cluster, e.day, e.evidence, d.doc_id, d.language, d.published, d.title, d.url, d.outlet
     FROM events e JOIN documents d ON d.id = e.document";

fn placeholder(d: Dialect, params: &mut Vec<Param>, p: Param) -> String {
    params.push(p);
    (d.placeholder)(params.len())
}

fn event_row(src: &dyn Rows, row: Vec<Value>) -> Result<(EventKey, EventRecord)> {
    let mut it = row.into_iter();
    let mut next = || it.next().unwrap_or(Value::Null);
    let id = next().int();
    let json = next().text().unwrap_or_default();
    let cluster = match next() {
        Value::Null => None,
        v => Some(v.int()),
    };
    let day = next().text();
    let r = EventRow {
        json,
        cluster,
        day: day.clone(),
        evidence: next().text().unwrap_or_default(),
        document: next().text().unwrap_or_default(),
        language: next().text(),
        published: next().text(),
        title: next().text(),
        url: next().text(),
        outlet: next().text(),
    };
    Ok((EventKey { day, row: id }, r.record(src.where_is())?))
}

/// Up to `limit` events matching `filter` after `after`, in day order.
pub(crate) fn events_page(
    src: &dyn Rows,
    filter: &Filter,
    after: Option<&EventKey>,
    limit: usize,
) -> Result<Vec<(EventKey, EventRecord)>> {
    let d = src.dialect();
    let (cond, mut params) = where_clause(filter, d);
    let mut sql = format!("{PAGE_COLUMNS}{cond}");
    // Days sort with events without a day first in both backends (see `Dialect`).
    match after {
        None => {}
        Some(EventKey { day: None, row }) => {
            let r = placeholder(d, &mut params, Param::Int(*row));
            sql.push_str(&format!(
                " AND ((e.day IS NULL AND e.id > {r}) OR e.day IS NOT NULL)"
            ));
        }
        Some(EventKey {
            day: Some(day),
            row,
        }) => {
            let a = placeholder(d, &mut params, Param::Text(day.clone()));
            let b = placeholder(d, &mut params, Param::Text(day.clone()));
            let r = placeholder(d, &mut params, Param::Int(*row));
            sql.push_str(&format!(
                " AND (e.day > {a} OR (e.day = {b} AND e.id > {r}))"
            ));
        }
    }
    let l = placeholder(
        d,
        &mut params,
        Param::Int(limit.min(i64::MAX as usize) as i64),
    );
    sql.push_str(&format!(" ORDER BY {}, e.id LIMIT {l}", d.day_order));
    src.rows("cannot query events", &sql, params)?
        .into_iter()
        .map(|row| event_row(src, row))
        .collect()
}

/// The event `event_id` of the stored document `doc_id`.
pub(crate) fn event(src: &dyn Rows, doc_id: &str, event_id: &str) -> Result<Option<EventRecord>> {
    let d = src.dialect();
    let mut params = Vec::new();
    let a = placeholder(d, &mut params, Param::Text(doc_id.into()));
    let b = placeholder(d, &mut params, Param::Text(event_id.into()));
    let sql = format!("{PAGE_COLUMNS} WHERE d.doc_id = {a} AND e.event = {b}");
    let row = src
        .rows("cannot read an event", &sql, params)?
        .into_iter()
        .next();
    row.map(|r| event_row(src, r).map(|(_, e)| e)).transpose()
}

/// Actors of the matching events, most events first (ties by code), at most `limit`.
pub(crate) fn actors(src: &dyn Rows, filter: &Filter, limit: usize) -> Result<Vec<ActorCount>> {
    let d = src.dialect();
    let (only, mut params) = matching(filter, d, "a.event");
    let l = placeholder(
        d,
        &mut params,
        Param::Int(limit.min(i64::MAX as usize) as i64),
    );
    let sql = format!(
        "SELECT a.code, COUNT(DISTINCT a.event),
                COUNT(DISTINCT CASE WHEN a.role = 'source' THEN a.event END),
                COUNT(DISTINCT CASE WHEN a.role = 'target' THEN a.event END)
         FROM event_actors a WHERE 1 = 1{only}
         GROUP BY a.code ORDER BY 2 DESC, a.code LIMIT {l}"
    );
    Ok(src
        .rows("cannot count actors", &sql, params)?
        .into_iter()
        .map(|r| ActorCount {
            code: r[0].clone().text().unwrap_or_default(),
            events: r[1].count(),
            as_source: r[2].count(),
            as_target: r[3].count(),
        })
        .collect())
}

/// The number of rows of each table, in one query.
pub(crate) fn counts(src: &dyn Rows) -> Result<crate::Counts> {
    const TABLES: [&str; 9] = [
        "documents",
        "reports",
        "events",
        "clusters",
        "entities",
        "mentions",
        "quotes",
        "citations",
        "event_actors",
    ];
    let columns: Vec<String> = TABLES
        .iter()
        .map(|t| format!("(SELECT count(*) FROM {t})"))
        .collect();
    let sql = format!("SELECT {}", columns.join(", "));
    let row = src.rows("cannot count", &sql, Vec::new())?;
    let n = |i: usize| row.first().and_then(|r| r.get(i)).map_or(0, Value::count);
    Ok(crate::Counts {
        documents: n(0),
        reports: n(1),
        events: n(2),
        clusters: n(3),
        entities: n(4),
        mentions: n(5),
        quotes: n(6),
        citations: n(7),
        event_actors: n(8),
    })
}

/// `sitrep stats`: the store's counts, events per day and per type, and the `top` most
/// frequent source→target pairs (ties by codes).
pub(crate) fn stats(src: &dyn Rows, c: crate::Counts, top: usize) -> Result<Stats> {
    let pairs = |sql: &str| -> Result<Vec<(String, u64)>> {
        Ok(src
            .rows("cannot count", sql, Vec::new())?
            .into_iter()
            .map(|r| (r[0].clone().text().unwrap_or_default(), r[1].count()))
            .collect())
    };
    let by_day =
        pairs("SELECT day, count(*) FROM events WHERE day IS NOT NULL GROUP BY day ORDER BY day")?;
    let by_type =
        pairs("SELECT type, count(*) AS n FROM events GROUP BY type ORDER BY n DESC, type")?;
    let mut params = Vec::new();
    let limit = placeholder(src.dialect(), &mut params, Param::Int(top as i64));
    let sql = format!(
        "SELECT s.code, t.code, count(DISTINCT s.event) AS n
         FROM event_actors s JOIN event_actors t ON t.event = s.event AND t.role = 'target'
         WHERE s.role = 'source' GROUP BY s.code, t.code ORDER BY n DESC, s.code, t.code LIMIT {limit}"
    );
    let by_actor_pair = src
        .rows("cannot count", &sql, params)?
        .into_iter()
        .map(|r| {
            let mut it = r.into_iter();
            let mut next = || it.next().unwrap_or(Value::Null);
            let (s, t) = (
                next().text().unwrap_or_default(),
                next().text().unwrap_or_default(),
            );
            (s, t, next().count())
        })
        .collect();
    Ok(Stats {
        counts: CountsOut {
            documents: c.documents,
            reports: c.reports,
            events: c.events,
            clusters: c.clusters,
        },
        by_day,
        by_type,
        by_actor_pair,
    })
}

/// Matching events per day and type, by day then type; events without a day are left out.
pub(crate) fn timeline(src: &dyn Rows, filter: &Filter) -> Result<Vec<DayCount>> {
    let (cond, params) = where_clause(filter, src.dialect());
    let sql = format!(
        "SELECT e.day, e.type, COUNT(*) FROM events e{cond} AND e.day IS NOT NULL
         GROUP BY e.day, e.type ORDER BY e.day, e.type"
    );
    Ok(src
        .rows("cannot count events per day", &sql, params)?
        .into_iter()
        .map(|r| DayCount {
            day: r[0].clone().text().unwrap_or_default(),
            event_type: r[1].clone().text().unwrap_or_default(),
            events: r[2].count(),
        })
        .collect())
}

/// Source→target edges of the matching events, most events first (ties by codes), at
/// most `limit`.
pub(crate) fn network(src: &dyn Rows, filter: &Filter, limit: usize) -> Result<Vec<Edge>> {
    // The actor rows are read in one pass and paired here: a self-join grouped in SQL
    // needs two temporary B-trees and took 5–10 times as long on 100,000 events.
    // `event_actors.type` is the event's type, kept there for clustering.
    let (only, params) = matching(filter, src.dialect(), "a.event");
    let sql =
        format!("SELECT a.event, a.role, a.code, a.type FROM event_actors a WHERE 1 = 1{only}");
    // Codes and types are few: number them, so that the rows sort and count as integers.
    let mut names: Vec<String> = Vec::new();
    let mut number: HashMap<String, u32> = HashMap::new();
    let mut intern = |v: Option<Value>| {
        let text = v.and_then(Value::text).unwrap_or_default();
        *number.entry(text).or_insert_with_key(|t| {
            names.push(t.clone());
            (names.len() - 1) as u32
        })
    };
    // (event, is a target, code, type)
    let mut rows: Vec<(i64, bool, u32, u32)> = src
        .rows("cannot count actor pairs", &sql, params)?
        .into_iter()
        .map(|r| {
            let mut it = r.into_iter();
            let event = it.next().map_or(0, |v| v.int());
            let target = it.next().and_then(Value::text).as_deref() != Some("source");
            (event, target, intern(it.next()), intern(it.next()))
        })
        .collect();
    rows.sort_unstable();
    rows.dedup();
    // Each event counts once per (source, target) pair, whatever its number of mentions.
    let mut counts: HashMap<(u32, u32, u32), u64> = HashMap::new();
    for event in rows.chunk_by(|a, b| a.0 == b.0) {
        let split = event.partition_point(|r| !r.1);
        let (sources, targets) = event.split_at(split);
        for s in sources {
            for t in targets {
                *counts.entry((s.2, t.2, s.3)).or_default() += 1;
            }
        }
    }
    let mut pairs: BTreeMap<(String, String), Vec<(String, u64)>> = BTreeMap::new();
    for ((s, t, ty), n) in counts {
        let (s, t, ty) = (&names[s as usize], &names[t as usize], &names[ty as usize]);
        pairs
            .entry((s.clone(), t.clone()))
            .or_default()
            .push((ty.clone(), n));
    }
    let mut edges: Vec<Edge> = pairs
        .into_iter()
        .map(|((source, target), mut by_type)| {
            by_type.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            Edge {
                source,
                target,
                events: by_type.iter().map(|t| t.1).sum(),
                prevailing_type: by_type[0].0.clone(),
                by_type,
            }
        })
        .collect();
    edges.sort_by(|a, b| {
        b.events
            .cmp(&a.events)
            .then_with(|| (&a.source, &a.target).cmp(&(&b.source, &b.target)))
    });
    edges.truncate(limit);
    Ok(edges)
}

/// Matching events per place code and the MOBILIZE movements among them.
pub(crate) fn places(src: &dyn Rows, filter: &Filter) -> Result<PlaceStats> {
    let d = src.dialect();
    let (only, params) = matching(filter, d, "p.event");
    let sql = format!(
        "SELECT p.code, COUNT(DISTINCT p.event) FROM event_places p
         WHERE p.code IS NOT NULL{only}
         GROUP BY p.code ORDER BY 2 DESC, p.code"
    );
    let places = src
        .rows("cannot count places", &sql, params)?
        .into_iter()
        .map(|r| (r[0].clone().text().unwrap_or_default(), r[1].count()))
        .collect();
    let (cond, params) = where_clause(filter, d);
    let sql = format!(
        "SELECT o.code, t.code, COUNT(DISTINCT e.id)
         FROM events e
         JOIN event_places o ON o.event = e.id AND o.role = 'origin' AND o.code IS NOT NULL
         JOIN event_places t ON t.event = e.id AND t.role = 'destination' AND t.code IS NOT NULL{cond}
           AND e.type = 'MOBILIZE' AND o.code <> t.code
         GROUP BY o.code, t.code ORDER BY 3 DESC, o.code, t.code"
    );
    let movements = src
        .rows("cannot count movements", &sql, params)?
        .into_iter()
        .map(|r| {
            (
                r[0].clone().text().unwrap_or_default(),
                r[1].clone().text().unwrap_or_default(),
                r[2].count(),
            )
        })
        .collect();
    Ok(PlaceStats { places, movements })
}

/// ` AND {column} IN (the matching events)`, or nothing when the filter matches every
/// event: the subquery would only add a scan of all events.
fn matching(filter: &Filter, d: Dialect, column: &str) -> (String, Vec<Param>) {
    let (cond, params) = where_clause(filter, d);
    if cond == EVERY_EVENT {
        return (String::new(), params);
    }
    (
        format!(" AND {column} IN (SELECT e.id FROM events e{cond})"),
        params,
    )
}

/// The [`Store`](crate::Store) methods of this module for a backend that is [`Rows`].
macro_rules! store_reads {
    () => {
        fn events_page(
            &self,
            filter: &crate::Filter,
            after: Option<&crate::EventKey>,
            limit: usize,
        ) -> crate::Result<Vec<(crate::EventKey, crate::EventRecord)>> {
            crate::read_api::events_page(self, filter, after, limit)
        }
        fn event(&self, doc_id: &str, event_id: &str) -> crate::Result<Option<crate::EventRecord>> {
            crate::read_api::event(self, doc_id, event_id)
        }
        fn actors(
            &self,
            filter: &crate::Filter,
            limit: usize,
        ) -> crate::Result<Vec<crate::ActorCount>> {
            crate::read_api::actors(self, filter, limit)
        }
        fn timeline(&self, filter: &crate::Filter) -> crate::Result<Vec<crate::DayCount>> {
            crate::read_api::timeline(self, filter)
        }
        fn network(&self, filter: &crate::Filter, limit: usize) -> crate::Result<Vec<crate::Edge>> {
            crate::read_api::network(self, filter, limit)
        }
        fn places(&self, filter: &crate::Filter) -> crate::Result<crate::PlaceStats> {
            crate::read_api::places(self, filter)
        }
    };
}
pub(crate) use store_reads;
