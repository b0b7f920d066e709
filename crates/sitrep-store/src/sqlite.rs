//! The embedded SQLite backend: one file in WAL mode, one writer at a time (others wait up
//! to the busy timeout), every write in one `BEGIN IMMEDIATE` transaction.

use crate::cluster::{split_codes, Codes};
use crate::read::{self, Dialect, DocumentFields, EventRow as ReadRow, Param};
use crate::write::{self, ActorKey, DocumentRow, EventRow, ReportRow, Tx};
use crate::{
    BatchOutcome, ClusterRecord, ClusterSettings, Counts, CountsOut, EventRecord, Filter, Incoming,
    Known, Outdated, Result, Stats, Store, StoreError, TextHash, SCHEMA_VERSION,
};
use rusqlite::{params, Connection, ErrorCode, OpenFlags, OptionalExtension, TransactionBehavior};
use sitrep_core::{Analysis, Citation, Entity, EventActor, EventPlace, Mention, Quote};
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
        // Switching a new file to WAL and migrating it can meet SQLITE_BUSY without SQLite
        // calling the busy handler (another connection opening the same new file at that
        // moment); opening changes nothing twice, so try again until the busy timeout.
        let start = std::time::Instant::now();
        loop {
            match Self::open_once(path, opts) {
                Err(StoreError::Locked { .. }) if start.elapsed() < opts.busy_timeout => {
                    std::thread::sleep(Duration::from_millis(20));
                }
                r => return r,
            }
        }
    }

    fn open_once(path: &str, opts: &OpenOptions) -> Result<SqliteStore> {
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
        // One read transaction, so the three reads see one state of the file: read one by
        // one, another process's migration committing in between made a new store look
        // like a foreign one (id 0 but tables).
        let tx = self
            .conn
            .unchecked_transaction()
            .map_err(|e| self.err("cannot read the store", e))?;
        let read = |sql: &str| -> Result<i64> {
            tx.query_row(sql, [], |r| r.get(0))
                .map_err(|e| self.err("cannot read the store", e))
        };
        let app = read("PRAGMA application_id")?;
        let version = read("PRAGMA user_version")?;
        let objects = read("SELECT count(*) FROM sqlite_master")?;
        tx.finish()
            .map_err(|e| self.err("cannot read the store", e))?;
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

/// SQLite's placeholders (`?N`) and its `LIKE`, which ignores the case of ASCII letters.
const DIALECT: Dialect = Dialect {
    placeholder: |n| format!("?{n}"),
    like: "LIKE",
    day_order: "e.day",
};

fn sql_value(p: Param) -> rusqlite::types::Value {
    match p {
        Param::Text(s) => rusqlite::types::Value::Text(s),
        Param::Int(n) => rusqlite::types::Value::Integer(n),
    }
}

/// The statements of one SQLite write transaction (cached per connection).
struct SqliteTx<'a> {
    tx: &'a rusqlite::Transaction<'a>,
    path: &'a str,
    timeout: Duration,
}

impl SqliteTx<'_> {
    fn run(&self, context: &str, sql: &str, p: impl rusqlite::Params) -> Result<usize> {
        self.tx
            .prepare_cached(sql)
            .and_then(|mut s| s.execute(p))
            .map_err(|e| classify(self.path, context, e, self.timeout))
    }

    fn one<T: rusqlite::types::FromSql>(
        &self,
        context: &str,
        sql: &str,
        p: impl rusqlite::Params,
    ) -> Result<Option<T>> {
        self.tx
            .prepare_cached(sql)
            .and_then(|mut s| s.query_row(p, |r| r.get(0)).optional())
            .map_err(|e| classify(self.path, context, e, self.timeout))
    }

    fn ids(&self, context: &str, sql: &str, p: impl rusqlite::Params) -> Result<Vec<i64>> {
        self.tx
            .prepare_cached(sql)
            .and_then(|mut s| {
                s.query_map(p, |r| r.get(0))?
                    .collect::<rusqlite::Result<Vec<i64>>>()
            })
            .map_err(|e| classify(self.path, context, e, self.timeout))
    }
}

impl Tx for SqliteTx<'_> {
    fn id_known(&mut self, doc_id: &str) -> Result<bool> {
        Ok(self
            .one(
                "cannot look up a document",
                "SELECT EXISTS (SELECT 1 FROM documents WHERE doc_id = ?1) OR EXISTS (SELECT 1 FROM reports WHERE doc_id = ?1)",
                [doc_id],
            )?
            .unwrap_or(false))
    }

    fn document_with_hash(&mut self, hash: &str) -> Result<Option<i64>> {
        let direct = self.one(
            "cannot look up a text hash",
            "SELECT id FROM documents WHERE text_hash = ?1 ORDER BY id LIMIT 1",
            [hash],
        )?;
        if direct.is_some() {
            return Ok(direct);
        }
        self.one(
            "cannot look up a text hash",
            "SELECT document FROM reports WHERE text_hash = ?1 ORDER BY id LIMIT 1",
            [hash],
        )
    }

    fn document_row(&mut self, doc_id: &str) -> Result<Option<i64>> {
        self.one(
            "cannot look up a document",
            "SELECT id FROM documents WHERE doc_id = ?1 UNION ALL SELECT document FROM reports WHERE doc_id = ?1 LIMIT 1",
            [doc_id],
        )
    }

    fn own_document_row(&mut self, doc_id: &str) -> Result<Option<i64>> {
        self.one(
            "cannot look up a document",
            "SELECT id FROM documents WHERE doc_id = ?1",
            [doc_id],
        )
    }

    fn insert_report(&mut self, r: &ReportRow<'_>) -> Result<()> {
        self.run(
            "cannot store a report",
            "INSERT INTO reports (document, doc_id, text_hash, kind, similarity, published, title, url, outlet, ingested_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, datetime('now'))",
            params![
                r.document,
                r.doc_id,
                r.text_hash,
                r.kind,
                r.similarity,
                r.published,
                r.title,
                r.url,
                r.outlet
            ],
        )?;
        Ok(())
    }

    fn insert_document(&mut self, d: &DocumentRow<'_>) -> Result<i64> {
        self.run(
            "cannot store a document",
            "INSERT INTO documents (doc_id, text_hash, signature, text, language, published, title, url, outlet,
                                    analysis_version, analysis, ingested_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, datetime('now'))",
            params![
                d.doc_id,
                d.text_hash,
                d.signature,
                d.text,
                d.language,
                d.published,
                d.title,
                d.url,
                d.outlet,
                d.version,
                d.analysis
            ],
        )?;
        Ok(self.tx.last_insert_rowid())
    }

    fn insert_signature_key(&mut self, document: i64, key: i64) -> Result<()> {
        self.run(
            "cannot store signature keys",
            "INSERT OR IGNORE INTO signature_keys (key, document) VALUES (?1, ?2)",
            params![key, document],
        )?;
        Ok(())
    }

    fn insert_entity(&mut self, document: i64, en: &Entity) -> Result<()> {
        self.run(
            "cannot store entities",
            "INSERT INTO entities (document, entity, kind, name, actor_code, sector, kb) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                document,
                en.id,
                en.kind.as_str(),
                en.name,
                en.actor.as_ref().map(|c| c.code.as_str()),
                en.actor.as_ref().and_then(|c| c.sector).map(|s| s.as_str()),
                en.kb
            ],
        )?;
        Ok(())
    }

    fn insert_mention(&mut self, document: i64, entity: &str, m: &Mention) -> Result<()> {
        self.run(
            "cannot store mentions",
            "INSERT INTO mentions (document, entity, start, \"end\", text) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![document, entity, m.start, m.end, m.text],
        )?;
        Ok(())
    }

    fn insert_quote(&mut self, document: i64, q: &Quote) -> Result<()> {
        let s = q.speaker.as_ref();
        self.run(
            "cannot store quotes",
            "INSERT INTO quotes (document, start, \"end\", text, kind, speaker_name, speaker_code, speaker_entity) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                document,
                q.start,
                q.end,
                q.text,
                q.kind,
                s.map(|s| s.name.as_str()),
                s.and_then(|s| s.code.as_deref()),
                s.and_then(|s| s.entity.as_deref())
            ],
        )?;
        Ok(())
    }

    fn insert_event(&mut self, e: &EventRow<'_>) -> Result<i64> {
        let ev = e.event;
        self.run(
            "cannot store events",
            "INSERT INTO events (document, event, type, mode, cameo, modality, source_codes, target_codes, place_codes,
                                 date, date_granularity, day, quantity, quantity_unit, trigger, evidence,
                                 evidence_start, evidence_end, confidence, json)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)",
            params![
                e.document,
                ev.id,
                e.event_type,
                ev.mode,
                ev.cameo,
                e.modality,
                e.codes.sources,
                e.codes.targets,
                e.codes.places,
                e.date,
                e.date_granularity,
                e.day,
                e.quantity,
                e.quantity_unit,
                ev.trigger.text,
                e.evidence,
                ev.evidence.start,
                ev.evidence.end,
                f64::from(ev.confidence),
                e.json,
            ],
        )?;
        Ok(self.tx.last_insert_rowid())
    }

    fn insert_actor(
        &mut self,
        event: i64,
        role: &'static str,
        x: &EventActor,
        key: &ActorKey<'_>,
    ) -> Result<()> {
        self.run(
            "cannot store event actors",
            "INSERT INTO event_actors (event, role, code, entity, text, start, \"end\", inferred, root, type, day)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            params![
                event,
                role,
                x.code,
                x.entity,
                x.text,
                x.start,
                x.end,
                x.inferred,
                key.root,
                key.event_type,
                key.day
            ],
        )?;
        Ok(())
    }

    fn insert_place(&mut self, event: i64, role: &'static str, p: &EventPlace) -> Result<()> {
        self.run(
            "cannot store event places",
            "INSERT INTO event_places (event, role, code, name, text, start, \"end\") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![event, role, p.code, p.name, p.text, p.start, p.end],
        )?;
        Ok(())
    }

    fn insert_citation(&mut self, event: i64, c: &Citation) -> Result<()> {
        self.run(
            "cannot store citations",
            "INSERT INTO citations (event, name, kind, entity, text, start, \"end\") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                event,
                c.name,
                c.kind.map(|k| k.as_str()),
                c.entity,
                c.text,
                c.start,
                c.end
            ],
        )?;
        Ok(())
    }

    fn cluster_candidates(
        &mut self,
        keys: &[(&str, &'static str)],
        event_type: &str,
        first: &str,
        last: &str,
        event: i64,
    ) -> Result<Vec<i64>> {
        // in-process: one cached statement per key costs no round trip
        let mut out = Vec::new();
        for &(root, role) in keys {
            out.extend(self.ids(
                "cannot look up clusters",
                "SELECT DISTINCT e.cluster FROM event_actors a JOIN events e ON e.id = a.event
                 WHERE a.root = ?1 AND a.role = ?2 AND a.type = ?3 AND a.day BETWEEN ?4 AND ?5
                   AND e.cluster IS NOT NULL AND a.event != ?6",
                params![root, role, event_type, first, last, event],
            )?);
        }
        Ok(out)
    }

    fn cluster_codes(&mut self, cluster: i64) -> Result<Codes> {
        self.tx
            .prepare_cached(
                "SELECT source_codes, target_codes, place_codes FROM clusters WHERE id = ?1",
            )
            .and_then(|mut s| {
                s.query_row([cluster], |r| {
                    Ok(Codes {
                        sources: r.get(0)?,
                        targets: r.get(1)?,
                        places: r.get(2)?,
                    })
                })
            })
            .map_err(|e| classify(self.path, "cannot read a cluster", e, self.timeout))
    }

    fn grow_cluster(&mut self, cluster: i64, codes: &Codes, day: &str) -> Result<()> {
        self.run(
            "cannot update a cluster",
            "UPDATE clusters SET source_codes = ?2, target_codes = ?3, place_codes = ?4,
                 day_first = min(day_first, ?5), day_last = max(day_last, ?5), events = events + 1
             WHERE id = ?1",
            params![cluster, codes.sources, codes.targets, codes.places, day],
        )?;
        Ok(())
    }

    fn new_cluster(&mut self, event_type: &str, codes: &Codes, day: &str) -> Result<i64> {
        self.run(
            "cannot store a cluster",
            "INSERT INTO clusters (type, source_codes, target_codes, place_codes, day_first, day_last, events, documents, outlets)
             VALUES (?1, ?2, ?3, ?4, ?5, ?5, 1, 1, 0)",
            params![event_type, codes.sources, codes.targets, codes.places, day],
        )?;
        Ok(self.tx.last_insert_rowid())
    }

    fn set_event_cluster(&mut self, event: i64, cluster: i64) -> Result<()> {
        self.run(
            "cannot cluster an event",
            "UPDATE events SET cluster = ?2 WHERE id = ?1",
            params![event, cluster],
        )?;
        Ok(())
    }

    fn document_clusters(&mut self, document: i64) -> Result<Vec<i64>> {
        self.ids(
            "cannot read clusters",
            "SELECT DISTINCT cluster FROM events WHERE document = ?1 AND cluster IS NOT NULL",
            [document],
        )
    }

    fn recount_cluster(&mut self, cluster: i64) -> Result<()> {
        self.run(
            "cannot count clusters",
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
            [cluster],
        )?;
        self.run(
            "cannot drop empty clusters",
            "DELETE FROM clusters WHERE id = ?1 AND events = 0",
            [cluster],
        )?;
        Ok(())
    }

    fn clear_document(&mut self, document: i64) -> Result<()> {
        for sql in [
            "DELETE FROM events WHERE document = ?1",
            "DELETE FROM mentions WHERE document = ?1",
            "DELETE FROM entities WHERE document = ?1",
            "DELETE FROM quotes WHERE document = ?1",
        ] {
            self.run("cannot clear an old analysis", sql, [document])?;
        }
        Ok(())
    }

    fn update_analysis(
        &mut self,
        document: i64,
        analysis: &str,
        version: u32,
        language: Option<&'static str>,
    ) -> Result<()> {
        self.run(
            "cannot update a document",
            "UPDATE documents SET analysis = ?2, analysis_version = ?3, language = ?4 WHERE id = ?1",
            params![document, analysis, version, language],
        )?;
        Ok(())
    }
}

impl SqliteStore {
    /// Runs `f` on a write transaction (`BEGIN IMMEDIATE`: one writer at a time) and commits.
    fn write<T>(&mut self, f: impl FnOnce(&mut SqliteTx<'_>) -> Result<T>) -> Result<T> {
        let path = self.path.clone();
        let timeout = self.busy_timeout;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| classify(&path, "cannot start a batch", e, timeout))?;
        let out = f(&mut SqliteTx {
            tx: &tx,
            path: &path,
            timeout,
        })?;
        tx.commit()
            .map_err(|e| classify(&path, "cannot commit a batch", e, timeout))?;
        Ok(out)
    }
}

impl Store for SqliteStore {
    crate::read_api::store_reads!();

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
        // one read transaction for all keys: in WAL mode every autocommit read takes and
        // drops a read lock (fcntl calls), and a document has a few dozen keys
        let snapshot = if self.conn.is_autocommit() && keys.len() > 1 {
            Some(
                self.conn
                    .unchecked_transaction()
                    .map_err(|e| self.err("cannot look up near duplicates", e))?,
            )
        } else {
            None
        };
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
        drop(stmt);
        if let Some(t) = snapshot {
            t.commit()
                .map_err(|e| self.err("cannot look up near duplicates", e))?;
        }
        Ok(out)
    }

    fn write_batch(
        &mut self,
        batch: Vec<Incoming>,
        settings: &ClusterSettings,
    ) -> Result<BatchOutcome> {
        let location = self.path.clone();
        self.write(|tx| write::write_batch(tx, &location, &batch, settings))
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
                    DocumentFields {
                        id: r.get(0)?,
                        text: r.get(1)?,
                        language: r.get(2)?,
                        published: r.get(3)?,
                        title: r.get(4)?,
                        url: r.get(5)?,
                        outlet: r.get(6)?,
                    },
                    r.get::<_, u32>(7)?,
                ))
            })
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
            .map_err(|e| self.err("cannot read documents", e))?;
        rows.into_iter()
            .map(|(fields, version)| {
                Ok(Outdated {
                    document: fields.document(&self.path)?,
                    version,
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
        self.write(|tx| write::replace_analyses(tx, &analyses, version, settings))
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
        row.map(|(json, text)| read::analysis(&self.path, doc_id, &json, text))
            .transpose()
    }

    fn each_event(
        &self,
        filter: &Filter,
        f: &mut dyn FnMut(EventRecord) -> std::io::Result<()>,
    ) -> Result<usize> {
        let (sql, params) = read::events_query(filter, DIALECT);
        let mut stmt = self
            .conn
            .prepare(&sql)
            .map_err(|e| self.err("cannot query events", e))?;
        let mut rows = stmt
            .query(rusqlite::params_from_iter(
                params.into_iter().map(sql_value),
            ))
            .map_err(|e| self.err("cannot query events", e))?;
        let mut n = 0;
        while let Some(r) = rows
            .next()
            .map_err(|e| self.err("cannot query events", e))?
        {
            let row = (|| {
                Ok(ReadRow {
                    json: r.get(0)?,
                    cluster: r.get(1)?,
                    day: r.get(2)?,
                    evidence: r.get(3)?,
                    document: r.get(4)?,
                    language: r.get(5)?,
                    published: r.get(6)?,
                    title: r.get(7)?,
                    url: r.get(8)?,
                    outlet: r.get(9)?,
                })
            })()
            .map_err(|e| self.err("cannot query events", e))?;
            f(row.record(&self.path)?).map_err(|source| StoreError::Output { source })?;
            n += 1;
        }
        Ok(n)
    }

    fn clusters(&self, filter: &Filter) -> Result<Vec<ClusterRecord>> {
        let (sql, params) = read::clusters_query(filter, DIALECT);
        let mut stmt = self
            .conn
            .prepare(&sql)
            .map_err(|e| self.err("cannot query clusters", e))?;
        let split = |s: String| split_codes(&s).map(str::to_string).collect::<Vec<_>>();
        let mut out: Vec<ClusterRecord> = stmt
            .query_map(
                rusqlite::params_from_iter(params.into_iter().map(sql_value)),
                |r| {
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
                },
            )
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
        let pairs = |sql: &str| -> Result<Vec<(String, u64)>> {
            let mut stmt = self
                .conn
                .prepare(sql)
                .map_err(|e| self.err("cannot count", e))?;
            stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
                .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
                .map_err(|e| self.err("cannot count", e))
        };
        let by_day = pairs(
            "SELECT day, count(*) FROM events WHERE day IS NOT NULL GROUP BY day ORDER BY day",
        )?;
        let by_type =
            pairs("SELECT type, count(*) AS n FROM events GROUP BY type ORDER BY n DESC, type")?;
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

impl crate::read_api::Rows for SqliteStore {
    fn dialect(&self) -> Dialect {
        DIALECT
    }
    fn where_is(&self) -> &str {
        &self.path
    }
    fn rows(
        &self,
        context: &str,
        sql: &str,
        params: Vec<Param>,
    ) -> Result<Vec<Vec<crate::read_api::Value>>> {
        use crate::read_api::Value;
        use rusqlite::types::ValueRef;
        let read = || -> rusqlite::Result<Vec<Vec<Value>>> {
            let mut stmt = self.conn.prepare_cached(sql)?;
            let n = stmt.column_count();
            let mut rows = stmt.query(rusqlite::params_from_iter(
                params.into_iter().map(sql_value),
            ))?;
            let mut out = Vec::new();
            while let Some(r) = rows.next()? {
                let mut row = Vec::with_capacity(n);
                for i in 0..n {
                    row.push(match r.get_ref(i)? {
                        ValueRef::Null => Value::Null,
                        ValueRef::Integer(v) => Value::Int(v),
                        ValueRef::Real(v) => Value::Real(v),
                        ValueRef::Text(t) | ValueRef::Blob(t) => {
                            Value::Text(String::from_utf8_lossy(t).into_owned())
                        }
                    });
                }
                out.push(row);
            }
            Ok(out)
        };
        read().map_err(|e| self.err(context, e))
    }
}
