//! The PostgreSQL backend (feature `postgres`): the same schema as SQLite in PostgreSQL's
//! dialect (`migrations/postgres/`), in the connection's current schema. Writers take a
//! transaction-level advisory lock per store, so batches and migrations run one at a time
//! as with SQLite's `BEGIN IMMEDIATE`; readers never lock and open read-only sessions.

use crate::cluster::{split_codes, Codes};
use crate::read::{self, Dialect, DocumentFields, EventRow as ReadRow, Param};
use crate::write::{self, ActorKey, DocumentRow, EventRow, ReportRow, Tx};
use crate::{
    redact, BatchOutcome, ClusterRecord, ClusterSettings, Counts, EventRecord, Filter, Incoming,
    Known, OpenOptions, Outdated, Result, Stats, Store, StoreError, TextHash, SCHEMA_VERSION,
};
use postgres::error::SqlState;
use postgres::types::ToSql;
use postgres::{Client, GenericClient, NoTls, Statement};
use sitrep_core::{Analysis, Citation, Entity, EventActor, EventPlace, Mention, Quote};
use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};
use std::time::Duration;

/// The schema migrations, in order: (version, name, SQL).
const MIGRATIONS: &[(u32, &str, &str)] = &[
    (
        1,
        "0001_init",
        include_str!("../migrations/postgres/0001_init.sql"),
    ),
    (
        2,
        "0002_drop_unused_indexes",
        include_str!("../migrations/postgres/0002_drop_unused_indexes.sql"),
    ),
];

/// One writer per store: an advisory lock keyed by the store's schema, held until the
/// transaction ends (so a killed writer releases it with its connection).
const LOCK: &str = "SELECT pg_advisory_xact_lock(hashtext('sitrep:' || current_schema()))";

const DIALECT: Dialect = Dialect {
    placeholder: |n| format!("${n}"),
    like: "ILIKE",
    day_order: "e.day NULLS FIRST",
};

/// A sitrep store in a PostgreSQL schema.
pub struct PgStore {
    inner: RefCell<Inner>,
    /// The URL without its password, for messages.
    location: String,
    lock_timeout: Duration,
}

struct Inner {
    client: Client,
    /// Prepared statements by SQL text: each is parsed once per connection.
    statements: HashMap<&'static str, Statement>,
}

type Params<'a> = &'a [&'a (dyn ToSql + Sync)];

/// Maps PostgreSQL's errors to the messages users need.
fn classify(location: &str, context: &str, e: postgres::Error, timeout: Duration) -> StoreError {
    let path = location.to_string();
    match e.code() {
        Some(c) if *c == SqlState::LOCK_NOT_AVAILABLE => StoreError::Locked {
            path,
            waited_ms: timeout.as_millis() as u64,
        },
        Some(c) if *c == SqlState::READ_ONLY_SQL_TRANSACTION => StoreError::ReadOnly {
            path,
            reason: "the session or server is read-only".into(),
        },
        Some(c) if *c == SqlState::INSUFFICIENT_PRIVILEGE => StoreError::ReadOnly {
            path,
            reason: e
                .as_db_error()
                .map(|d| d.message().to_string())
                .unwrap_or_else(|| "permission denied".into()),
        },
        _ => StoreError::Postgres {
            path,
            context: context.to_string(),
            source: e,
        },
    }
}

/// What the current schema holds: its name and the store's version (0 for an empty
/// schema), or why it is not a sitrep store. Reads only.
fn check(c: &mut impl GenericClient, location: &str, timeout: Duration) -> Result<u32> {
    let err = |e| classify(location, "cannot read the store", e, timeout);
    let row = c
        .query_one(
            "SELECT current_schema()::text,
                    (SELECT count(*) FROM pg_class k JOIN pg_namespace n ON n.oid = k.relnamespace
                     WHERE n.nspname = current_schema() AND k.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')),
                    to_regclass(format('%I.sitrep_store', current_schema())) IS NOT NULL",
            &[],
        )
        .map_err(err)?;
    let schema: Option<String> = row.try_get(0).map_err(err)?;
    let objects: i64 = row.try_get(1).map_err(err)?;
    let marked: bool = row.try_get(2).map_err(err)?;
    let Some(schema) = schema else {
        return Err(StoreError::Unsupported(format!(
            "{location}: no schema to keep a store in (none of the search_path exists); create one or set options=-csearch_path%3DNAME in the URL"
        )));
    };
    if !marked {
        if objects == 0 {
            return Ok(0);
        }
        return Err(StoreError::Foreign {
            path: location.to_string(),
            reason: format!("schema {schema:?} holds {objects} tables, views or sequences of another application"),
        });
    }
    let rows = c
        .query("SELECT application, schema_version FROM sitrep_store", &[])
        .map_err(err)?;
    let (app, version): (String, i64) = match rows.as_slice() {
        [r] => (r.try_get(0).map_err(err)?, r.try_get(1).map_err(err)?),
        _ => {
            return Err(StoreError::Foreign {
                path: location.to_string(),
                reason: format!(
                    "schema {schema:?} has a sitrep_store table with {} rows",
                    rows.len()
                ),
            })
        }
    };
    if app != "sitrep" {
        return Err(StoreError::Foreign {
            path: location.to_string(),
            reason: format!("schema {schema:?} is marked as a store of {app:?}"),
        });
    }
    let version = u32::try_from(version).unwrap_or(u32::MAX);
    if version > SCHEMA_VERSION {
        return Err(StoreError::Newer {
            path: location.to_string(),
            found: version,
            known: SCHEMA_VERSION,
        });
    }
    Ok(version)
}

impl PgStore {
    /// Connects to `url` (`postgres://user:password@host:port/database?options=…`) and
    /// opens the store in the connection's current schema, creating and migrating it when
    /// writable. A schema holding anything else, or a newer store, is refused before
    /// anything is written.
    pub fn open(url: &str, opts: &OpenOptions) -> Result<PgStore> {
        let location = redact(url);
        let mut config: postgres::Config = url.parse().map_err(|e| StoreError::Postgres {
            path: location.clone(),
            context: "not a valid PostgreSQL URL".into(),
            source: e,
        })?;
        config.application_name("sitrep");
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(Duration::from_secs(10));
        }
        let mut client = config.connect(NoTls).map_err(|e| StoreError::Postgres {
            path: location.clone(),
            context: "cannot connect".into(),
            source: e,
        })?;
        let timeout = opts.busy_timeout;
        // Our own integer, not input; SET takes no parameters.
        client
            .batch_execute(&format!("SET lock_timeout = {}", timeout.as_millis()))
            .map_err(|e| classify(&location, "cannot set the lock timeout", e, timeout))?;
        let version = check(&mut client, &location, timeout)?;
        if opts.read_only {
            if version == 0 {
                return Err(StoreError::Missing { path: location });
            }
            if version < SCHEMA_VERSION {
                return Err(StoreError::ReadOnly {
                    path: location,
                    reason: format!(
                        "schema version {version} needs upgrading to {SCHEMA_VERSION}; open it once for writing (sitrep ingest)"
                    ),
                });
            }
            // Readers can never write, whatever a bug would ask.
            client
                .batch_execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
                .map_err(|e| classify(&location, "cannot start a read-only session", e, timeout))?;
        } else if version < SCHEMA_VERSION {
            migrate(&mut client, &location, timeout)?;
        }
        Ok(PgStore {
            inner: RefCell::new(Inner {
                client,
                statements: HashMap::new(),
            }),
            location,
            lock_timeout: timeout,
        })
    }

    fn err(&self, context: &str, e: postgres::Error) -> StoreError {
        classify(&self.location, context, e, self.lock_timeout)
    }

    /// The schema version recorded in the store.
    pub fn schema_version(&self) -> Result<u32> {
        let mut inner = self.inner.borrow_mut();
        let v: i64 = inner
            .client
            .query_one(
                "SELECT coalesce(max(version), 0) FROM schema_migrations",
                &[],
            )
            .and_then(|r| r.try_get(0))
            .map_err(|e| self.err("cannot read the schema version", e))?;
        Ok(v as u32)
    }

    /// Runs `f` in a write transaction under the store's advisory lock and commits.
    fn write<T>(&mut self, f: impl FnOnce(&mut PgTx<'_, '_>) -> Result<T>) -> Result<T> {
        let (location, timeout) = (self.location.clone(), self.lock_timeout);
        let Inner { client, statements } = self.inner.get_mut();
        let mut tx = client
            .transaction()
            .map_err(|e| classify(&location, "cannot start a batch", e, timeout))?;
        tx.execute(LOCK, &[])
            .map_err(|e| classify(&location, "cannot lock the store", e, timeout))?;
        let mut t = PgTx {
            tx,
            statements,
            location: &location,
            timeout,
            pending: Pending::default(),
            clustered: TxClusters::default(),
        };
        let out = f(&mut t)?;
        t.flush()?;
        t.tx.commit()
            .map_err(|e| classify(&location, "cannot commit a batch", e, timeout))?;
        Ok(out)
    }

    /// Runs a read with the connection.
    fn read<T>(
        &self,
        context: &str,
        f: impl FnOnce(&mut Client) -> std::result::Result<T, postgres::Error>,
    ) -> Result<T> {
        let mut inner = self.inner.borrow_mut();
        f(&mut inner.client).map_err(|e| self.err(context, e))
    }

    /// Direct access for benchmarks and tests.
    pub fn client(&mut self) -> &mut Client {
        &mut self.inner.get_mut().client
    }
}

/// Applies every migration newer than the store's version in one transaction, under the
/// store's lock; looks again inside it, since another process may have migrated meanwhile.
fn migrate(client: &mut Client, location: &str, timeout: Duration) -> Result<()> {
    let err = |context: &str| {
        let context = context.to_string();
        move |e| classify(location, &context, e, timeout)
    };
    let mut tx = client
        .transaction()
        .map_err(err("cannot start the migration"))?;
    tx.execute(LOCK, &[])
        .map_err(err("cannot lock the store for the migration"))?;
    let current = check(&mut tx, location, timeout)?;
    for &(v, name, sql) in MIGRATIONS.iter().filter(|m| m.0 > current) {
        tx.batch_execute(sql)
            .map_err(err(&format!("migration {name} failed")))?;
        tx.execute(
            "INSERT INTO schema_migrations (version, name) VALUES ($1, $2)",
            &[&i64::from(v), &name],
        )
        .map_err(err("cannot record the migration"))?;
        tx.execute(
            "UPDATE sitrep_store SET schema_version = $1",
            &[&i64::from(v)],
        )
        .map_err(err("cannot record the schema version"))?;
    }
    tx.commit().map_err(err("cannot commit the migration"))
}

/// The statements of one PostgreSQL write transaction.
struct PgTx<'t, 's> {
    tx: postgres::Transaction<'t>,
    statements: &'s mut HashMap<&'static str, Statement>,
    location: &'s str,
    timeout: Duration,
    pending: Pending,
    clustered: TxClusters,
}

/// This transaction's clustered events by actor key, so that a cluster lookup sees them
/// without first sending the held-back rows (which would cost a round trip per event).
#[derive(Default)]
struct TxClusters {
    /// Actor keys with a day of this transaction's events not yet clustered.
    keys: HashMap<i64, Vec<(String, &'static str, &'static str, String)>>,
    /// The document of each of this transaction's events.
    documents: HashMap<i64, i64>,
    /// [`TxClusters::key`] → (day, event, cluster) of this transaction's clustered events.
    index: HashMap<String, Vec<(String, i64, i64)>>,
}

impl TxClusters {
    fn key(root: &str, role: &str, event_type: &str) -> String {
        format!("{root}\t{role}\t{event_type}")
    }
}
/// Rows a write transaction holds back until something reads them: each table's rows go
/// to the server as one `INSERT … SELECT FROM unnest(…)` statement instead of one round
/// trip per row (per-row statements made PostgreSQL ingest ~10× slower than SQLite's).
/// Events get their ids from a block reserved from the identity sequence, so that an
/// event and its actors can wait together.
#[derive(Default)]
struct Pending {
    keys: (Vec<i64>, Vec<i64>),
    entities: EntityCols,
    mentions: MentionCols,
    quotes: QuoteCols,
    events: EventCols,
    actors: ActorCols,
    places: PlaceCols,
    citations: CitationCols,
    /// (event, cluster) assignments.
    clustered: (Vec<i64>, Vec<i64>),
    /// Clusters created or grown in this transaction and not sent yet, by id: their
    /// codes are read from here.
    clusters: HashMap<i64, HeldCluster>,
    /// Ids reserved from the events' and the clusters' sequences and not used yet, in
    /// descending order (gaps are harmless).
    free_ids: [Vec<i64>; 2],
}

/// A cluster created (`new`) or grown in this transaction.
struct HeldCluster {
    new: Option<String>,
    codes: Codes,
    first: String,
    last: String,
    /// Events added in this transaction.
    added: i64,
}

/// The tables whose ids a transaction reserves in blocks.
#[derive(Clone, Copy)]
enum Ids {
    Events = 0,
    Clusters = 1,
}

#[derive(Default)]
struct EntityCols {
    document: Vec<i64>,
    entity: Vec<String>,
    kind: Vec<&'static str>,
    name: Vec<String>,
    actor_code: Vec<Option<String>>,
    sector: Vec<Option<&'static str>>,
    kb: Vec<Option<String>>,
}

#[derive(Default)]
struct MentionCols {
    document: Vec<i64>,
    entity: Vec<String>,
    start: Vec<i64>,
    end: Vec<i64>,
    text: Vec<String>,
}

#[derive(Default)]
struct QuoteCols {
    document: Vec<i64>,
    start: Vec<i64>,
    end: Vec<i64>,
    text: Vec<String>,
    kind: Vec<String>,
    speaker_name: Vec<Option<String>>,
    speaker_code: Vec<Option<String>>,
    speaker_entity: Vec<Option<String>>,
}

#[derive(Default)]
struct EventCols {
    id: Vec<i64>,
    document: Vec<i64>,
    event: Vec<String>,
    event_type: Vec<&'static str>,
    mode: Vec<Option<String>>,
    cameo: Vec<Option<String>>,
    modality: Vec<&'static str>,
    sources: Vec<String>,
    targets: Vec<String>,
    places: Vec<String>,
    date: Vec<Option<String>>,
    date_granularity: Vec<Option<String>>,
    day: Vec<Option<String>>,
    quantity: Vec<Option<f64>>,
    quantity_unit: Vec<Option<String>>,
    trigger: Vec<String>,
    evidence: Vec<String>,
    evidence_start: Vec<i64>,
    evidence_end: Vec<i64>,
    confidence: Vec<f64>,
    json: Vec<String>,
}

#[derive(Default)]
struct ActorCols {
    event: Vec<i64>,
    role: Vec<&'static str>,
    code: Vec<String>,
    entity: Vec<Option<String>>,
    text: Vec<String>,
    start: Vec<i64>,
    end: Vec<i64>,
    inferred: Vec<bool>,
    root: Vec<String>,
    event_type: Vec<&'static str>,
    day: Vec<Option<String>>,
}

#[derive(Default)]
struct PlaceCols {
    event: Vec<i64>,
    role: Vec<&'static str>,
    code: Vec<Option<String>>,
    name: Vec<String>,
    text: Vec<String>,
    start: Vec<i64>,
    end: Vec<i64>,
}

#[derive(Default)]
struct CitationCols {
    event: Vec<i64>,
    name: Vec<Option<String>>,
    kind: Vec<Option<&'static str>>,
    entity: Vec<Option<String>>,
    text: Vec<String>,
    start: Vec<i64>,
    end: Vec<i64>,
}

/// How many event ids one round trip reserves.
const ID_BLOCK: i64 = 256;

impl PgTx<'_, '_> {
    fn err(&self, context: &str, e: postgres::Error) -> StoreError {
        classify(self.location, context, e, self.timeout)
    }

    fn statement(&mut self, context: &str, sql: &'static str) -> Result<Statement> {
        if let Some(s) = self.statements.get(sql) {
            return Ok(s.clone());
        }
        let s = self.tx.prepare(sql).map_err(|e| self.err(context, e))?;
        self.statements.insert(sql, s.clone());
        Ok(s)
    }

    fn run(&mut self, context: &str, sql: &'static str, p: Params<'_>) -> Result<u64> {
        let s = self.statement(context, sql)?;
        self.tx.execute(&s, p).map_err(|e| self.err(context, e))
    }

    fn rows(
        &mut self,
        context: &str,
        sql: &'static str,
        p: Params<'_>,
    ) -> Result<Vec<postgres::Row>> {
        let s = self.statement(context, sql)?;
        self.tx.query(&s, p).map_err(|e| self.err(context, e))
    }

    /// The first column of the first row, if any.
    fn one<T: for<'a> postgres::types::FromSql<'a>>(
        &mut self,
        context: &str,
        sql: &'static str,
        p: Params<'_>,
    ) -> Result<Option<T>> {
        let rows = self.rows(context, sql, p)?;
        rows.first()
            .map(|r| r.try_get(0))
            .transpose()
            .map_err(|e| self.err(context, e))
    }

    fn id(&mut self, context: &str, sql: &'static str, p: Params<'_>) -> Result<i64> {
        self.one(context, sql, p)?.ok_or_else(|| {
            StoreError::Unsupported(format!(
                "{}: {context}: the insert returned no id",
                self.location
            ))
        })
    }

    fn ids(&mut self, context: &str, sql: &'static str, p: Params<'_>) -> Result<Vec<i64>> {
        let rows = self.rows(context, sql, p)?;
        rows.iter()
            .map(|r| r.try_get(0))
            .collect::<std::result::Result<_, _>>()
            .map_err(|e| self.err(context, e))
    }
}

impl PgTx<'_, '_> {
    /// An id from the reserved block, reserving the next block when it is used up.
    fn next_id(&mut self, table: Ids) -> Result<i64> {
        if self.pending.free_ids[table as usize].is_empty() {
            let sql = match table {
                Ids::Events => "SELECT nextval(pg_get_serial_sequence('events', 'id')) FROM generate_series(1, $1::bigint)",
                Ids::Clusters => "SELECT nextval(pg_get_serial_sequence('clusters', 'id')) FROM generate_series(1, $1::bigint)",
            };
            let mut ids = self.ids("cannot reserve ids", sql, &[&ID_BLOCK])?;
            ids.sort_unstable_by(|a, b| b.cmp(a));
            self.pending.free_ids[table as usize] = ids;
        }
        self.pending.free_ids[table as usize].pop().ok_or_else(|| {
            StoreError::Unsupported(format!("{}: no id was reserved", self.location))
        })
    }

    /// Sends the held-back rows, one statement per table, parents before children.
    fn flush(&mut self) -> Result<()> {
        let mut p = std::mem::take(&mut self.pending);
        let context = "cannot store a batch's rows";
        if !p.keys.0.is_empty() {
            self.run(
                context,
                "INSERT INTO signature_keys (key, document)
                 SELECT * FROM unnest($1::bigint[], $2::bigint[]) ON CONFLICT DO NOTHING",
                &[&p.keys.0, &p.keys.1],
            )?;
        }
        let e = &p.entities;
        if !e.document.is_empty() {
            self.run(
                context,
                "INSERT INTO entities (document, entity, kind, name, actor_code, sector, kb)
                 SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])",
                &[&e.document, &e.entity, &e.kind, &e.name, &e.actor_code, &e.sector, &e.kb],
            )?;
        }
        let m = &p.mentions;
        if !m.document.is_empty() {
            self.run(
                context,
                "INSERT INTO mentions (document, entity, start, \"end\", text)
                 SELECT * FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::bigint[], $5::text[])",
                &[&m.document, &m.entity, &m.start, &m.end, &m.text],
            )?;
        }
        let q = &p.quotes;
        if !q.document.is_empty() {
            self.run(
                context,
                "INSERT INTO quotes (document, start, \"end\", text, kind, speaker_name, speaker_code, speaker_entity)
                 SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])",
                &[&q.document, &q.start, &q.end, &q.text, &q.kind, &q.speaker_name, &q.speaker_code, &q.speaker_entity],
            )?;
        }
        let v = &p.events;
        if !v.id.is_empty() {
            self.run(
                context,
                "INSERT INTO events (id, document, event, type, mode, cameo, modality, source_codes, target_codes,
                                     place_codes, date, date_granularity, day, quantity, quantity_unit, trigger,
                                     evidence, evidence_start, evidence_end, confidence, json)
                 SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[],
                                      $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[],
                                      $13::text[], $14::float8[], $15::text[], $16::text[], $17::text[],
                                      $18::bigint[], $19::bigint[], $20::float8[], $21::text[])",
                &[
                    &v.id,
                    &v.document,
                    &v.event,
                    &v.event_type,
                    &v.mode,
                    &v.cameo,
                    &v.modality,
                    &v.sources,
                    &v.targets,
                    &v.places,
                    &v.date,
                    &v.date_granularity,
                    &v.day,
                    &v.quantity,
                    &v.quantity_unit,
                    &v.trigger,
                    &v.evidence,
                    &v.evidence_start,
                    &v.evidence_end,
                    &v.confidence,
                    &v.json,
                ],
            )?;
        }
        let a = &p.actors;
        if !a.event.is_empty() {
            self.run(
                context,
                "INSERT INTO event_actors (event, role, code, entity, text, start, \"end\", inferred, root, type, day)
                 SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[],
                                      $7::bigint[], $8::bool[], $9::text[], $10::text[], $11::text[])",
                &[
                    &a.event,
                    &a.role,
                    &a.code,
                    &a.entity,
                    &a.text,
                    &a.start,
                    &a.end,
                    &a.inferred,
                    &a.root,
                    &a.event_type,
                    &a.day,
                ],
            )?;
        }
        let pl = &p.places;
        if !pl.event.is_empty() {
            self.run(
                context,
                "INSERT INTO event_places (event, role, code, name, text, start, \"end\")
                 SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[], $7::bigint[])",
                &[&pl.event, &pl.role, &pl.code, &pl.name, &pl.text, &pl.start, &pl.end],
            )?;
        }
        let c = &p.citations;
        if !c.event.is_empty() {
            self.run(
                context,
                "INSERT INTO citations (event, name, kind, entity, text, start, \"end\")
                 SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[], $7::bigint[])",
                &[&c.event, &c.name, &c.kind, &c.entity, &c.text, &c.start, &c.end],
            )?;
        }
        if !p.clusters.is_empty() {
            self.flush_clusters(&p.clusters)?;
        }
        if !p.clustered.0.is_empty() {
            self.run(
                "cannot cluster events",
                "UPDATE events SET cluster = u.cluster
                 FROM unnest($1::bigint[], $2::bigint[]) AS u(event, cluster) WHERE events.id = u.event",
                &[&p.clustered.0, &p.clustered.1],
            )?;
        }
        // the unused reserved ids stay for the next rows
        self.pending.free_ids = std::mem::take(&mut p.free_ids);
        Ok(())
    }

    /// Inserts the new clusters and updates the grown ones, one statement each.
    fn flush_clusters(&mut self, held: &HashMap<i64, HeldCluster>) -> Result<()> {
        let mut ids = held.keys().copied().collect::<Vec<_>>();
        ids.sort_unstable();
        let (new, grown): (Vec<i64>, Vec<i64>) =
            ids.into_iter().partition(|id| held[id].new.is_some());
        for (ids, sql) in [
            (
                new,
                "INSERT INTO clusters (id, type, source_codes, target_codes, place_codes, day_first, day_last,
                                       events, documents, outlets)
                 SELECT id, type, s, t, p, first, last, n, 1, 0
                 FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                             $7::text[], $8::bigint[]) AS u(id, type, s, t, p, first, last, n)",
            ),
            (
                grown,
                "UPDATE clusters c SET source_codes = u.s, target_codes = u.t, place_codes = u.p,
                     day_first = least(c.day_first, u.first), day_last = greatest(c.day_last, u.last),
                     events = c.events + u.n
                 FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                             $7::text[], $8::bigint[]) AS u(id, type, s, t, p, first, last, n)
                 WHERE c.id = u.id",
            ),
        ] {
            if ids.is_empty() {
                continue;
            }
            let h: Vec<&HeldCluster> = ids.iter().map(|id| &held[id]).collect();
            let col = |f: fn(&HeldCluster) -> &str| h.iter().map(|c| f(c)).collect::<Vec<&str>>();
            let types = col(|c| c.new.as_deref().unwrap_or(""));
            let sources = col(|c| &c.codes.sources);
            let targets = col(|c| &c.codes.targets);
            let places = col(|c| &c.codes.places);
            let first = col(|c| &c.first);
            let last = col(|c| &c.last);
            let added: Vec<i64> = h.iter().map(|c| c.added).collect();
            self.run(
                "cannot store clusters",
                sql,
                &[&ids, &types, &sources, &targets, &places, &first, &last, &added],
            )?;
        }
        Ok(())
    }
}

impl Tx for PgTx<'_, '_> {
    fn id_known(&mut self, doc_id: &str) -> Result<bool> {
        Ok(self
            .one(
                "cannot look up a document",
                "SELECT EXISTS (SELECT 1 FROM documents WHERE doc_id = $1) OR EXISTS (SELECT 1 FROM reports WHERE doc_id = $1)",
                &[&doc_id],
            )?
            .unwrap_or(false))
    }

    fn document_with_hash(&mut self, hash: &str) -> Result<Option<i64>> {
        let direct = self.one(
            "cannot look up a text hash",
            "SELECT id FROM documents WHERE text_hash = $1 ORDER BY id LIMIT 1",
            &[&hash],
        )?;
        if direct.is_some() {
            return Ok(direct);
        }
        self.one(
            "cannot look up a text hash",
            "SELECT document FROM reports WHERE text_hash = $1 ORDER BY id LIMIT 1",
            &[&hash],
        )
    }

    fn document_row(&mut self, doc_id: &str) -> Result<Option<i64>> {
        self.one(
            "cannot look up a document",
            "SELECT id FROM documents WHERE doc_id = $1 UNION ALL SELECT document FROM reports WHERE doc_id = $1 LIMIT 1",
            &[&doc_id],
        )
    }

    fn own_document_row(&mut self, doc_id: &str) -> Result<Option<i64>> {
        self.one(
            "cannot look up a document",
            "SELECT id FROM documents WHERE doc_id = $1",
            &[&doc_id],
        )
    }

    fn insert_report(&mut self, r: &ReportRow<'_>) -> Result<()> {
        self.run(
            "cannot store a report",
            "INSERT INTO reports (document, doc_id, text_hash, kind, similarity, published, title, url, outlet)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            &[
                &r.document,
                &r.doc_id,
                &r.text_hash,
                &r.kind,
                &r.similarity,
                &r.published,
                &r.title,
                &r.url,
                &r.outlet,
            ],
        )?;
        Ok(())
    }

    fn insert_document(&mut self, d: &DocumentRow<'_>) -> Result<i64> {
        self.id(
            "cannot store a document",
            "INSERT INTO documents (doc_id, text_hash, signature, text, language, published, title, url, outlet,
                                    analysis_version, analysis)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
            &[
                &d.doc_id,
                &d.text_hash,
                &d.signature,
                &d.text,
                &d.language,
                &d.published,
                &d.title,
                &d.url,
                &d.outlet,
                &i64::from(d.version),
                &d.analysis,
            ],
        )
    }

    fn insert_signature_key(&mut self, document: i64, key: i64) -> Result<()> {
        self.pending.keys.0.push(key);
        self.pending.keys.1.push(document);
        Ok(())
    }

    fn insert_entity(&mut self, document: i64, en: &Entity) -> Result<()> {
        let c = &mut self.pending.entities;
        c.document.push(document);
        c.entity.push(en.id.clone());
        c.kind.push(en.kind.as_str());
        c.name.push(en.name.clone());
        c.actor_code
            .push(en.actor.as_ref().and_then(|a| a.code()).map(str::to_string));
        c.sector.push(
            en.actor
                .as_ref()
                .and_then(|a| a.sector())
                .map(|s| s.as_str()),
        );
        c.kb.push(en.kb.clone());
        Ok(())
    }

    fn insert_mention(&mut self, document: i64, entity: &str, m: &Mention) -> Result<()> {
        let c = &mut self.pending.mentions;
        c.document.push(document);
        c.entity.push(entity.to_string());
        c.start.push(i64::from(m.start));
        c.end.push(i64::from(m.end));
        c.text.push(m.text.clone());
        Ok(())
    }

    fn insert_quote(&mut self, document: i64, q: &Quote) -> Result<()> {
        let s = q.speaker.as_ref();
        let c = &mut self.pending.quotes;
        c.document.push(document);
        c.start.push(i64::from(q.start));
        c.end.push(i64::from(q.end));
        c.text.push(q.text.clone());
        c.kind.push(q.kind.clone());
        c.speaker_name.push(s.map(|s| s.name.clone()));
        c.speaker_code.push(s.and_then(|s| s.code.clone()));
        c.speaker_entity.push(s.and_then(|s| s.entity.clone()));
        Ok(())
    }

    fn insert_event(&mut self, e: &EventRow<'_>) -> Result<i64> {
        let id = self.next_id(Ids::Events)?;
        self.clustered.documents.insert(id, e.document);
        let ev = e.event;
        let c = &mut self.pending.events;
        c.id.push(id);
        c.document.push(e.document);
        c.event.push(ev.id.clone());
        c.event_type.push(e.event_type);
        c.mode.push(ev.mode.clone());
        c.cameo.push(ev.cameo.clone());
        c.modality.push(e.modality);
        c.sources.push(e.codes.sources.clone());
        c.targets.push(e.codes.targets.clone());
        c.places.push(e.codes.places.clone());
        c.date.push(e.date.map(str::to_string));
        c.date_granularity
            .push(e.date_granularity.map(str::to_string));
        c.day.push(e.day.map(str::to_string));
        c.quantity.push(e.quantity);
        c.quantity_unit.push(e.quantity_unit.map(str::to_string));
        c.trigger.push(ev.trigger.text.clone());
        c.evidence.push(e.evidence.to_string());
        c.evidence_start.push(i64::from(ev.evidence.start));
        c.evidence_end.push(i64::from(ev.evidence.end));
        c.confidence.push(f64::from(ev.confidence));
        c.json.push(e.json.clone());
        Ok(id)
    }

    fn insert_actor(
        &mut self,
        event: i64,
        role: &'static str,
        x: &EventActor,
        key: &ActorKey<'_>,
    ) -> Result<()> {
        if let Some(day) = key.day {
            self.clustered.keys.entry(event).or_default().push((
                key.root.to_string(),
                role,
                key.event_type,
                day.to_string(),
            ));
        }
        let c = &mut self.pending.actors;
        c.event.push(event);
        c.role.push(role);
        c.code.push(x.code.clone());
        c.entity.push(x.entity.clone());
        c.text.push(x.text.clone());
        c.start.push(i64::from(x.start));
        c.end.push(i64::from(x.end));
        c.inferred.push(x.inferred);
        c.root.push(key.root.to_string());
        c.event_type.push(key.event_type);
        c.day.push(key.day.map(str::to_string));
        Ok(())
    }

    fn insert_place(&mut self, event: i64, role: &'static str, p: &EventPlace) -> Result<()> {
        let c = &mut self.pending.places;
        c.event.push(event);
        c.role.push(role);
        c.code.push(p.code.clone());
        c.name.push(p.name.clone());
        c.text.push(p.text.clone());
        c.start.push(i64::from(p.start));
        c.end.push(i64::from(p.end));
        Ok(())
    }

    fn insert_citation(&mut self, event: i64, cit: &Citation) -> Result<()> {
        let c = &mut self.pending.citations;
        c.event.push(event);
        c.name.push(cit.name.clone());
        c.kind.push(cit.kind.map(|k| k.as_str()));
        c.entity.push(cit.entity.clone());
        c.text.push(cit.text.clone());
        c.start.push(i64::from(cit.start));
        c.end.push(i64::from(cit.end));
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
        let roots: Vec<&str> = keys.iter().map(|k| k.0).collect();
        let roles: Vec<&str> = keys.iter().map(|k| k.1).collect();
        // the stored events, all keys in one statement (this transaction's held-back rows
        // are not sent for this) …
        let mut found: BTreeSet<i64> = self
            .ids(
                "cannot look up clusters",
                "SELECT DISTINCT e.cluster
                 FROM unnest($1::text[], $2::text[]) AS k(root, role)
                 JOIN event_actors a ON a.root = k.root COLLATE \"C\" AND a.role = k.role COLLATE \"C\"
                 JOIN events e ON e.id = a.event
                 WHERE a.type = $3 AND a.day BETWEEN $4 AND $5 AND e.cluster IS NOT NULL AND a.event <> $6",
                &[&roots, &roles, &event_type, &first, &last, &event],
            )?
            .into_iter()
            .collect();
        // … and this transaction's, from memory
        for &(root, role) in keys {
            if let Some(rows) = self
                .clustered
                .index
                .get(&TxClusters::key(root, role, event_type))
            {
                found.extend(
                    rows.iter()
                        .filter(|(day, e, _)| {
                            *e != event && first <= day.as_str() && day.as_str() <= last
                        })
                        .map(|&(_, _, c)| c),
                );
            }
        }
        Ok(found.into_iter().collect())
    }

    fn cluster_codes(&mut self, cluster: i64) -> Result<Codes> {
        if let Some(c) = self.pending.clusters.get(&cluster) {
            return Ok(c.codes.clone());
        }
        let context = "cannot read a cluster";
        let rows = self.rows(
            context,
            "SELECT source_codes, target_codes, place_codes FROM clusters WHERE id = $1",
            &[&cluster],
        )?;
        let r = rows.first().ok_or_else(|| {
            StoreError::Unsupported(format!(
                "{}: {context}: cluster {cluster} is gone",
                self.location
            ))
        })?;
        (|| {
            Ok(Codes {
                sources: r.try_get(0)?,
                targets: r.try_get(1)?,
                places: r.try_get(2)?,
            })
        })()
        .map_err(|e| self.err(context, e))
    }

    fn clusters_codes(&mut self, clusters: &[i64]) -> Result<Vec<Codes>> {
        // held clusters from memory, the others in one statement
        let stored: Vec<i64> = clusters
            .iter()
            .copied()
            .filter(|c| !self.pending.clusters.contains_key(c))
            .collect();
        let mut read = HashMap::new();
        if !stored.is_empty() {
            let context = "cannot read clusters";
            let rows = self.rows(
                context,
                "SELECT id, source_codes, target_codes, place_codes FROM clusters WHERE id = ANY($1)",
                &[&stored],
            )?;
            for r in rows {
                let (id, codes) = (|| {
                    Ok((
                        r.try_get::<_, i64>(0)?,
                        Codes {
                            sources: r.try_get(1)?,
                            targets: r.try_get(2)?,
                            places: r.try_get(3)?,
                        },
                    ))
                })()
                .map_err(|e| self.err(context, e))?;
                read.insert(id, codes);
            }
        }
        clusters
            .iter()
            .map(|c| match self.pending.clusters.get(c) {
                Some(h) => Ok(h.codes.clone()),
                None => read.remove(c).ok_or_else(|| {
                    StoreError::Unsupported(format!(
                        "{}: cannot read a cluster: cluster {c} is gone",
                        self.location
                    ))
                }),
            })
            .collect()
    }

    fn grow_cluster(&mut self, cluster: i64, codes: &Codes, day: &str) -> Result<()> {
        let c = self
            .pending
            .clusters
            .entry(cluster)
            .or_insert_with(|| HeldCluster {
                new: None,
                codes: codes.clone(),
                first: day.to_string(),
                last: day.to_string(),
                added: 0,
            });
        c.codes = codes.clone();
        if day < c.first.as_str() {
            c.first = day.to_string();
        }
        if day > c.last.as_str() {
            c.last = day.to_string();
        }
        c.added += 1;
        Ok(())
    }

    fn new_cluster(&mut self, event_type: &str, codes: &Codes, day: &str) -> Result<i64> {
        let id = self.next_id(Ids::Clusters)?;
        self.pending.clusters.insert(
            id,
            HeldCluster {
                new: Some(event_type.to_string()),
                codes: codes.clone(),
                first: day.to_string(),
                last: day.to_string(),
                added: 1,
            },
        );
        Ok(id)
    }

    fn set_event_cluster(&mut self, event: i64, cluster: i64) -> Result<()> {
        self.pending.clustered.0.push(event);
        self.pending.clustered.1.push(cluster);
        for (root, role, ty, day) in self.clustered.keys.remove(&event).unwrap_or_default() {
            self.clustered
                .index
                .entry(TxClusters::key(&root, role, ty))
                .or_default()
                .push((day, event, cluster));
        }
        Ok(())
    }

    fn document_clusters(&mut self, document: i64) -> Result<Vec<i64>> {
        self.flush()?;
        self.ids(
            "cannot read clusters",
            "SELECT DISTINCT cluster FROM events WHERE document = $1 AND cluster IS NOT NULL",
            &[&document],
        )
    }

    fn recount_cluster(&mut self, cluster: i64) -> Result<()> {
        self.flush()?;
        self.run(
            "cannot count clusters",
            "WITH docs AS (SELECT DISTINCT document FROM events WHERE cluster = $1),
                  copies AS (SELECT d.outlet AS outlet FROM documents d JOIN docs ON d.id = docs.document
                             UNION ALL
                             SELECT r.outlet FROM reports r JOIN docs ON r.document = docs.document)
             UPDATE clusters SET
                 events = (SELECT count(*) FROM events WHERE cluster = $1),
                 documents = (SELECT count(*) FROM copies),
                 outlets = (SELECT count(DISTINCT outlet) FROM copies),
                 day_first = coalesce((SELECT min(day) FROM events WHERE cluster = $1), day_first),
                 day_last = coalesce((SELECT max(day) FROM events WHERE cluster = $1), day_last)
             WHERE id = $1",
            &[&cluster],
        )?;
        self.run(
            "cannot drop empty clusters",
            "DELETE FROM clusters WHERE id = $1 AND events = 0",
            &[&cluster],
        )?;
        Ok(())
    }

    fn recount_clusters(&mut self, clusters: &BTreeSet<i64>) -> Result<()> {
        if clusters.is_empty() {
            return Ok(());
        }
        self.flush()?;
        let ids: Vec<i64> = clusters.iter().copied().collect();
        // `recount_cluster` for all of them in one statement
        self.run(
            "cannot count clusters",
            "WITH t AS (SELECT unnest($1::bigint[]) AS id),
                  ev AS (SELECT e.cluster, count(*) AS n, min(e.day) AS first, max(e.day) AS last
                         FROM events e JOIN t ON e.cluster = t.id GROUP BY e.cluster),
                  docs AS (SELECT DISTINCT e.cluster, e.document FROM events e JOIN t ON e.cluster = t.id),
                  copies AS (SELECT docs.cluster, d.outlet FROM documents d JOIN docs ON d.id = docs.document
                             UNION ALL
                             SELECT docs.cluster, r.outlet FROM reports r JOIN docs ON r.document = docs.document),
                  cc AS (SELECT cluster, count(*) AS n, count(DISTINCT outlet) AS outlets
                         FROM copies GROUP BY cluster)
             UPDATE clusters c SET
                 events = coalesce(ev.n, 0),
                 documents = coalesce(cc.n, 0),
                 outlets = coalesce(cc.outlets, 0),
                 day_first = coalesce(ev.first, c.day_first),
                 day_last = coalesce(ev.last, c.day_last)
             FROM t LEFT JOIN ev ON ev.cluster = t.id LEFT JOIN cc ON cc.cluster = t.id
             WHERE c.id = t.id",
            &[&ids],
        )?;
        self.run(
            "cannot drop empty clusters",
            "DELETE FROM clusters WHERE id = ANY($1) AND events = 0",
            &[&ids],
        )?;
        Ok(())
    }

    fn clear_document(&mut self, document: i64) -> Result<()> {
        self.flush()?;
        let TxClusters {
            index, documents, ..
        } = &mut self.clustered;
        for rows in index.values_mut() {
            rows.retain(|(_, e, _)| documents.get(e) != Some(&document));
        }
        for sql in [
            "DELETE FROM events WHERE document = $1",
            "DELETE FROM mentions WHERE document = $1",
            "DELETE FROM entities WHERE document = $1",
            "DELETE FROM quotes WHERE document = $1",
        ] {
            self.run("cannot clear an old analysis", sql, &[&document])?;
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
            "UPDATE documents SET analysis = $2, analysis_version = $3, language = $4 WHERE id = $1",
            &[&document, &analysis, &i64::from(version), &language],
        )?;
        Ok(())
    }
}

fn boxed(p: Vec<Param>) -> Vec<Box<dyn ToSql + Sync>> {
    p.into_iter()
        .map(|p| -> Box<dyn ToSql + Sync> {
            match p {
                Param::Text(s) => Box::new(s),
                Param::Int(n) => Box::new(n),
            }
        })
        .collect()
}

fn refs(p: &[Box<dyn ToSql + Sync>]) -> Vec<&(dyn ToSql + Sync)> {
    p.iter().map(|b| b.as_ref()).collect()
}

impl Store for PgStore {
    crate::read_api::store_reads!();

    fn location(&self) -> &str {
        &self.location
    }

    fn known(&self, doc_id: &str, hash: TextHash) -> Result<Known> {
        let stored: bool = self.read("cannot look up a document", |c| {
            c.query_one(
                "SELECT EXISTS (SELECT 1 FROM documents WHERE doc_id = $1) OR EXISTS (SELECT 1 FROM reports WHERE doc_id = $1)",
                &[&doc_id],
            )?
            .try_get(0)
        })?;
        if stored {
            return Ok(Known::StoredId);
        }
        let h = hash.to_string();
        let canonical: Option<String> = self.read("cannot look up a text hash", |c| {
            c.query_opt(
                "SELECT doc_id FROM documents WHERE text_hash = $1
                 UNION ALL
                 SELECT d.doc_id FROM reports r JOIN documents d ON d.id = r.document WHERE r.text_hash = $1
                 LIMIT 1",
                &[&h],
            )?
            .map(|r| r.try_get(0))
            .transpose()
        })?;
        Ok(match canonical {
            Some(canonical) => Known::SameText { canonical },
            None => Known::New,
        })
    }

    fn near_candidates(&self, keys: &[i64]) -> Result<Vec<(String, Vec<u8>)>> {
        let rows = self.read("cannot look up near duplicates", |c| {
            let rows = c.query(
                "SELECT DISTINCT d.id, d.doc_id, d.signature FROM signature_keys k JOIN documents d ON d.id = k.document
                 WHERE k.key = ANY($1) AND d.signature IS NOT NULL ORDER BY d.id",
                &[&keys],
            )?;
            rows.iter()
                .map(|r| Ok((r.try_get(1)?, r.try_get(2)?)))
                .collect::<std::result::Result<Vec<_>, postgres::Error>>()
        })?;
        Ok(rows)
    }

    fn write_batch(
        &mut self,
        batch: Vec<Incoming>,
        settings: &ClusterSettings,
    ) -> Result<BatchOutcome> {
        let location = self.location.clone();
        self.write(|tx| write::write_batch(tx, &location, &batch, settings))
    }

    fn outdated(&self, version: u32, limit: usize) -> Result<Vec<Outdated>> {
        let rows = self.read("cannot read documents", |c| {
            let rows = c.query(
                "SELECT doc_id, text, language, published, title, url, outlet, analysis_version FROM documents
                 WHERE analysis_version < $1 ORDER BY id LIMIT $2",
                &[&i64::from(version), &(limit as i64)],
            )?;
            rows.iter()
                .map(|r| {
                    Ok((
                        DocumentFields {
                            id: r.try_get(0)?,
                            text: r.try_get(1)?,
                            language: r.try_get(2)?,
                            published: r.try_get(3)?,
                            title: r.try_get(4)?,
                            url: r.try_get(5)?,
                            outlet: r.try_get(6)?,
                        },
                        r.try_get::<_, i64>(7)?,
                    ))
                })
                .collect::<std::result::Result<Vec<_>, postgres::Error>>()
        })?;
        rows.into_iter()
            .map(|(fields, v)| {
                Ok(Outdated {
                    document: fields.document(&self.location)?,
                    version: u32::try_from(v).unwrap_or(0),
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
        let row: Option<(String, String)> = self.read("cannot read a document", |c| {
            c.query_opt(
                "SELECT analysis, text FROM documents WHERE doc_id = $1",
                &[&doc_id],
            )?
            .map(|r| Ok((r.try_get(0)?, r.try_get(1)?)))
            .transpose()
        })?;
        row.map(|(json, text)| read::analysis(&self.location, doc_id, &json, text))
            .transpose()
    }

    fn each_event(
        &self,
        filter: &Filter,
        f: &mut dyn FnMut(EventRecord) -> std::io::Result<()>,
    ) -> Result<usize> {
        use postgres::fallible_iterator::FallibleIterator;
        let (sql, params) = read::events_query(filter, DIALECT);
        let params = boxed(params);
        let context = "cannot query events";
        let mut inner = self.inner.borrow_mut();
        // Rows arrive as the server sends them: nothing is collected here.
        let mut rows = inner
            .client
            .query_raw(&sql, refs(&params))
            .map_err(|e| self.err(context, e))?;
        let mut n = 0;
        while let Some(r) = rows.next().map_err(|e| self.err(context, e))? {
            let row = (|| {
                Ok(ReadRow {
                    json: r.try_get(0)?,
                    cluster: r.try_get(1)?,
                    day: r.try_get(2)?,
                    evidence: r.try_get(3)?,
                    document: r.try_get(4)?,
                    language: r.try_get(5)?,
                    published: r.try_get(6)?,
                    title: r.try_get(7)?,
                    url: r.try_get(8)?,
                    outlet: r.try_get(9)?,
                })
            })()
            .map_err(|e| self.err(context, e))?;
            f(row.record(&self.location)?).map_err(|source| StoreError::Output { source })?;
            n += 1;
        }
        Ok(n)
    }

    fn clusters(&self, filter: &Filter) -> Result<Vec<ClusterRecord>> {
        let (sql, params) = read::clusters_query(filter, DIALECT);
        let params = boxed(params);
        let split = |s: String| split_codes(&s).map(str::to_string).collect::<Vec<_>>();
        let count = |n: i64| u64::try_from(n).unwrap_or(0);
        self.read("cannot query clusters", |c| {
            let rows = c.query(&sql, &refs(&params))?;
            let mut out = rows
                .iter()
                .map(|r| {
                    Ok(ClusterRecord {
                        id: r.try_get(0)?,
                        event_type: r.try_get(1)?,
                        sources: split(r.try_get(2)?),
                        targets: split(r.try_get(3)?),
                        places: split(r.try_get(4)?),
                        first_day: r.try_get(5)?,
                        last_day: r.try_get(6)?,
                        events: count(r.try_get(7)?),
                        documents: count(r.try_get(8)?),
                        outlets: count(r.try_get(9)?),
                        members: Vec::new(),
                    })
                })
                .collect::<std::result::Result<Vec<_>, postgres::Error>>()?;
            let members = c.prepare(
                "SELECT d.doc_id, e.event FROM events e JOIN documents d ON d.id = e.document WHERE e.cluster = $1 ORDER BY e.id",
            )?;
            for cl in &mut out {
                cl.members = c
                    .query(&members, &[&cl.id])?
                    .iter()
                    .map(|r| Ok((r.try_get(0)?, r.try_get(1)?)))
                    .collect::<std::result::Result<Vec<_>, postgres::Error>>()?;
            }
            Ok(out)
        })
    }

    fn counts(&self) -> Result<Counts> {
        crate::read_api::counts(self)
    }

    fn stats(&self, top: usize) -> Result<Stats> {
        crate::read_api::stats(self, self.counts()?, top)
    }
}

impl crate::read_api::Rows for PgStore {
    fn dialect(&self) -> Dialect {
        DIALECT
    }
    fn where_is(&self) -> &str {
        &self.location
    }
    fn rows(
        &self,
        context: &str,
        sql: &str,
        params: Vec<Param>,
    ) -> Result<Vec<Vec<crate::read_api::Value>>> {
        use crate::read_api::Value;
        use postgres::types::Type;
        let params = boxed(params);
        self.read(context, |c| {
            let rows = c.query(sql, &refs(&params))?;
            let mut out = Vec::with_capacity(rows.len());
            for r in &rows {
                let mut row = Vec::with_capacity(r.len());
                for (i, col) in r.columns().iter().enumerate() {
                    let t = col.type_();
                    let v = if *t == Type::INT8 {
                        r.try_get::<_, Option<i64>>(i)?.map(Value::Int)
                    } else if *t == Type::INT4 {
                        r.try_get::<_, Option<i32>>(i)?
                            .map(|v| Value::Int(v.into()))
                    } else if *t == Type::INT2 {
                        r.try_get::<_, Option<i16>>(i)?
                            .map(|v| Value::Int(v.into()))
                    } else if *t == Type::FLOAT8 {
                        r.try_get::<_, Option<f64>>(i)?.map(Value::Real)
                    } else if *t == Type::FLOAT4 {
                        r.try_get::<_, Option<f32>>(i)?
                            .map(|v| Value::Real(v.into()))
                    } else {
                        r.try_get::<_, Option<String>>(i)?.map(Value::Text)
                    };
                    row.push(v.unwrap_or(Value::Null));
                }
                out.push(row);
            }
            Ok(out)
        })
    }
}
