//! What a batch stores, shared by every backend: the per-document decisions (already
//! stored, a copy, new), the rows an analysis becomes, cluster assignment and recounting.
//! A backend implements [`Tx`], the primitive statements inside one write transaction;
//! only their SQL and connection handling differ between SQLite and PostgreSQL.

use crate::cluster::{self, join_codes, split_codes, Codes};
use crate::{
    BatchOutcome, ClusterSettings, Incoming, NewDocument, NewReport, ReportKind, Result, StoreError,
};
use sitrep_core::{Analysis, Citation, Entity, Event, EventActor, EventPlace, Mention, Quote};
use std::collections::BTreeSet;

/// A document row, its values derived once for every backend.
pub(crate) struct DocumentRow<'a> {
    pub doc_id: &'a str,
    pub text_hash: String,
    pub signature: Option<&'a [u8]>,
    pub text: &'a str,
    pub language: Option<&'static str>,
    pub published: Option<String>,
    pub title: Option<&'a str>,
    pub url: Option<&'a str>,
    pub outlet: Option<&'a str>,
    pub version: u32,
    pub analysis: String,
}

/// A report row: a further copy of stored document `document`.
pub(crate) struct ReportRow<'a> {
    pub document: i64,
    pub doc_id: &'a str,
    pub text_hash: String,
    pub kind: &'static str,
    pub similarity: Option<f32>,
    pub published: Option<String>,
    pub title: Option<&'a str>,
    pub url: Option<&'a str>,
    pub outlet: Option<&'a str>,
}

/// An event row of document `document`.
pub(crate) struct EventRow<'a> {
    pub document: i64,
    pub event: &'a Event,
    pub event_type: &'static str,
    pub modality: &'static str,
    pub codes: &'a Codes,
    pub date: Option<&'a str>,
    pub date_granularity: Option<&'a str>,
    pub day: Option<&'a str>,
    pub quantity: Option<f64>,
    pub quantity_unit: Option<&'a str>,
    pub evidence: &'a str,
    pub json: String,
}

/// What `event_actors` repeats of its event for the cluster lookup.
pub(crate) struct ActorKey<'a> {
    pub root: &'a str,
    pub event_type: &'static str,
    pub day: Option<&'a str>,
}

/// The statements of one write transaction. Row ids are the backend's integer keys.
pub(crate) trait Tx {
    /// Is `doc_id` stored, as a document or a report?
    fn id_known(&mut self, doc_id: &str) -> Result<bool>;
    /// The stored document with this text hash (directly or through a report).
    fn document_with_hash(&mut self, hash: &str) -> Result<Option<i64>>;
    /// The stored document `doc_id` names, following a report to its document.
    fn document_row(&mut self, doc_id: &str) -> Result<Option<i64>>;
    /// The document stored under `doc_id` itself (not a report).
    fn own_document_row(&mut self, doc_id: &str) -> Result<Option<i64>>;
    fn insert_report(&mut self, r: &ReportRow<'_>) -> Result<()>;
    fn insert_document(&mut self, d: &DocumentRow<'_>) -> Result<i64>;
    fn insert_signature_key(&mut self, document: i64, key: i64) -> Result<()>;
    fn insert_entity(&mut self, document: i64, e: &Entity) -> Result<()>;
    fn insert_mention(&mut self, document: i64, entity: &str, m: &Mention) -> Result<()>;
    fn insert_quote(&mut self, document: i64, q: &Quote) -> Result<()>;
    fn insert_event(&mut self, e: &EventRow<'_>) -> Result<i64>;
    fn insert_actor(
        &mut self,
        event: i64,
        role: &'static str,
        a: &EventActor,
        key: &ActorKey<'_>,
    ) -> Result<()>;
    fn insert_place(&mut self, event: i64, role: &'static str, p: &EventPlace) -> Result<()>;
    fn insert_citation(&mut self, event: i64, c: &Citation) -> Result<()>;
    /// Clusters of events other than `event` that have an actor with one of these (root,
    /// role) keys, of this type, on a day in `first..=last`.
    fn cluster_candidates(
        &mut self,
        keys: &[(&str, &'static str)],
        event_type: &str,
        first: &str,
        last: &str,
        event: i64,
    ) -> Result<Vec<i64>>;
    fn cluster_codes(&mut self, cluster: i64) -> Result<Codes>;
    /// [`Tx::cluster_codes`] of each of `clusters`, in their order (a backend may read
    /// them at once).
    fn clusters_codes(&mut self, clusters: &[i64]) -> Result<Vec<Codes>> {
        clusters.iter().map(|&c| self.cluster_codes(c)).collect()
    }
    /// Sets a cluster's codes, widens its days to `day` and counts one event more.
    fn grow_cluster(&mut self, cluster: i64, codes: &Codes, day: &str) -> Result<()>;
    fn new_cluster(&mut self, event_type: &str, codes: &Codes, day: &str) -> Result<i64>;
    fn set_event_cluster(&mut self, event: i64, cluster: i64) -> Result<()>;
    /// The clusters of a document's events.
    fn document_clusters(&mut self, document: i64) -> Result<Vec<i64>>;
    /// Recounts a cluster's events, reports, outlets and days; deletes it when empty.
    fn recount_cluster(&mut self, cluster: i64) -> Result<()>;
    /// [`Tx::recount_cluster`] for each of `clusters` (a backend may do them at once).
    fn recount_clusters(&mut self, clusters: &BTreeSet<i64>) -> Result<()> {
        for &c in clusters {
            self.recount_cluster(c)?;
        }
        Ok(())
    }
    /// Deletes a document's derived rows (events with theirs, entities, mentions, quotes).
    fn clear_document(&mut self, document: i64) -> Result<()>;
    fn update_analysis(
        &mut self,
        document: i64,
        analysis: &str,
        version: u32,
        language: Option<&'static str>,
    ) -> Result<()>;
}

/// Writes a batch through `tx` (whose transaction the caller commits): ids and text hashes
/// are checked again here because another process may have written meanwhile.
pub(crate) fn write_batch(
    tx: &mut impl Tx,
    location: &str,
    batch: &[Incoming],
    settings: &ClusterSettings,
) -> Result<BatchOutcome> {
    let mut out = BatchOutcome::default();
    let mut touched = BTreeSet::new();
    for item in batch {
        match item {
            Incoming::Document(d) => {
                if tx.id_known(&d.analysis.id)? {
                    out.already += 1;
                } else if let Some(doc) = tx.document_with_hash(&d.hash.to_string())? {
                    let a = &d.analysis;
                    let r = NewReport {
                        doc_id: a.id.clone(),
                        published: a.published,
                        title: a.title.clone(),
                        url: a.url.clone(),
                        outlet: a.outlet.clone(),
                        hash: d.hash,
                        canonical: String::new(),
                        kind: ReportKind::Exact,
                        similarity: None,
                    };
                    insert_report(tx, &r, doc, &mut touched)?;
                    out.exact += 1;
                } else {
                    out.events += insert_document(tx, d, settings, &mut touched)?;
                    out.stored += 1;
                }
            }
            Incoming::Report(r) => {
                if tx.id_known(&r.doc_id)? {
                    out.already += 1;
                    continue;
                }
                let Some(doc) = tx.document_row(&r.canonical)? else {
                    return Err(StoreError::Document {
                        path: location.to_string(),
                        doc: r.doc_id.clone(),
                        reason: format!("a copy of {}, which is not stored", r.canonical),
                    });
                };
                insert_report(tx, r, doc, &mut touched)?;
                match r.kind {
                    ReportKind::Exact => out.exact += 1,
                    ReportKind::Near => out.near += 1,
                }
            }
        }
    }
    tx.recount_clusters(&touched)?;
    Ok(out)
}

/// Replaces the rows of stored documents (matched by id) with new analyses; returns how
/// many were replaced.
pub(crate) fn replace_analyses(
    tx: &mut impl Tx,
    analyses: &[Analysis],
    version: u32,
    settings: &ClusterSettings,
) -> Result<usize> {
    let mut touched = BTreeSet::new();
    let mut n = 0;
    for a in analyses {
        let Some(row) = tx.own_document_row(&a.id)? else {
            continue;
        };
        touched.extend(tx.document_clusters(row)?);
        tx.clear_document(row)?;
        tx.update_analysis(
            row,
            &analysis_json(a),
            version,
            a.language.map(|l| l.code()),
        )?;
        insert_rows(tx, row, a, settings, &mut touched)?;
        n += 1;
    }
    tx.recount_clusters(&touched)?;
    Ok(n)
}

fn insert_report(
    tx: &mut impl Tx,
    r: &NewReport,
    document: i64,
    touched: &mut BTreeSet<i64>,
) -> Result<()> {
    tx.insert_report(&ReportRow {
        document,
        doc_id: &r.doc_id,
        text_hash: r.hash.to_string(),
        kind: r.kind.as_str(),
        similarity: r.similarity,
        published: r.published.map(|d| d.to_string()),
        title: r.title.as_deref(),
        url: r.url.as_deref(),
        outlet: r.outlet.as_deref(),
    })?;
    // The document's clusters gain a report (and maybe an outlet).
    touched.extend(tx.document_clusters(document)?);
    Ok(())
}

/// Inserts a document with its rows; returns its number of events.
fn insert_document(
    tx: &mut impl Tx,
    d: &NewDocument,
    settings: &ClusterSettings,
    touched: &mut BTreeSet<i64>,
) -> Result<usize> {
    let a = &d.analysis;
    let row = tx.insert_document(&DocumentRow {
        doc_id: &a.id,
        text_hash: d.hash.to_string(),
        signature: d.signature.as_ref().map(|s| s.bytes.as_slice()),
        text: &a.text,
        language: a.language.map(|l| l.code()),
        published: a.published.map(|p| p.to_string()),
        title: a.title.as_deref(),
        url: a.url.as_deref(),
        outlet: a.outlet.as_deref(),
        version: d.version,
        analysis: analysis_json(a),
    })?;
    if let Some(sig) = &d.signature {
        let keys: BTreeSet<i64> = sig.keys.iter().copied().collect();
        for k in keys {
            tx.insert_signature_key(row, k)?;
        }
    }
    insert_rows(tx, row, a, settings, touched)
}

/// The analysis's entities, mentions, quotes and events for document `row`, its events
/// clustered; returns the number of events.
fn insert_rows(
    tx: &mut impl Tx,
    row: i64,
    a: &Analysis,
    settings: &ClusterSettings,
    touched: &mut BTreeSet<i64>,
) -> Result<usize> {
    // An analysis names each entity once; a repeated id keeps the last (as a replace).
    let mut seen = BTreeSet::new();
    for en in a.entities.iter().rev() {
        if seen.insert(en.id.as_str()) {
            tx.insert_entity(row, en)?;
        }
    }
    for en in &a.entities {
        for m in &en.mentions {
            tx.insert_mention(row, &en.id, m)?;
        }
    }
    for q in &a.quotes {
        tx.insert_quote(row, q)?;
    }
    let mut clustered = Vec::new();
    for event in &a.events {
        let codes = event_codes(event);
        let day = event_day(event, a);
        let evidence = a
            .text
            .get(event.evidence.start as usize..event.evidence.end as usize)
            .unwrap_or("");
        let id = tx.insert_event(&EventRow {
            document: row,
            event,
            event_type: event.event_type.as_str(),
            modality: event.modality.as_str(),
            codes: &codes,
            date: event.date.as_ref().and_then(|d| d.value.as_deref()),
            date_granularity: event.date.as_ref().map(|d| d.granularity.as_str()),
            day: day.as_deref(),
            quantity: event.quantity.as_ref().and_then(|q| q.value),
            quantity_unit: event.quantity.as_ref().and_then(|q| q.unit.as_deref()),
            evidence,
            json: serde_json::to_string(event).expect("an event always serialises"),
        })?;
        for (role, actors) in [("source", &event.source), ("target", &event.target)] {
            for x in actors {
                let key = ActorKey {
                    root: cluster::root(&x.code),
                    event_type: event.event_type.as_str(),
                    day: day.as_deref(),
                };
                tx.insert_actor(id, role, x, &key)?;
            }
        }
        for (role, places) in [
            ("origin", &event.origin),
            ("destination", &event.destination),
            ("location", &event.location),
        ] {
            for p in places {
                tx.insert_place(id, role, p)?;
            }
        }
        for c in &event.reported_by {
            tx.insert_citation(id, c)?;
        }
        if let Some(day) = day {
            clustered.push((id, event.event_type.as_str(), day, codes));
        }
    }
    // After all of the document's events are stored, so that none is its own candidate
    // before it has a cluster.
    for (id, ty, day, codes) in clustered {
        touched.insert(assign_cluster(tx, id, ty, &day, &codes, settings)?);
    }
    Ok(a.events.len())
}

/// Puts event `id` into the best compatible cluster of its type and window, or a new one;
/// returns the cluster.
fn assign_cluster(
    tx: &mut impl Tx,
    id: i64,
    ty: &'static str,
    day: &str,
    codes: &Codes,
    settings: &ClusterSettings,
) -> Result<i64> {
    let (first, last) = window(day, settings.window_days);
    // Only clusters with an event of the same type, sharing an actor root in the same role,
    // within the window can fit (see `cluster::fit`).
    let mut keys = BTreeSet::new();
    for (role, codes) in [("source", &codes.sources), ("target", &codes.targets)] {
        keys.extend(split_codes(codes).map(|c| (cluster::root(c), role)));
    }
    let keys: Vec<(&str, &'static str)> = keys.into_iter().collect();
    let candidates: BTreeSet<i64> = if keys.is_empty() {
        BTreeSet::new()
    } else {
        tx.cluster_candidates(&keys, ty, &first, &last, id)?
            .into_iter()
            .collect()
    };
    let candidates: Vec<i64> = candidates.into_iter().collect();
    let mut best: Option<(u32, i64, Codes)> = None;
    for (cid, c) in candidates
        .iter()
        .copied()
        .zip(tx.clusters_codes(&candidates)?)
    {
        if let Some(score) = cluster::fit(codes, &c) {
            if best.as_ref().is_none_or(|b| score > b.0) {
                best = Some((score, cid, c));
            }
        }
    }
    let cluster = match best {
        Some((_, cid, c)) => {
            let united = Codes {
                sources: cluster::union(&c.sources, &codes.sources),
                targets: cluster::union(&c.targets, &codes.targets),
                places: cluster::union(&c.places, &codes.places),
            };
            tx.grow_cluster(cid, &united, day)?;
            cid
        }
        None => tx.new_cluster(ty, codes, day)?,
    };
    tx.set_event_cluster(id, cluster)?;
    Ok(cluster)
}

/// The analysis JSON as stored: without the text, which has its own column.
pub(crate) fn analysis_json(a: &Analysis) -> String {
    crate::sorted_json::to_string(a, true).expect("an analysis always serialises")
}

/// The day an event is filed under: its date when it names a day, else the publication
/// date.
pub(crate) fn event_day(e: &Event, a: &Analysis) -> Option<String> {
    if let Some(v) = e.date.as_ref().and_then(|d| d.value.as_deref()) {
        if v.len() == 10 && v.parse::<sitrep_core::Date>().is_ok() {
            return Some(v.to_string());
        }
    }
    a.published.map(|d| d.to_string())
}

pub(crate) fn event_codes(e: &Event) -> Codes {
    Codes {
        sources: join_codes(e.source.iter().map(|a| a.code.as_str())),
        targets: join_codes(e.target.iter().map(|a| a.code.as_str())),
        places: join_codes(
            e.origin
                .iter()
                .chain(&e.destination)
                .chain(&e.location)
                .filter_map(|p| p.code.as_deref()),
        ),
    }
}

/// The first and last ISO day within `days` of `day` (a stored, valid ISO day; anything
/// else only matches itself).
pub(crate) fn window(day: &str, days: u32) -> (String, String) {
    let Ok(d) = day.parse::<sitrep_core::Date>() else {
        return (day.to_string(), day.to_string());
    };
    let n = days_from_civil(d.year(), d.month(), d.day());
    let iso = |n: i64| {
        let (y, m, d) = civil_from_days(n);
        format!("{y:04}-{m:02}-{d:02}")
    };
    (iso(n - i64::from(days)), iso(n + i64::from(days)))
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The stored JSON is what the store has always written (`to_value`, sorted keys, the
    /// f32 confidence widened, the text blanked), here on a whole analysis with tokens,
    /// entities, events and quotes (`sitrep extract --events --tokens
    /// examples/de-truppen.txt`).
    #[test]
    fn analysis_json_is_the_sorted_value_without_the_text() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../testdata/store/de-truppen.analysis.json"
        );
        let text = std::fs::read_to_string(path).unwrap();
        let a: Analysis = serde_json::from_str(&text).unwrap();
        assert!(!a.events.is_empty() && a.tokens.as_ref().is_some_and(|t| !t.is_empty()));
        let mut v = serde_json::to_value(&a).unwrap();
        v["text"] = serde_json::Value::String(String::new());
        assert_eq!(analysis_json(&a), v.to_string());
    }

    #[test]
    fn windows_cross_months_years_and_leap_days() {
        assert_eq!(
            window("2022-02-01", 3),
            ("2022-01-29".into(), "2022-02-04".into())
        );
        assert_eq!(
            window("2024-03-01", 1),
            ("2024-02-29".into(), "2024-03-02".into())
        );
        assert_eq!(
            window("2023-12-31", 1),
            ("2023-12-30".into(), "2024-01-01".into())
        );
        assert_eq!(
            window("2022-02-01", 0),
            ("2022-02-01".into(), "2022-02-01".into())
        );
        for n in -800_000..800_000 {
            let (y, m, d) = civil_from_days(n);
            assert_eq!(days_from_civil(y as i32, m, d), n);
        }
    }
}
