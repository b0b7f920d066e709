//! The embedded SQLite backend: one file in WAL mode, one writer at a time (others wait up
//! to the busy timeout), every write in one `BEGIN IMMEDIATE` transaction.

use crate::cluster::{self, join_codes, split_codes, Codes};
use crate::export::event_day;
use crate::{
    BatchOutcome, ClusterRecord, ClusterSettings, Counts, CountsOut, EventRecord, Filter, Incoming,
    Known, NewDocument, NewReport, Outdated, Result, Stats, Store, StoreError, TextHash,
    SCHEMA_VERSION,
};
use rusqlite::{params, Connection, ErrorCode, OpenFlags, OptionalExtension, TransactionBehavior};
use sitrep_core::{Analysis, Document, Event};
use std::collections::BTreeSet;
use std::time::Duration;

/// Marks a SQLite file as a sitrep store (`PRAGMA application_id`; "SITR").
const APPLICATION_ID: i32 = 0x5349_5452;

/// The schema migrations, in order: (version, name, SQL).
const MIGRATIONS: &[(u32, &str, &str)] =
    &[(1, "0001_init", include_str!("../migrations/0001_init.sql"))];

/// How to open a store.
#[derive(Debug, Clone)]
pub struct OpenOptions {
    /// How long to wait for another process's write to finish.
    pub busy_timeout: Duration,
    /// Open for reading only (query, export, stats): never creates or migrates.
    pub read_only: bool,
}

impl Default for OpenOptions {
    fn default() -> Self {
        OpenOptions {
            busy_timeout: Duration::from_secs(10),
            read_only: false,
        }
    }
}

/// A sitrep store in a SQLite file.
pub struct SqliteStore {
    conn: Connection,
    path: String,
    busy_timeout: Duration,
}

impl SqliteStore {
    /// Opens (creating and migrating when writable) the store at `path`, a file path or a
    /// SQLite `file:` URI. A file that is not a sitrep store, or has a newer schema, is
    /// refused before anything is written to it.
    pub fn open(path: &str, opts: &OpenOptions) -> Result<SqliteStore> {
        let is_uri = path.starts_with("file:");
        if opts.read_only && !is_uri && !std::path::Path::new(path).exists() {
            return Err(StoreError::Missing {
                path: path.to_string(),
            });
        }
        let mut flags = OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI;
        flags |= if opts.read_only {
            OpenFlags::SQLITE_OPEN_READ_ONLY
        } else {
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE
        };
        let conn = Connection::open_with_flags(path, flags)
            .map_err(|e| classify(path, "cannot open", e, opts.busy_timeout))?;
        let store = SqliteStore {
            conn,
            path: path.to_string(),
            busy_timeout: opts.busy_timeout,
        };
        store
            .conn
            .busy_timeout(opts.busy_timeout)
            .map_err(|e| store.err("cannot set the busy timeout", e))?;
        // 64 MiB of page cache (the default is 2 MiB): index pages of large stores stay in
        // memory. Changes nothing in the file.
        store
            .conn
            .execute_batch("PRAGMA cache_size = -65536;")
            .map_err(|e| store.err("cannot set the cache size", e))?;
        // Look before writing anything: a foreign or newer file must stay as it is.
        let version = store.check()?;
        if opts.read_only {
            if version < SCHEMA_VERSION {
                return Err(StoreError::ReadOnly {
                    path: store.path.clone(),
                    reason: format!(
                        "schema version {version} needs upgrading to {SCHEMA_VERSION}; open it once for writing (sitrep ingest)"
                    ),
                });
            }
            return Ok(store);
        }
        if store.conn.is_readonly("main").unwrap_or(false) {
            return Err(StoreError::ReadOnly {
                path: store.path.clone(),
                reason: "cannot write to the file or its folder".into(),
            });
        }
        store
            .conn
            .pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get::<_, String>(0))
            .map_err(|e| store.err("cannot switch to WAL mode", e))?;
        store
            .conn
            .execute_batch("PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;")
            .map_err(|e| store.err("cannot set pragmas", e))?;
        let mut store = store;
        store.migrate()?;
        Ok(store)
    }

    fn err(&self, context: &str, e: rusqlite::Error) -> StoreError {
        classify(&self.path, context, e, self.busy_timeout)
    }

    /// The schema version of a sitrep store (0 for an empty file), or why it is none.
    fn check(&self) -> Result<u32> {
        let read = |sql: &str| -> Result<i64> {
            self.conn
                .query_row(sql, [], |r| r.get(0))
                .map_err(|e| self.err("cannot read the store", e))
        };
        let app = read("PRAGMA application_id")?;
        let version = read("PRAGMA user_version")?;
        let objects = read("SELECT count(*) FROM sqlite_master")?;
        if app == i64::from(APPLICATION_ID) {
            let version = u32::try_from(version).unwrap_or(u32::MAX);
            if version > SCHEMA_VERSION {
                return Err(StoreError::Newer {
                    path: self.path.clone(),
                    found: version,
                    known: SCHEMA_VERSION,
                });
            }
            return Ok(version);
        }
        if app == 0 && objects == 0 && version == 0 {
            return Ok(0);
        }
        Err(StoreError::Foreign {
            path: self.path.clone(),
            reason: format!("an SQLite database of another application (application id {app:#x}, {objects} schema objects)"),
        })
    }

    /// Applies every migration newer than the file's version, all in one transaction.
    fn migrate(&mut self) -> Result<()> {
        let path = self.path.clone();
        let timeout = self.busy_timeout;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| classify(&path, "cannot start the migration", e, timeout))?;
        // Another process may have migrated between our look and our lock: look again.
        let app: i64 = tx
            .query_row("PRAGMA application_id", [], |r| r.get(0))
            .map_err(|e| classify(&path, "cannot read the store", e, timeout))?;
        let version: i64 = tx
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| classify(&path, "cannot read the store", e, timeout))?;
        let current = if app == i64::from(APPLICATION_ID) {
            version as u32
        } else {
            0
        };
        if current > SCHEMA_VERSION {
            return Err(StoreError::Newer {
                path,
                found: current,
                known: SCHEMA_VERSION,
            });
        }
        for &(v, name, sql) in MIGRATIONS.iter().filter(|m| m.0 > current) {
            tx.execute_batch(sql)
                .map_err(|e| classify(&path, &format!("migration {name} failed"), e, timeout))?;
            tx.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?1, ?2, datetime('now'))",
                params![v, name],
            )
            .map_err(|e| classify(&path, "cannot record the migration", e, timeout))?;
            // PRAGMA takes no parameters; both values are our own integers.
            tx.execute_batch(&format!(
                "PRAGMA user_version = {v}; PRAGMA application_id = {APPLICATION_ID};"
            ))
            .map_err(|e| classify(&path, "cannot record the schema version", e, timeout))?;
        }
        tx.commit()
            .map_err(|e| classify(&path, "cannot commit the migration", e, timeout))
    }

    /// The schema version recorded in the store.
    pub fn schema_version(&self) -> Result<u32> {
        self.conn
            .query_row(
                "SELECT coalesce(max(version), 0) FROM schema_migrations",
                [],
                |r| r.get(0),
            )
            .map_err(|e| self.err("cannot read the schema version", e))
    }

    /// Direct access for benchmarks and tests.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }
}

/// Maps SQLite's error codes to the messages users need.
fn classify(path: &str, context: &str, e: rusqlite::Error, timeout: Duration) -> StoreError {
    let path = path.to_string();
    match e.sqlite_error_code() {
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => StoreError::Locked {
            path,
            waited_ms: timeout.as_millis() as u64,
        },
        Some(ErrorCode::ReadOnly) => StoreError::ReadOnly {
            path,
            reason: "writing is not allowed".into(),
        },
        Some(ErrorCode::NotADatabase) => StoreError::Foreign {
            path,
            reason: "not an SQLite database".into(),
        },
        Some(ErrorCode::CannotOpen) => StoreError::Sqlite {
            path,
            context: "cannot open the file (missing folder or no permission?)".into(),
            source: e,
        },
        _ => StoreError::Sqlite {
            path,
            context: context.to_string(),
            source: e,
        },
    }
}

fn event_codes(e: &Event) -> Codes {
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

/// The exclusive upper bound of codes starting with `prefix` (byte order).
fn prefix_end(prefix: &str) -> String {
    format!("{prefix}\u{10FFFF}")
}

/// Writes within one transaction.
struct Writer<'a> {
    tx: &'a rusqlite::Transaction<'a>,
    path: &'a str,
    timeout: Duration,
    touched: BTreeSet<i64>,
}

impl Writer<'_> {
    fn err(&self, context: &str, e: rusqlite::Error) -> StoreError {
        classify(self.path, context, e, self.timeout)
    }

    fn id_known(&self, doc_id: &str) -> Result<bool> {
        self.tx
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM documents WHERE doc_id = ?1) OR EXISTS (SELECT 1 FROM reports WHERE doc_id = ?1)",
                [doc_id],
                |r| r.get(0),
            )
            .map_err(|e| self.err("cannot look up a document", e))
    }

    /// The row id of the stored document with this text (directly or through a report).
    fn document_with_hash(&self, hash: TextHash) -> Result<Option<i64>> {
        let h = hash.to_string();
        let direct: Option<i64> = self
            .tx
            .query_row(
                "SELECT id FROM documents WHERE text_hash = ?1 ORDER BY id LIMIT 1",
                [&h],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.err("cannot look up a text hash", e))?;
        if direct.is_some() {
            return Ok(direct);
        }
        self.tx
            .query_row(
                "SELECT document FROM reports WHERE text_hash = ?1 ORDER BY id LIMIT 1",
                [&h],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.err("cannot look up a text hash", e))
    }

    /// The row id of a stored document by id, following a report to its document.
    fn document_row(&self, doc_id: &str) -> Result<Option<i64>> {
        self.tx
            .query_row(
                "SELECT id FROM documents WHERE doc_id = ?1 UNION ALL SELECT document FROM reports WHERE doc_id = ?1 LIMIT 1",
                [doc_id],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.err("cannot look up a document", e))
    }

    fn insert_report(
        &mut self,
        r: &NewReport,
        document: i64,
        kind: &str,
        similarity: Option<f32>,
    ) -> Result<()> {
        self.tx
            .execute(
                "INSERT INTO reports (document, doc_id, text_hash, kind, similarity, published, title, url, outlet, ingested_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, datetime('now'))",
                params![
                    document,
                    r.doc_id,
                    r.hash.to_string(),
                    kind,
                    similarity,
                    r.published.map(|d| d.to_string()),
                    r.title,
                    r.url,
                    r.outlet
                ],
            )
            .map_err(|e| self.err("cannot store a report", e))?;
        // The document's clusters gain a report (and maybe an outlet).
        let mut stmt = self
            .tx
            .prepare_cached(
                "SELECT DISTINCT cluster FROM events WHERE document = ?1 AND cluster IS NOT NULL",
            )
            .map_err(|e| self.err("cannot read clusters", e))?;
        let ids = stmt
            .query_map([document], |r| r.get::<_, i64>(0))
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
            .map_err(|e| self.err("cannot read clusters", e))?;
        self.touched.extend(ids);
        Ok(())
    }

    /// Inserts a document and its rows; returns its row id and number of events.
    fn insert_document(
        &mut self,
        d: &NewDocument,
        settings: &ClusterSettings,
    ) -> Result<(i64, usize)> {
        let a = &d.analysis;
        let json = analysis_json(a);
        self.tx
            .execute(
                "INSERT INTO documents (doc_id, text_hash, signature, text, language, published, title, url, outlet,
                                        analysis_version, analysis, ingested_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, datetime('now'))",
                params![
                    a.id,
                    d.hash.to_string(),
                    d.signature.as_ref().map(|s| s.bytes.as_slice()),
                    a.text,
                    a.language.map(|l| l.code()),
                    a.published.map(|p| p.to_string()),
                    a.title,
                    a.url,
                    a.outlet,
                    d.version,
                    json
                ],
            )
            .map_err(|e| self.err("cannot store a document", e))?;
        let row = self.tx.last_insert_rowid();
        if let Some(sig) = &d.signature {
            let mut stmt = self
                .tx
                .prepare_cached(
                    "INSERT OR IGNORE INTO signature_keys (key, document) VALUES (?1, ?2)",
                )
                .map_err(|e| self.err("cannot store signature keys", e))?;
            for k in &sig.keys {
                stmt.execute(params![k, row])
                    .map_err(|e| self.err("cannot store signature keys", e))?;
            }
        }
        let n = self.insert_rows(row, a, settings)?;
        Ok((row, n))
    }

    /// The analysis's entities, mentions, quotes and events for document `row`.
    fn insert_rows(&mut self, row: i64, a: &Analysis, settings: &ClusterSettings) -> Result<usize> {
        let e = |c: &'static str| move |x: rusqlite::Error| (c, x);
        let res: std::result::Result<usize, (&str, rusqlite::Error)> = (|| {
            let tx = self.tx;
            let mut ent = tx
                .prepare_cached(
                    "INSERT OR REPLACE INTO entities (document, entity, kind, name, actor_code, sector, kb) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                )
                .map_err(e("entities"))?;
            let mut men = tx
                .prepare_cached("INSERT INTO mentions (document, entity, start, \"end\", text) VALUES (?1, ?2, ?3, ?4, ?5)")
                .map_err(e("mentions"))?;
            for en in &a.entities {
                ent.execute(params![
                    row,
                    en.id,
                    en.kind.as_str(),
                    en.name,
                    en.actor.as_ref().map(|c| c.code.as_str()),
                    en.actor.as_ref().and_then(|c| c.sector).map(|s| s.as_str()),
                    en.kb
                ])
                .map_err(e("entities"))?;
                for m in &en.mentions {
                    men.execute(params![row, en.id, m.start, m.end, m.text])
                        .map_err(e("mentions"))?;
                }
            }
            let mut quo = tx
                .prepare_cached(
                    "INSERT INTO quotes (document, start, \"end\", text, kind, speaker_name, speaker_code, speaker_entity) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                )
                .map_err(e("quotes"))?;
            for q in &a.quotes {
                let s = q.speaker.as_ref();
                quo.execute(params![
                    row,
                    q.start,
                    q.end,
                    q.text,
                    q.kind,
                    s.map(|s| s.name.as_str()),
                    s.and_then(|s| s.code.as_deref()),
                    s.and_then(|s| s.entity.as_deref())
                ])
                .map_err(e("quotes"))?;
            }
            let mut ev = tx
                .prepare_cached(
                    "INSERT INTO events (document, event, type, mode, cameo, modality, source_codes, target_codes, place_codes,
                                         date, date_granularity, day, quantity, quantity_unit, trigger, evidence,
                                         evidence_start, evidence_end, confidence, json)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)",
                )
                .map_err(e("events"))?;
            let mut act = tx
                .prepare_cached(
                    "INSERT INTO event_actors (event, role, code, entity, text, start, \"end\", inferred, root, type, day)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                )
                .map_err(e("event actors"))?;
            let mut pla = tx
                .prepare_cached(
                    "INSERT INTO event_places (event, role, code, name, text, start, \"end\") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                )
                .map_err(e("event places"))?;
            let mut cit = tx
                .prepare_cached(
                    "INSERT INTO citations (event, name, kind, entity, text, start, \"end\") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                )
                .map_err(e("citations"))?;
            let mut clustered = Vec::new();
            for event in &a.events {
                let codes = event_codes(event);
                let day = event_day(event, a);
                let evidence = a
                    .text
                    .get(event.evidence.start as usize..event.evidence.end as usize)
                    .unwrap_or("");
                ev.execute(params![
                    row,
                    event.id,
                    event.event_type.as_str(),
                    event.mode,
                    event.cameo,
                    event.modality.as_str(),
                    codes.sources,
                    codes.targets,
                    codes.places,
                    event.date.as_ref().and_then(|d| d.value.as_deref()),
                    event.date.as_ref().map(|d| d.granularity.as_str()),
                    day,
                    event.quantity.as_ref().and_then(|q| q.value),
                    event.quantity.as_ref().and_then(|q| q.unit.as_deref()),
                    event.trigger.text,
                    evidence,
                    event.evidence.start,
                    event.evidence.end,
                    f64::from(event.confidence),
                    serde_json::to_string(event).expect("an event always serialises"),
                ])
                .map_err(e("events"))?;
                let id = tx.last_insert_rowid();
                for (role, actors) in [("source", &event.source), ("target", &event.target)] {
                    for x in actors.iter() {
                        act.execute(params![
                            id,
                            role,
                            x.code,
                            x.entity,
                            x.text,
                            x.start,
                            x.end,
                            x.inferred,
                            cluster::root(&x.code),
                            event.event_type.as_str(),
                            day
                        ])
                        .map_err(e("event actors"))?;
                    }
                }
                for (role, places) in [
                    ("origin", &event.origin),
                    ("destination", &event.destination),
                    ("location", &event.location),
                ] {
                    for p in places.iter() {
                        pla.execute(params![id, role, p.code, p.name, p.text, p.start, p.end])
                            .map_err(e("event places"))?;
                    }
                }
                for c in &event.reported_by {
                    cit.execute(params![
                        id,
                        c.name,
                        c.kind.map(|k| k.as_str()),
                        c.entity,
                        c.text,
                        c.start,
                        c.end
                    ])
                    .map_err(e("citations"))?;
                }
                if let Some(day) = day {
                    clustered.push((id, event.event_type.as_str(), day, codes));
                }
            }
            for (id, ty, day, codes) in clustered {
                let c =
                    assign_cluster(tx, id, ty, &day, &codes, settings).map_err(e("clusters"))?;
                self.touched.insert(c);
            }
            Ok(a.events.len())
        })();
        res.map_err(|(what, x)| self.err(&format!("cannot store {what} of {}", a.id), x))
    }

    /// Recounts the touched clusters (events, reports, outlets, days); drops empty ones.
    fn finish(&mut self) -> Result<()> {
        let mut stmt = self
            .tx
            .prepare_cached(
                "WITH docs AS (SELECT DISTINCT document FROM events WHERE cluster = ?1),
                      copies AS (SELECT d.outlet AS outlet FROM documents d JOIN docs ON d.id = docs.document
                                 UNION ALL
                                 SELECT r.outlet FROM reports r JOIN docs ON r.document = docs.document)
                 UPDATE clusters SET
                     events = (SELECT count(*) FROM events WHERE cluster = ?1),
                     documents = (SELECT count(*) FROM copies),
                     outlets = (SELECT count(DISTINCT outlet) FROM copies),
                     day_first = coalesce((SELECT min(day) FROM events WHERE cluster = ?1), day_first),
                     day_last = coalesce((SELECT max(day) FROM events WHERE cluster = ?1), day_last)
                 WHERE id = ?1",
            )
            .map_err(|e| self.err("cannot count clusters", e))?;
        for id in &self.touched {
            stmt.execute([id])
                .map_err(|e| classify(self.path, "cannot count clusters", e, self.timeout))?;
        }
        let mut drop_empty = self
            .tx
            .prepare_cached("DELETE FROM clusters WHERE id = ?1 AND events = 0")
            .map_err(|e| self.err("cannot drop empty clusters", e))?;
        for id in &self.touched {
            drop_empty
                .execute([id])
                .map_err(|e| classify(self.path, "cannot drop empty clusters", e, self.timeout))?;
        }
        Ok(())
    }

    /// Removes a document's derived rows (for reanalysis); its clusters are touched.
    fn clear_rows(&mut self, row: i64) -> Result<()> {
        let ids: Vec<i64> = {
            let mut stmt = self
                .tx
                .prepare_cached("SELECT DISTINCT cluster FROM events WHERE document = ?1 AND cluster IS NOT NULL")
                .map_err(|e| self.err("cannot read clusters", e))?;
            let rows = stmt
                .query_map([row], |r| r.get(0))
                .map_err(|e| self.err("cannot read clusters", e))?;
            rows.collect::<rusqlite::Result<_>>()
                .map_err(|e| self.err("cannot read clusters", e))?
        };
        self.touched.extend(ids);
        for sql in [
            "DELETE FROM events WHERE document = ?1",
            "DELETE FROM mentions WHERE document = ?1",
            "DELETE FROM entities WHERE document = ?1",
            "DELETE FROM quotes WHERE document = ?1",
        ] {
            self.tx
                .execute(sql, [row])
                .map_err(|e| self.err("cannot clear an old analysis", e))?;
        }
        Ok(())
    }
}

/// Puts event `id` into the best compatible cluster of its type and window, or a new one;
/// returns the cluster's id.
fn assign_cluster(
    tx: &rusqlite::Transaction<'_>,
    id: i64,
    ty: &str,
    day: &str,
    codes: &Codes,
    settings: &ClusterSettings,
) -> rusqlite::Result<i64> {
    let window = format!("{} days", settings.window_days);
    // Only clusters with an event of the same type, sharing an actor root in the same role,
    // within the window can fit (see `cluster::fit`): one bounded index range per actor.
    let mut candidates = BTreeSet::new();
    {
        let mut near = tx.prepare_cached(
            "SELECT DISTINCT e.cluster FROM event_actors a JOIN events e ON e.id = a.event
             WHERE a.root = ?1 AND a.role = ?2 AND a.type = ?3
               AND a.day BETWEEN date(?4, '-' || ?5) AND date(?4, '+' || ?5)
               AND e.cluster IS NOT NULL AND a.event != ?6",
        )?;
        for (role, codes) in [("source", &codes.sources), ("target", &codes.targets)] {
            let roots: BTreeSet<&str> = split_codes(codes).map(cluster::root).collect();
            for r in roots {
                let mut rows = near.query(params![r, role, ty, day, window, id])?;
                while let Some(row) = rows.next()? {
                    candidates.insert(row.get::<_, i64>(0)?);
                }
            }
        }
    }
    let mut stmt = tx.prepare_cached(
        "SELECT source_codes, target_codes, place_codes FROM clusters WHERE id = ?1",
    )?;
    let mut best: Option<(u32, i64, Codes)> = None;
    for cid in candidates {
        let c = stmt.query_row([cid], |r| {
            Ok(Codes {
                sources: r.get(0)?,
                targets: r.get(1)?,
                places: r.get(2)?,
            })
        })?;
        if let Some(score) = cluster::fit(codes, &c) {
            if best.as_ref().is_none_or(|b| score > b.0) {
                best = Some((score, cid, c));
            }
        }
    }
    let cluster = match best {
        Some((_, cid, c)) => {
            tx.prepare_cached(
                "UPDATE clusters SET source_codes = ?2, target_codes = ?3, place_codes = ?4,
                     day_first = min(day_first, ?5), day_last = max(day_last, ?5), events = events + 1
                 WHERE id = ?1",
            )?
            .execute(params![
                cid,
                cluster::union(&c.sources, &codes.sources),
                cluster::union(&c.targets, &codes.targets),
                cluster::union(&c.places, &codes.places),
                day
            ])?;
            cid
        }
        None => {
            tx.prepare_cached(
                "INSERT INTO clusters (type, source_codes, target_codes, place_codes, day_first, day_last, events, documents, outlets)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?5, 1, 1, 0)",
            )?
            .execute(params![ty, codes.sources, codes.targets, codes.places, day])?;
            tx.last_insert_rowid()
        }
    };
    tx.prepare_cached("UPDATE events SET cluster = ?2 WHERE id = ?1")?
        .execute(params![id, cluster])?;
    Ok(cluster)
}

/// The analysis JSON as stored: without the text, which has its own column.
fn analysis_json(a: &Analysis) -> String {
    let mut v = serde_json::to_value(a).expect("an analysis always serialises");
    v["text"] = serde_json::Value::String(String::new());
    v.to_string()
}

/// SQL conditions and parameters for a filter over `events e`.
fn where_clause(f: &Filter) -> (String, Vec<rusqlite::types::Value>) {
    use rusqlite::types::Value;
    let mut sql = String::from(" WHERE 1 = 1");
    let mut p: Vec<Value> = Vec::new();
    let mut push = |sql: &mut String, cond: &str, vals: Vec<Value>| {
        // Number each `?` after the parameters already taken.
        let mut parts = cond.split('?');
        sql.push_str(" AND ");
        sql.push_str(parts.next().unwrap_or_default());
        for (part, v) in parts.zip(vals) {
            p.push(v);
            sql.push_str(&format!("?{}{part}", p.len()));
        }
    };
    if let Some(t) = f.event_type {
        push(&mut sql, "e.type = ?", vec![Value::Text(t.as_str().into())]);
    }
    if let Some(m) = f.modality {
        push(
            &mut sql,
            "e.modality = ?",
            vec![Value::Text(m.as_str().into())],
        );
    }
    if let Some(d) = f.since {
        push(&mut sql, "e.day >= ?", vec![Value::Text(d.to_string())]);
    }
    if let Some(d) = f.until {
        push(&mut sql, "e.day <= ?", vec![Value::Text(d.to_string())]);
    }
    for (code, role) in [
        (&f.actor, None),
        (&f.source, Some("source")),
        (&f.target, Some("target")),
    ] {
        if let Some(c) = code {
            let vals = vec![Value::Text(c.clone()), Value::Text(prefix_end(c))];
            match role {
                None => push(&mut sql, "e.id IN (SELECT event FROM event_actors WHERE code >= ? AND code < ?)", vals),
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
            vec![Value::Text(c.clone())],
        );
    }
    for w in &f.text {
        let escaped = w
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_");
        push(
            &mut sql,
            "e.evidence LIKE ? ESCAPE '\\'",
            vec![Value::Text(format!("%{escaped}%"))],
        );
    }
    (sql, p)
}

impl Store for SqliteStore {
    fn location(&self) -> &str {
        &self.path
    }

    fn known(&self, doc_id: &str, hash: TextHash) -> Result<Known> {
        let stored: bool = self
            .conn
            .prepare_cached(
                "SELECT EXISTS (SELECT 1 FROM documents WHERE doc_id = ?1) OR EXISTS (SELECT 1 FROM reports WHERE doc_id = ?1)",
            )
            .and_then(|mut s| s.query_row([doc_id], |r| r.get(0)))
            .map_err(|e| self.err("cannot look up a document", e))?;
        if stored {
            return Ok(Known::StoredId);
        }
        let h = hash.to_string();
        let canonical: Option<String> = self
            .conn
            .prepare_cached(
                "SELECT doc_id FROM documents WHERE text_hash = ?1
                 UNION ALL
                 SELECT d.doc_id FROM reports r JOIN documents d ON d.id = r.document WHERE r.text_hash = ?1
                 LIMIT 1",
            )
            .and_then(|mut s| s.query_row([&h], |r| r.get(0)).optional())
            .map_err(|e| self.err("cannot look up a text hash", e))?;
        Ok(match canonical {
            Some(canonical) => Known::SameText { canonical },
            None => Known::New,
        })
    }

    fn near_candidates(&self, keys: &[i64]) -> Result<Vec<(String, Vec<u8>)>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT d.doc_id, d.signature FROM signature_keys k JOIN documents d ON d.id = k.document
                 WHERE k.key = ?1 AND d.signature IS NOT NULL",
            )
            .map_err(|e| self.err("cannot look up near duplicates", e))?;
        let mut seen = BTreeSet::new();
        let mut out = Vec::new();
        for k in keys {
            let rows = stmt
                .query_map([k], |r| {
                    Ok((r.get::<_, String>(0)?, r.get::<_, Vec<u8>>(1)?))
                })
                .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
                .map_err(|e| self.err("cannot look up near duplicates", e))?;
            for (id, sig) in rows {
                if seen.insert(id.clone()) {
                    out.push((id, sig));
                }
            }
        }
        Ok(out)
    }

    fn write_batch(
        &mut self,
        batch: Vec<Incoming>,
        settings: &ClusterSettings,
    ) -> Result<BatchOutcome> {
        let path = self.path.clone();
        let timeout = self.busy_timeout;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| classify(&path, "cannot start a batch", e, timeout))?;
        let mut out = BatchOutcome::default();
        {
            let mut w = Writer {
                tx: &tx,
                path: &path,
                timeout,
                touched: BTreeSet::new(),
            };
            for item in &batch {
                match item {
                    Incoming::Document(d) => {
                        // Checked again inside the lock: another process may have stored it.
                        if w.id_known(&d.analysis.id)? {
                            out.already += 1;
                        } else if let Some(doc) = w.document_with_hash(d.hash)? {
                            let a = &d.analysis;
                            let r = NewReport {
                                doc_id: a.id.clone(),
                                published: a.published,
                                title: a.title.clone(),
                                url: a.url.clone(),
                                outlet: a.outlet.clone(),
                                hash: d.hash,
                                canonical: String::new(),
                                kind: crate::ReportKind::Exact,
                                similarity: None,
                            };
                            w.insert_report(&r, doc, "exact", None)?;
                            out.exact += 1;
                        } else {
                            let (_, n) = w.insert_document(d, settings)?;
                            out.stored += 1;
                            out.events += n;
                        }
                    }
                    Incoming::Report(r) => {
                        if w.id_known(&r.doc_id)? {
                            out.already += 1;
                            continue;
                        }
                        let Some(doc) = w.document_row(&r.canonical)? else {
                            return Err(StoreError::Document {
                                path: path.clone(),
                                doc: r.doc_id.clone(),
                                reason: format!("a copy of {}, which is not stored", r.canonical),
                            });
                        };
                        w.insert_report(r, doc, r.kind.as_str(), r.similarity)?;
                        match r.kind {
                            crate::ReportKind::Exact => out.exact += 1,
                            crate::ReportKind::Near => out.near += 1,
                        }
                    }
                }
            }
            w.finish()?;
        }
        tx.commit()
            .map_err(|e| classify(&path, "cannot commit a batch", e, timeout))?;
        Ok(out)
    }

    fn outdated(&self, version: u32, limit: usize) -> Result<Vec<Outdated>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT doc_id, text, language, published, title, url, outlet, analysis_version FROM documents
                 WHERE analysis_version < ?1 ORDER BY id LIMIT ?2",
            )
            .map_err(|e| self.err("cannot read documents", e))?;
        let rows = stmt
            .query_map(params![version, limit as i64], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, Option<String>>(2)?,
                    r.get::<_, Option<String>>(3)?,
                    r.get::<_, Option<String>>(4)?,
                    r.get::<_, Option<String>>(5)?,
                    r.get::<_, Option<String>>(6)?,
                    r.get::<_, u32>(7)?,
                ))
            })
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
            .map_err(|e| self.err("cannot read documents", e))?;
        rows.into_iter()
            .map(|(id, text, language, published, title, url, outlet, v)| {
                let bad = |reason: String| StoreError::Document {
                    path: self.path.clone(),
                    doc: id.clone(),
                    reason,
                };
                let language = language
                    .map(|l| l.parse())
                    .transpose()
                    .map_err(|e| bad(format!("stored language: {e}")))?;
                let published = published
                    .map(|p| p.parse())
                    .transpose()
                    .map_err(|e| bad(format!("stored date: {e}")))?;
                Ok(Outdated {
                    document: Document {
                        id,
                        text,
                        language,
                        published,
                        title,
                        url,
                        outlet,
                    },
                    version: v,
                })
            })
            .collect()
    }

    fn replace_analyses(
        &mut self,
        analyses: Vec<Analysis>,
        version: u32,
        settings: &ClusterSettings,
    ) -> Result<usize> {
        let path = self.path.clone();
        let timeout = self.busy_timeout;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| classify(&path, "cannot start a batch", e, timeout))?;
        let mut n = 0;
        {
            let mut w = Writer {
                tx: &tx,
                path: &path,
                timeout,
                touched: BTreeSet::new(),
            };
            for a in &analyses {
                let row: Option<i64> = tx
                    .query_row("SELECT id FROM documents WHERE doc_id = ?1", [&a.id], |r| {
                        r.get(0)
                    })
                    .optional()
                    .map_err(|e| w.err("cannot look up a document", e))?;
                let Some(row) = row else { continue };
                w.clear_rows(row)?;
                tx.execute(
                    "UPDATE documents SET analysis = ?2, analysis_version = ?3, language = ?4 WHERE id = ?1",
                    params![row, analysis_json(a), version, a.language.map(|l| l.code())],
                )
                .map_err(|e| w.err("cannot update a document", e))?;
                w.insert_rows(row, a, settings)?;
                n += 1;
            }
            w.finish()?;
        }
        tx.commit()
            .map_err(|e| classify(&path, "cannot commit a batch", e, timeout))?;
        Ok(n)
    }

    fn analysis(&self, doc_id: &str) -> Result<Option<Analysis>> {
        let row: Option<(String, String)> = self
            .conn
            .query_row(
                "SELECT analysis, text FROM documents WHERE doc_id = ?1",
                [doc_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(|e| self.err("cannot read a document", e))?;
        let Some((json, text)) = row else {
            return Ok(None);
        };
        let mut a: Analysis = serde_json::from_str(&json).map_err(|e| StoreError::Document {
            path: self.path.clone(),
            doc: doc_id.to_string(),
            reason: format!("stored analysis is not valid sitrep/1 JSON: {e}"),
        })?;
        a.text = text;
        Ok(Some(a))
    }

    fn events(&self, filter: &Filter) -> Result<Vec<EventRecord>> {
        let (cond, mut params) = where_clause(filter);
        let mut sql = format!(
            "SELECT e.json, e.cluster, e.day, e.evidence, d.doc_id, d.language, d.published, d.title, d.url, d.outlet
             FROM events e JOIN documents d ON d.id = e.document{cond} ORDER BY e.day, e.id"
        );
        if let Some(l) = filter.limit {
            params.push(rusqlite::types::Value::Integer(l as i64));
            sql.push_str(&format!(" LIMIT ?{}", params.len()));
        }
        let mut stmt = self
            .conn
            .prepare(&sql)
            .map_err(|e| self.err("cannot query events", e))?;
        let rows = stmt
            .query_map(rusqlite::params_from_iter(params), |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, Option<i64>>(1)?,
                    r.get::<_, Option<String>>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, Option<String>>(5)?,
                    r.get::<_, Option<String>>(6)?,
                    r.get::<_, Option<String>>(7)?,
                    r.get::<_, Option<String>>(8)?,
                    r.get::<_, Option<String>>(9)?,
                ))
            })
            .map_err(|e| self.err("cannot query events", e))?;
        let mut out = Vec::new();
        for row in rows {
            let (
                json,
                cluster,
                day,
                evidence_text,
                document,
                language,
                published,
                title,
                url,
                outlet,
            ) = row.map_err(|e| self.err("cannot query events", e))?;
            let bad = |reason: String| StoreError::Document {
                path: self.path.clone(),
                doc: document.clone(),
                reason,
            };
            let event: Event = serde_json::from_str(&json)
                .map_err(|e| bad(format!("stored event is not valid sitrep/1 JSON: {e}")))?;
            out.push(EventRecord {
                schema: sitrep_core::SCHEMA.to_string(),
                language: language
                    .map(|l| l.parse())
                    .transpose()
                    .map_err(|e| bad(format!("stored language: {e}")))?,
                published: published
                    .map(|p| p.parse())
                    .transpose()
                    .map_err(|e| bad(format!("stored date: {e}")))?,
                document,
                title,
                url,
                outlet,
                day,
                evidence_text,
                cluster,
                event,
            });
        }
        Ok(out)
    }

    fn clusters(&self, filter: &Filter) -> Result<Vec<ClusterRecord>> {
        let (cond, mut params) = where_clause(filter);
        let mut sql = format!(
            "SELECT c.id, c.type, c.source_codes, c.target_codes, c.place_codes, c.day_first, c.day_last,
                    c.events, c.documents, c.outlets
             FROM clusters c WHERE c.id IN (SELECT e.cluster FROM events e{cond})
             ORDER BY c.documents DESC, c.events DESC, c.id"
        );
        if let Some(l) = filter.limit {
            params.push(rusqlite::types::Value::Integer(l as i64));
            sql.push_str(&format!(" LIMIT ?{}", params.len()));
        }
        let mut stmt = self
            .conn
            .prepare(&sql)
            .map_err(|e| self.err("cannot query clusters", e))?;
        let split = |s: String| split_codes(&s).map(str::to_string).collect::<Vec<_>>();
        let mut out: Vec<ClusterRecord> = stmt
            .query_map(rusqlite::params_from_iter(params), |r| {
                Ok(ClusterRecord {
                    id: r.get(0)?,
                    event_type: r.get(1)?,
                    sources: split(r.get(2)?),
                    targets: split(r.get(3)?),
                    places: split(r.get(4)?),
                    first_day: r.get(5)?,
                    last_day: r.get(6)?,
                    events: r.get(7)?,
                    documents: r.get(8)?,
                    outlets: r.get(9)?,
                    members: Vec::new(),
                })
            })
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
            .map_err(|e| self.err("cannot query clusters", e))?;
        let mut members = self
            .conn
            .prepare_cached(
                "SELECT d.doc_id, e.event FROM events e JOIN documents d ON d.id = e.document WHERE e.cluster = ?1 ORDER BY e.id",
            )
            .map_err(|e| self.err("cannot query clusters", e))?;
        for c in &mut out {
            c.members = members
                .query_map([c.id], |r| Ok((r.get(0)?, r.get(1)?)))
                .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
                .map_err(|e| self.err("cannot query clusters", e))?;
        }
        Ok(out)
    }

    fn counts(&self) -> Result<Counts> {
        let n = |table: &str| -> Result<u64> {
            // Table names are our own constants, never input.
            self.conn
                .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
                .map_err(|e| self.err("cannot count", e))
        };
        Ok(Counts {
            documents: n("documents")?,
            reports: n("reports")?,
            events: n("events")?,
            clusters: n("clusters")?,
            entities: n("entities")?,
            mentions: n("mentions")?,
            quotes: n("quotes")?,
            citations: n("citations")?,
            event_actors: n("event_actors")?,
        })
    }

    fn stats(&self, top: usize) -> Result<Stats> {
        let c = self.counts()?;
        let pairs = |sql: &str, limit: Option<usize>| -> Result<Vec<(String, u64)>> {
            let mut stmt = self
                .conn
                .prepare(sql)
                .map_err(|e| self.err("cannot count", e))?;
            let lim = limit.map(|l| l as i64).unwrap_or(-1);
            stmt.query_map([lim], |r| Ok((r.get(0)?, r.get(1)?)))
                .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
                .map_err(|e| self.err("cannot count", e))
        };
        let by_day = pairs("SELECT day, count(*) FROM events WHERE day IS NOT NULL GROUP BY day ORDER BY day LIMIT ?1", None)?;
        let by_type = pairs(
            "SELECT type, count(*) AS n FROM events GROUP BY type ORDER BY n DESC, type LIMIT ?1",
            None,
        )?;
        let mut stmt = self
            .conn
            .prepare(
                "SELECT s.code, t.code, count(DISTINCT s.event) AS n
                 FROM event_actors s JOIN event_actors t ON t.event = s.event AND t.role = 'target'
                 WHERE s.role = 'source' GROUP BY s.code, t.code ORDER BY n DESC, s.code, t.code LIMIT ?1",
            )
            .map_err(|e| self.err("cannot count", e))?;
        let by_actor_pair = stmt
            .query_map([top as i64], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
            .map_err(|e| self.err("cannot count", e))?;
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
}
