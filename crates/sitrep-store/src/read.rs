//! What reading shares between backends: filters as SQL conditions with parameters, and
//! stored rows turned back into records.

use crate::{EventRecord, Filter, Result, StoreError};
use sitrep_core::{Document, Event};

/// A parameter of a filter condition.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Param {
    Text(String),
    Int(i64),
}

/// How a backend writes the n-th (1-based) parameter and a case-insensitive `LIKE`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Dialect {
    pub placeholder: fn(usize) -> String,
    /// SQLite's `LIKE` ignores the case of ASCII letters; PostgreSQL needs `ILIKE`.
    pub like: &'static str,
    /// Events without a day first, as SQLite sorts `NULL` (PostgreSQL needs `NULLS
    /// FIRST`), so that both backends list and export in one order.
    pub day_order: &'static str,
}

/// The exclusive upper bound of codes starting with `prefix` (byte order; the code columns
/// compare bytewise in both backends).
fn prefix_end(prefix: &str) -> String {
    format!("{prefix}\u{10FFFF}")
}

/// The query of [`Store::each_event`](crate::Store::each_event): the filter's events in
/// day order, `LIMIT` as one more parameter.
pub(crate) fn events_query(f: &Filter, dialect: Dialect) -> (String, Vec<Param>) {
    let (cond, params) = where_clause(f, dialect);
    limited(
        format!("{EVENT_COLUMNS}{cond} ORDER BY {}, e.id", dialect.day_order),
        params,
        f,
        dialect,
    )
}

/// The query of [`Store::clusters`](crate::Store::clusters): the clusters of the filter's
/// events, most reported first.
pub(crate) fn clusters_query(f: &Filter, dialect: Dialect) -> (String, Vec<Param>) {
    let (cond, params) = where_clause(f, dialect);
    let sql = format!(
        "SELECT c.id, c.type, c.source_codes, c.target_codes, c.place_codes, c.day_first, c.day_last,
                c.events, c.documents, c.outlets
         FROM clusters c WHERE c.id IN (SELECT e.cluster FROM events e{cond})
         ORDER BY c.documents DESC, c.events DESC, c.id"
    );
    limited(sql, params, f, dialect)
}

fn limited(
    mut sql: String,
    mut params: Vec<Param>,
    f: &Filter,
    dialect: Dialect,
) -> (String, Vec<Param>) {
    if let Some(l) = f.limit {
        params.push(Param::Int(l as i64));
        sql.push_str(" LIMIT ");
        sql.push_str(&(dialect.placeholder)(params.len()));
    }
    (sql, params)
}

/// SQL conditions (starting with ` WHERE`) and their parameters for a filter over
/// `events e`. Every value is a parameter; only our own constants are spliced in.
/// The condition [`where_clause`] gives a filter that matches every event.
pub(crate) const EVERY_EVENT: &str = " WHERE 1 = 1";

pub(crate) fn where_clause(f: &Filter, dialect: Dialect) -> (String, Vec<Param>) {
    let mut sql = String::from(EVERY_EVENT);
    let mut p: Vec<Param> = Vec::new();
    let mut push = |sql: &mut String, cond: &str, vals: Vec<Param>| {
        // Number each `?` after the parameters already taken.
        let mut parts = cond.split('?');
        sql.push_str(" AND ");
        sql.push_str(parts.next().unwrap_or_default());
        for (part, v) in parts.zip(vals) {
            p.push(v);
            sql.push_str(&(dialect.placeholder)(p.len()));
            sql.push_str(part);
        }
    };
    if let Some(t) = f.event_type {
        push(&mut sql, "e.type = ?", vec![Param::Text(t.as_str().into())]);
    }
    if let Some(m) = f.modality {
        push(
            &mut sql,
            "e.modality = ?",
            vec![Param::Text(m.as_str().into())],
        );
    }
    if let Some(d) = f.since {
        push(&mut sql, "e.day >= ?", vec![Param::Text(d.to_string())]);
    }
    if let Some(d) = f.until {
        push(&mut sql, "e.day <= ?", vec![Param::Text(d.to_string())]);
    }
    for (code, role) in [
        (&f.actor, None),
        (&f.source, Some("source")),
        (&f.target, Some("target")),
    ] {
        if let Some(c) = code {
            let vals = vec![Param::Text(c.clone()), Param::Text(prefix_end(c))];
            match role {
                None => push(
                    &mut sql,
                    "e.id IN (SELECT event FROM event_actors WHERE code >= ? AND code < ?)",
                    vals,
                ),
                Some(r) => push(
                    &mut sql,
                    &format!("e.id IN (SELECT event FROM event_actors WHERE code >= ? AND code < ? AND role = '{r}')"),
                    vals,
                ),
            }
        }
    }
    if let Some(c) = &f.place {
        push(
            &mut sql,
            "e.id IN (SELECT event FROM event_places WHERE code = ?)",
            vec![Param::Text(c.clone())],
        );
    }
    for w in &f.text {
        let escaped = w
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_");
        push(
            &mut sql,
            &format!("e.evidence {} ? ESCAPE '\\'", dialect.like),
            vec![Param::Text(format!("%{escaped}%"))],
        );
    }
    (sql, p)
}

/// The columns an event record is read from, in the order of [`EVENT_COLUMNS`].
pub(crate) struct EventRow {
    pub json: String,
    pub cluster: Option<i64>,
    pub day: Option<String>,
    pub evidence: String,
    pub document: String,
    pub language: Option<String>,
    pub published: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub outlet: Option<String>,
}

/// The select list and join that [`EventRow`] reads.
pub(crate) const EVENT_COLUMNS: &str = "SELECT e.json, e.cluster, e.day, e.evidence, d.doc_id, d.language, d.published, d.title, d.url, d.outlet
     FROM events e JOIN documents d ON d.id = e.document";

impl EventRow {
    /// The record, or an error naming the document when a stored value does not parse.
    pub fn record(self, location: &str) -> Result<EventRecord> {
        let bad = |reason: String| StoreError::Document {
            path: location.to_string(),
            doc: self.document.clone(),
            reason,
        };
        let event: Event = serde_json::from_str(&self.json)
            .map_err(|e| bad(format!("stored event is not valid sitrep/1 JSON: {e}")))?;
        Ok(EventRecord {
            schema: sitrep_core::SCHEMA.to_string(),
            language: self
                .language
                .map(|l| l.parse())
                .transpose()
                .map_err(|e| bad(format!("stored language: {e}")))?,
            published: self
                .published
                .map(|p| p.parse())
                .transpose()
                .map_err(|e| bad(format!("stored date: {e}")))?,
            document: self.document,
            title: self.title,
            url: self.url,
            outlet: self.outlet,
            day: self.day,
            evidence_text: self.evidence,
            cluster: self.cluster,
            event,
        })
    }
}

/// A stored document's fields as read back for reanalysis.
pub(crate) struct DocumentFields {
    pub id: String,
    pub text: String,
    pub language: Option<String>,
    pub published: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub outlet: Option<String>,
}

impl DocumentFields {
    pub fn document(self, location: &str) -> Result<Document> {
        let bad = |reason: String| StoreError::Document {
            path: location.to_string(),
            doc: self.id.clone(),
            reason,
        };
        let language = self
            .language
            .map(|l| l.parse())
            .transpose()
            .map_err(|e| bad(format!("stored language: {e}")))?;
        let published = self
            .published
            .map(|p| p.parse())
            .transpose()
            .map_err(|e| bad(format!("stored date: {e}")))?;
        Ok(Document {
            id: self.id,
            text: self.text,
            language,
            published,
            title: self.title,
            url: self.url,
            outlet: self.outlet,
        })
    }
}

/// A stored analysis with its text put back.
pub(crate) fn analysis(
    location: &str,
    doc_id: &str,
    json: &str,
    text: String,
) -> Result<sitrep_core::Analysis> {
    let mut a: sitrep_core::Analysis =
        serde_json::from_str(json).map_err(|e| StoreError::Document {
            path: location.to_string(),
            doc: doc_id.to_string(),
            reason: format!("stored analysis is not valid sitrep/1 JSON: {e}"),
        })?;
    a.text = text;
    Ok(a)
}

#[cfg(test)]
mod tests {
    use super::*;

    const QMARK: Dialect = Dialect {
        placeholder: |n| format!("?{n}"),
        like: "LIKE",
        day_order: "e.day",
    };
    const DOLLAR: Dialect = Dialect {
        placeholder: |n| format!("${n}"),
        like: "ILIKE",
        day_order: "e.day NULLS FIRST",
    };

    #[test]
    fn the_limit_is_the_parameter_after_the_filters_in_each_dialect() {
        let f = Filter {
            actor: Some("RUS".into()),
            text: vec!["Truppen".into()],
            limit: Some(7),
            ..Filter::default()
        };
        for (d, last) in [(QMARK, "?"), (DOLLAR, "$")] {
            for (sql, params) in [events_query(&f, d), clusters_query(&f, d)] {
                let n = params.len();
                assert_eq!(params.last(), Some(&Param::Int(7)), "{sql}");
                assert!(sql.ends_with(&format!(" LIMIT {last}{n}")), "{sql}");
                // every parameter is referenced by the SQL
                for i in 1..=n {
                    assert!(sql.contains(&format!("{last}{i}")), "{i} in {sql}");
                }
            }
        }
        let unlimited = Filter { limit: None, ..f };
        let (sql, params) = events_query(&unlimited, QMARK);
        assert!(!sql.contains("LIMIT"), "{sql}");
        assert!(!params.contains(&Param::Int(7)));
        assert!(sql.contains("ORDER BY e.day, e.id"));
        assert!(clusters_query(&unlimited, QMARK)
            .0
            .contains("ORDER BY c.documents DESC"));
    }
}
