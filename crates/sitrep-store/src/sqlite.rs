//! The embedded SQLite backend: one file in WAL mode, one writer at a time (others wait up
//! to the busy timeout), every write in one `BEGIN IMMEDIATE` transaction.

use crate::cluster::{split_codes, Codes};
use crate::read::{self, Dialect, DocumentFields, EventRow as ReadRow, Param};
use crate::write::{self, ActorKey, DocumentRow, EventRow, ReportRow, Tx};
use crate::{
    BatchOutcome, ClusterRecord, ClusterSettings, Counts, EventRecord, Filter, Incoming, Known,
    Outdated, Result, Stats, Store, StoreError, TextHash, SCHEMA_VERSION,
};
use rusqlite::types::Value;
use rusqlite::{params, Connection, ErrorCode, OpenFlags, OptionalExtension, TransactionBehavior};
use sitrep_core::{Analysis, Citation, Entity, EventActor, EventPlace, Mention, Quote};
use std::collections::BTreeSet;
use std::time::Duration;

/// Marks a SQLite file as a sitrep store (`PRAGMA application_id`; "SITR").
const APPLICATION_ID: i32 = 0x5349_5452;

/// The schema migrations, in order: (version, name, SQL).
const MIGRATIONS: &[(u32, &str, &str)] = &[
    (1, "0001_init", include_str!("../migrations/0001_init.sql")),
    (
        2,
        "0002_drop_unused_indexes",
        include_str!("../migrations/0002_drop_unused_indexes.sql"),
    ),
];

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
        // A write transaction uses about 80 statements (the multi-row inserts up to nine
        // per table); the default cache of 16 would prepare some again for every batch.
        store.conn.set_prepared_statement_cache_capacity(96);
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
        // temp_store = MEMORY keeps the statement journals in memory: each multi-row insert
        // inside the batch transaction journals the pages it changes in case it fails half
        // way, and past 64 KiB SQLite spilled them to a file in /var/tmp, about 66,000
        // writes for one ingest of 877 news articles. They are per statement, so small.
        store
            .conn
            .pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get::<_, String>(0))
            .map_err(|e| store.err("cannot switch to WAL mode", e))?;
        store
            .conn
            .execute_batch(
                "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY;",
            )
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
    held: Held,
}

/// The tables whose rows nothing in a write transaction reads back: their rows are held
/// back and inserted [`CHUNK`] rows per statement. SQLite's cost per statement (cursors
/// opened and closed, the halt, a binding round) was about a third of the cost of rows
/// this small, and 62,000 of the 71,000 rows of a GNAD dev ingest are signature keys,
/// mentions and entities.
#[derive(Clone, Copy)]
enum Leaf {
    SignatureKeys,
    Entities,
    Mentions,
    Quotes,
    Places,
    Citations,
}

impl Leaf {
    /// In flush order: each table's rows keep their order, so their rowids do too.
    const ALL: [Leaf; 6] = [
        Leaf::SignatureKeys,
        Leaf::Entities,
        Leaf::Mentions,
        Leaf::Quotes,
        Leaf::Places,
        Leaf::Citations,
    ];

    /// The insert up to `VALUES`, the number of columns and the error context.
    fn spec(self) -> (&'static str, usize, &'static str) {
        match self {
            Leaf::SignatureKeys => (
                "INSERT OR IGNORE INTO signature_keys (key, document) VALUES ",
                2,
                "cannot store signature keys",
            ),
            Leaf::Entities => (
                "INSERT INTO entities (document, entity, kind, name, actor_code, sector, kb) VALUES ",
                7,
                "cannot store entities",
            ),
            Leaf::Mentions => (
                "INSERT INTO mentions (document, entity, start, \"end\", text) VALUES ",
                5,
                "cannot store mentions",
            ),
            Leaf::Quotes => (
                "INSERT INTO quotes (document, start, \"end\", text, kind, speaker_name, speaker_code, speaker_entity) VALUES ",
                8,
                "cannot store quotes",
            ),
            Leaf::Places => (
                "INSERT INTO event_places (event, role, code, name, text, start, \"end\") VALUES ",
                7,
                "cannot store event places",
            ),
            Leaf::Citations => (
                "INSERT INTO citations (event, name, kind, entity, text, start, \"end\") VALUES ",
                7,
                "cannot store citations",
            ),
        }
    }
}

/// Rows per multi-row insert; a remainder goes in halving pieces (128, 64, …, 1), so each
/// table needs at most nine cached statements. Each statement copies the pages it is the
/// first to touch into its statement journal (its inserts are checked against foreign keys
/// and may have to be undone); 256 rows a statement rather than 32 made that copying a
/// third of what it was and a GNAD dev ingest 0.4 % cheaper (issue 8, seventeenth sitting).
/// Longer statements cost more to prepare than they save: 1,024 rows cost as much as 32.
const CHUNK: usize = 256;

/// The held-back rows of each [`Leaf`] table, their values flattened row by row.
#[derive(Default)]
struct Held {
    rows: [Vec<Value>; Leaf::ALL.len()],
}

/// The multi-row pieces `n` held rows are inserted in: [`CHUNK`]s, then halving sizes.
fn pieces(mut n: usize) -> impl Iterator<Item = usize> {
    let mut size = CHUNK;
    std::iter::from_fn(move || {
        while size > n {
            size /= 2;
        }
        (n > 0).then(|| {
            n -= size;
            size
        })
    })
}

/// `prefix` followed by `rows` groups of `width` placeholders.
fn multi_row_sql(prefix: &str, width: usize, rows: usize) -> String {
    let group = format!("({})", vec!["?"; width].join(", "));
    format!("{prefix}{}", vec![group; rows].join(", "))
}

fn text(s: &str) -> Value {
    Value::Text(s.to_string())
}

fn opt_text(s: Option<&str>) -> Value {
    s.map_or(Value::Null, text)
}

impl SqliteTx<'_> {
    fn hold(&mut self, table: Leaf, row: impl IntoIterator<Item = Value>) {
        self.held.rows[table as usize].extend(row);
    }

    /// Inserts the held-back rows, table by table in [`Leaf::ALL`] order.
    fn flush(&mut self) -> Result<()> {
        for table in Leaf::ALL {
            let values = std::mem::take(&mut self.held.rows[table as usize]);
            let (prefix, width, context) = table.spec();
            let mut at = 0;
            let mut sql = (0, String::new());
            for rows in pieces(values.len() / width) {
                if sql.0 != rows {
                    sql = (rows, multi_row_sql(prefix, width, rows));
                }
                let end = at + rows * width;
                self.tx
                    .prepare_cached(&sql.1)
                    .and_then(|mut s| s.execute(rusqlite::params_from_iter(&values[at..end])))
                    .map_err(|e| classify(self.path, context, e, self.timeout))?;
                at = end;
            }
        }
        Ok(())
    }

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
        self.hold(
            Leaf::SignatureKeys,
            [Value::Integer(key), Value::Integer(document)],
        );
        Ok(())
    }

    fn insert_entity(&mut self, document: i64, en: &Entity) -> Result<()> {
        let actor = en.actor.as_ref();
        self.hold(
            Leaf::Entities,
            [
                Value::Integer(document),
                text(&en.id),
                text(en.kind.as_str()),
                text(&en.name),
                opt_text(actor.and_then(|c| c.code())),
                opt_text(actor.and_then(|c| c.sector()).map(|s| s.as_str())),
                opt_text(en.kb.as_deref()),
            ],
        );
        Ok(())
    }

    fn insert_mention(&mut self, document: i64, entity: &str, m: &Mention) -> Result<()> {
        self.hold(
            Leaf::Mentions,
            [
                Value::Integer(document),
                text(entity),
                Value::Integer(m.start.into()),
                Value::Integer(m.end.into()),
                text(&m.text),
            ],
        );
        Ok(())
    }

    fn insert_quote(&mut self, document: i64, q: &Quote) -> Result<()> {
        let s = q.speaker.as_ref();
        self.hold(
            Leaf::Quotes,
            [
                Value::Integer(document),
                Value::Integer(q.start.into()),
                Value::Integer(q.end.into()),
                text(&q.text),
                text(&q.kind),
                opt_text(s.map(|s| s.name.as_str())),
                opt_text(s.and_then(|s| s.code.as_deref())),
                opt_text(s.and_then(|s| s.entity.as_deref())),
            ],
        );
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
        self.hold(
            Leaf::Places,
            [
                Value::Integer(event),
                text(role),
                opt_text(p.code.as_deref()),
                text(&p.name),
                text(&p.text),
                Value::Integer(p.start.into()),
                Value::Integer(p.end.into()),
            ],
        );
        Ok(())
    }

    fn insert_citation(&mut self, event: i64, c: &Citation) -> Result<()> {
        self.hold(
            Leaf::Citations,
            [
                Value::Integer(event),
                opt_text(c.name.as_deref()),
                opt_text(c.kind.map(|k| k.as_str())),
                opt_text(c.entity.as_deref()),
                text(&c.text),
                Value::Integer(c.start.into()),
                Value::Integer(c.end.into()),
            ],
        );
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
        // held rows first: a delete must not run ahead of inserts made before it
        self.flush()?;
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
        let mut stx = SqliteTx {
            tx: &tx,
            path: &path,
            timeout,
            held: Held::default(),
        };
        let out = f(&mut stx)?;
        stx.flush()?;
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
        crate::read_api::counts(self)
    }

    fn stats(&self, top: usize) -> Result<Stats> {
        crate::read_api::stats(self, self.counts()?, top)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{NewDocument, Signature};
    use sitrep_core::{ActorCode, Document, EntityKind, Event, EventType, Sector, Span, Speaker};

    #[test]
    fn pieces_cover_every_row_in_halving_sizes() {
        let smaller = CHUNK.trailing_zeros() as usize;
        for n in 0..3 * CHUNK {
            let sizes: Vec<usize> = pieces(n).collect();
            assert_eq!(sizes.iter().sum::<usize>(), n, "{n}: {sizes:?}");
            assert!(sizes.iter().all(|s| s.is_power_of_two() && *s <= CHUNK));
            assert!(sizes.windows(2).all(|w| w[0] >= w[1]), "{n}: {sizes:?}");
            // whole chunks, then each smaller size at most once
            assert!(sizes.len() <= n / CHUNK + smaller, "{n}: {sizes:?}");
        }
        assert_eq!(
            pieces(2 * CHUNK + 77).collect::<Vec<_>>(),
            [CHUNK, CHUNK, 64, 8, 4, 1]
        );
    }

    fn mention(k: u32) -> Mention {
        Mention {
            start: k,
            end: k + 3,
            text: format!("m{k}"),
        }
    }

    /// A quarter of [`CHUNK`]: entity `e` of [`busy_analysis`] has `e * QUARTER + 1`
    /// mentions.
    const QUARTER: u32 = CHUNK as u32 / 4;
    /// The mentions of [`busy_analysis`]: 5 + 10 quarters, over two chunks.
    const MENTIONS: usize = 5 + 10 * QUARTER as usize;

    /// A document with more held-back rows of each kind than one multi-row insert takes
    /// (and remainders of every size), the optional columns both set and empty.
    fn busy_analysis() -> Analysis {
        let mut a = Analysis::from_document(Document::new("busy", "Russland droht der Ukraine."));
        a.language = Some(sitrep_core::Language::De);
        for e in 0..5u32 {
            a.entities.push(Entity {
                id: format!("e{e}"),
                kind: if e % 2 == 0 {
                    EntityKind::State
                } else {
                    EntityKind::Person
                },
                name: format!("Name {e}"),
                // coded (with and without a sector), sector-only (e3) and none
                actor: match e {
                    3 => Some(ActorCode::sector_only(Sector::Cvl)),
                    _ => (e % 2 == 0).then(|| {
                        ActorCode::coded(format!("C{e}"), (e == 2).then_some(Sector::Gov))
                    }),
                },
                kb: (e == 4).then(|| "kb4".to_string()),
                mentions: (0..(e * QUARTER + 1))
                    .map(|k| mention(1000 * e + k))
                    .collect(),
            });
        }
        for q in 0..CHUNK as u32 + 35 {
            a.quotes.push(Quote {
                start: q,
                end: q + 1,
                text: format!("q{q}"),
                kind: "direct".into(),
                speaker: (q % 3 == 0).then(|| Speaker {
                    entity: (q % 2 == 0).then(|| "e1".to_string()),
                    name: format!("S{q}"),
                    code: None,
                }),
            });
        }
        let trigger = mention(0);
        let mut ev = Event::new("v1", EventType::Threaten, trigger, Span::new(0, 8));
        for p in 0..CHUNK as u32 + 33 {
            ev.location.push(EventPlace {
                code: (p % 2 == 0).then(|| format!("P{p}")),
                name: format!("place {p}"),
                text: format!("p{p}"),
                start: p,
                end: p + 2,
            });
        }
        ev.origin.push(EventPlace {
            code: None,
            name: "origin".into(),
            text: "o".into(),
            start: 1,
            end: 2,
        });
        for c in 0..3u32 {
            ev.reported_by.push(Citation {
                name: (c > 0).then(|| format!("Zeitung {c}")),
                kind: (c == 1).then_some(EntityKind::Media),
                entity: None,
                text: format!("c{c}"),
                start: c,
                end: c + 1,
            });
        }
        a.events.push(ev);
        a
    }

    fn rows(conn: &Connection, sql: &str) -> Vec<String> {
        let mut s = conn.prepare(sql).unwrap();
        let n = s.column_count();
        s.query_map([], |r| {
            (0..n)
                .map(|i| {
                    Ok(match r.get::<_, Value>(i)? {
                        Value::Null => "-".to_string(),
                        Value::Integer(x) => x.to_string(),
                        Value::Text(t) => t,
                        v => format!("{v:?}"),
                    })
                })
                .collect::<rusqlite::Result<Vec<String>>>()
                .map(|v| v.join("|"))
        })
        .unwrap()
        .collect::<rusqlite::Result<Vec<_>>>()
        .unwrap()
    }

    /// The held-back rows reach their tables whole and in the order the shared writer
    /// gives them (rowid order is what a dump and an unordered read show).
    #[test]
    fn held_back_rows_are_stored_whole_and_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("held.db");
        let mut store = SqliteStore::open(path.to_str().unwrap(), &OpenOptions::default()).unwrap();
        let a = busy_analysis();
        let keys: Vec<i64> = (0..CHUNK as i64 + 40)
            .map(|k| (k * 7919) % 1000 - 500)
            .collect();
        let doc = NewDocument {
            hash: TextHash::of(&a.text),
            signature: Some(Signature {
                bytes: vec![1, 2, 3],
                keys: keys.clone(),
            }),
            analysis: a.clone(),
            version: 1,
        };
        store
            .write_batch(vec![Incoming::Document(doc)], &ClusterSettings::default())
            .unwrap();
        let conn = store.connection();

        let mut want: Vec<String> = keys.iter().map(|k| format!("{k}|1")).collect();
        want.sort_by_key(|r| r.split('|').next().unwrap().parse::<i64>().unwrap());
        want.dedup();
        assert_eq!(
            rows(
                conn,
                "SELECT key, document FROM signature_keys ORDER BY key"
            ),
            want
        );

        // the writer inserts entities last first (a repeated id keeps the last)
        let want: Vec<String> = a
            .entities
            .iter()
            .rev()
            .map(|e| {
                let code = e.actor.as_ref().and_then(|c| c.code()).unwrap_or("-");
                let sector = e
                    .actor
                    .as_ref()
                    .and_then(|c| c.sector())
                    .map_or("-", |s| s.as_str());
                let kb = e.kb.as_deref().unwrap_or("-");
                format!(
                    "1|{}|{}|{}|{code}|{sector}|{kb}",
                    e.id,
                    e.kind.as_str(),
                    e.name
                )
            })
            .collect();
        assert_eq!(
            rows(conn, "SELECT document, entity, kind, name, actor_code, sector, kb FROM entities ORDER BY rowid"),
            want
        );

        let want: Vec<String> = a
            .entities
            .iter()
            .flat_map(|e| {
                e.mentions
                    .iter()
                    .map(move |m| format!("1|{}|{}|{}|{}", e.id, m.start, m.end, m.text))
            })
            .collect();
        assert_eq!(want.len(), MENTIONS);
        assert_eq!(
            rows(
                conn,
                "SELECT document, entity, start, \"end\", text FROM mentions ORDER BY rowid"
            ),
            want
        );

        let want: Vec<String> = a
            .quotes
            .iter()
            .map(|q| {
                let s = q.speaker.as_ref();
                format!(
                    "1|{}|{}|{}|{}|{}|-|{}",
                    q.start,
                    q.end,
                    q.text,
                    q.kind,
                    s.map_or("-", |s| s.name.as_str()),
                    s.and_then(|s| s.entity.as_deref()).unwrap_or("-")
                )
            })
            .collect();
        assert_eq!(
            rows(conn, "SELECT document, start, \"end\", text, kind, speaker_name, speaker_code, speaker_entity FROM quotes ORDER BY rowid"),
            want
        );

        let ev = &a.events[0];
        let place = |role: &str, p: &EventPlace| {
            format!(
                "1|{role}|{}|{}|{}|{}|{}",
                p.code.as_deref().unwrap_or("-"),
                p.name,
                p.text,
                p.start,
                p.end
            )
        };
        let want: Vec<String> = ev
            .origin
            .iter()
            .map(|p| place("origin", p))
            .chain(ev.location.iter().map(|p| place("location", p)))
            .collect();
        assert_eq!(
            rows(conn, "SELECT event, role, code, name, text, start, \"end\" FROM event_places ORDER BY rowid"),
            want
        );

        let want: Vec<String> = ev
            .reported_by
            .iter()
            .map(|c| {
                format!(
                    "1|{}|{}|-|{}|{}|{}",
                    c.name.as_deref().unwrap_or("-"),
                    c.kind.map_or("-", |k| k.as_str()),
                    c.text,
                    c.start,
                    c.end
                )
            })
            .collect();
        assert_eq!(
            rows(conn, "SELECT event, name, kind, entity, text, start, \"end\" FROM citations ORDER BY rowid"),
            want
        );
    }

    /// The candidates the triage compares come key by key in the order asked, each key's
    /// documents in id order, each document once (the order decides between equally
    /// similar stored copies).
    #[test]
    fn a_writing_store_keeps_its_statement_journals_in_memory() {
        // 2 = MEMORY. With the default (file), every batch of ingest spilled its
        // statement journals to /var/tmp: tens of thousands of writes per thousand
        // articles (see `open_once`).
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("tmp.db");
        let store = SqliteStore::open(path.to_str().unwrap(), &OpenOptions::default()).unwrap();
        let temp_store: i64 = store
            .connection()
            .query_row("PRAGMA temp_store", [], |r| r.get(0))
            .unwrap();
        assert_eq!(temp_store, 2);
    }

    #[test]
    fn near_candidates_come_key_by_key_in_the_order_asked() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("near.db");
        let mut store = SqliteStore::open(path.to_str().unwrap(), &OpenOptions::default()).unwrap();
        let docs = [
            ("d1", vec![5]),
            ("d2", vec![3, 5]),
            ("d3", vec![3]),
            ("d4", vec![9]),
        ];
        let batch = docs
            .iter()
            .map(|(id, keys)| {
                let a = Analysis::from_document(Document::new(*id, format!("Text {id}")));
                Incoming::Document(NewDocument {
                    hash: TextHash::of(&a.text),
                    signature: Some(Signature {
                        bytes: id.as_bytes().to_vec(),
                        keys: keys.clone(),
                    }),
                    analysis: a,
                    version: 1,
                })
            })
            .collect();
        store
            .write_batch(batch, &ClusterSettings::default())
            .unwrap();
        let ids = |keys: &[i64]| -> Vec<String> {
            store
                .near_candidates(keys)
                .unwrap()
                .into_iter()
                .map(|(id, sig)| {
                    assert_eq!(sig, id.as_bytes());
                    id
                })
                .collect()
        };
        assert_eq!(ids(&[5, 3]), ["d1", "d2", "d3"]);
        assert_eq!(ids(&[3, 5]), ["d2", "d3", "d1"]);
        assert_eq!(ids(&[9, 4, 3, 9]), ["d4", "d2", "d3"]);
        assert!(ids(&[4]).is_empty() && ids(&[]).is_empty());
    }

    /// A reanalysis clears a document's rows before inserting the new ones: rows held
    /// back for an earlier document of the same call are stored, not lost or reordered.
    #[test]
    fn reanalysis_of_several_documents_keeps_every_held_row() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("re.db");
        let mut store = SqliteStore::open(path.to_str().unwrap(), &OpenOptions::default()).unwrap();
        let mut docs = Vec::new();
        for id in ["a", "b"] {
            let mut a = busy_analysis();
            a.id = id.into();
            a.text = format!("{} {id}", a.text);
            docs.push(a);
        }
        let batch = docs
            .iter()
            .map(|a| {
                Incoming::Document(NewDocument {
                    hash: TextHash::of(&a.text),
                    signature: None,
                    analysis: a.clone(),
                    version: 0,
                })
            })
            .collect();
        store
            .write_batch(batch, &ClusterSettings::default())
            .unwrap();
        let n = store
            .replace_analyses(docs.clone(), 1, &ClusterSettings::default())
            .unwrap();
        assert_eq!(n, 2);
        let conn = store.connection();
        assert_eq!(
            rows(
                conn,
                "SELECT document, count(*) FROM mentions GROUP BY document ORDER BY min(rowid)"
            ),
            [format!("1|{MENTIONS}"), format!("2|{MENTIONS}")]
        );
        assert_eq!(
            rows(
                conn,
                "SELECT document, count(*) FROM quotes GROUP BY document ORDER BY min(rowid)"
            ),
            [format!("1|{}", CHUNK + 35), format!("2|{}", CHUNK + 35)]
        );
        assert_eq!(
            rows(conn, "SELECT count(*) FROM event_places"),
            [(2 * (CHUNK + 34)).to_string()]
        );
    }
}
