//! The PostgreSQL backend (feature `postgres`): the same schema as SQLite in PostgreSQL's
//! dialect (`migrations/postgres/`), in the connection's current schema. Writers take a
//! transaction-level advisory lock per store, so batches and migrations run one at a time
//! as with SQLite's `BEGIN IMMEDIATE`; readers never lock and open read-only sessions.

use crate::cluster::{split_codes, Codes};
use crate::read::{self, Dialect, DocumentFields, EventRow as ReadRow, Param};
use crate::write::{self, ActorKey, DocumentRow, EventRow, ReportRow, Tx};
use crate::{
    redact, BatchOutcome, ClusterRecord, ClusterSettings, Counts, CountsOut, EventRecord, Filter,
    Incoming, Known, OpenOptions, Outdated, Result, Stats, Store, StoreError, TextHash,
    SCHEMA_VERSION,
};
use postgres::error::SqlState;
use postgres::types::ToSql;
use postgres::{Client, GenericClient, NoTls, Statement};
use sitrep_core::{Analysis, Citation, Entity, EventActor, EventPlace, Mention, Quote};
use std::cell::RefCell;
use std::collections::HashMap;
use std::time::Duration;

/// The schema migrations, in order: (version, name, SQL).
const MIGRATIONS: &[(u32, &str, &str)] = &[(
    1,
    "0001_init",
    include_str!("../migrations/postgres/0001_init.sql"),
)];

/// One writer per store: an advisory lock keyed by the store's schema, held until the
/// transaction ends (so a killed writer releases it with its connection).
const LOCK: &str = "SELECT pg_advisory_xact_lock(hashtext('sitrep:' || current_schema()))";

const DIALECT: Dialect = Dialect {
    placeholder: |n| format!("${n}"),
    like: "ILIKE",
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
        };
        let out = f(&mut t)?;
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
}

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
        self.run(
            "cannot store signature keys",
            "INSERT INTO signature_keys (key, document) VALUES ($1, $2) ON CONFLICT DO NOTHING",
            &[&key, &document],
        )?;
        Ok(())
    }

    fn insert_entity(&mut self, document: i64, en: &Entity) -> Result<()> {
        self.run(
            "cannot store entities",
            "INSERT INTO entities (document, entity, kind, name, actor_code, sector, kb) VALUES ($1, $2, $3, $4, $5, $6, $7)",
            &[
                &document,
                &en.id,
                &en.kind.as_str(),
                &en.name,
                &en.actor.as_ref().map(|c| c.code.as_str()),
                &en.actor.as_ref().and_then(|c| c.sector).map(|s| s.as_str()),
                &en.kb,
            ],
        )?;
        Ok(())
    }

    fn insert_mention(&mut self, document: i64, entity: &str, m: &Mention) -> Result<()> {
        self.run(
            "cannot store mentions",
            "INSERT INTO mentions (document, entity, start, \"end\", text) VALUES ($1, $2, $3, $4, $5)",
            &[
                &document,
                &entity,
                &i64::from(m.start),
                &i64::from(m.end),
                &m.text,
            ],
        )?;
        Ok(())
    }

    fn insert_quote(&mut self, document: i64, q: &Quote) -> Result<()> {
        let s = q.speaker.as_ref();
        self.run(
            "cannot store quotes",
            "INSERT INTO quotes (document, start, \"end\", text, kind, speaker_name, speaker_code, speaker_entity) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            &[
                &document,
                &i64::from(q.start),
                &i64::from(q.end),
                &q.text,
                &q.kind,
                &s.map(|s| s.name.as_str()),
                &s.and_then(|s| s.code.as_deref()),
                &s.and_then(|s| s.entity.as_deref()),
            ],
        )?;
        Ok(())
    }

    fn insert_event(&mut self, e: &EventRow<'_>) -> Result<i64> {
        let ev = e.event;
        self.id(
            "cannot store events",
            "INSERT INTO events (document, event, type, mode, cameo, modality, source_codes, target_codes, place_codes,
                                 date, date_granularity, day, quantity, quantity_unit, trigger, evidence,
                                 evidence_start, evidence_end, confidence, json)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)
             RETURNING id",
            &[
                &e.document,
                &ev.id,
                &e.event_type,
                &ev.mode,
                &ev.cameo,
                &e.modality,
                &e.codes.sources,
                &e.codes.targets,
                &e.codes.places,
                &e.date,
                &e.date_granularity,
                &e.day,
                &e.quantity,
                &e.quantity_unit,
                &ev.trigger.text,
                &e.evidence,
                &i64::from(ev.evidence.start),
                &i64::from(ev.evidence.end),
                &f64::from(ev.confidence),
                &e.json,
            ],
        )
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
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
            &[
                &event,
                &role,
                &x.code,
                &x.entity,
                &x.text,
                &i64::from(x.start),
                &i64::from(x.end),
                &x.inferred,
                &key.root,
                &key.event_type,
                &key.day,
            ],
        )?;
        Ok(())
    }

    fn insert_place(&mut self, event: i64, role: &'static str, p: &EventPlace) -> Result<()> {
        self.run(
            "cannot store event places",
            "INSERT INTO event_places (event, role, code, name, text, start, \"end\") VALUES ($1, $2, $3, $4, $5, $6, $7)",
            &[
                &event,
                &role,
                &p.code,
                &p.name,
                &p.text,
                &i64::from(p.start),
                &i64::from(p.end),
            ],
        )?;
        Ok(())
    }

    fn insert_citation(&mut self, event: i64, c: &Citation) -> Result<()> {
        self.run(
            "cannot store citations",
            "INSERT INTO citations (event, name, kind, entity, text, start, \"end\") VALUES ($1, $2, $3, $4, $5, $6, $7)",
            &[
                &event,
                &c.name,
                &c.kind.map(|k| k.as_str()),
                &c.entity,
                &c.text,
                &i64::from(c.start),
                &i64::from(c.end),
            ],
        )?;
        Ok(())
    }

    fn cluster_candidates(
        &mut self,
        root: &str,
        role: &'static str,
        event_type: &str,
        first: &str,
        last: &str,
        event: i64,
    ) -> Result<Vec<i64>> {
        self.ids(
            "cannot look up clusters",
            "SELECT DISTINCT e.cluster FROM event_actors a JOIN events e ON e.id = a.event
             WHERE a.root = $1 AND a.role = $2 AND a.type = $3 AND a.day BETWEEN $4 AND $5
               AND e.cluster IS NOT NULL AND a.event <> $6",
            &[&root, &role, &event_type, &first, &last, &event],
        )
    }

    fn cluster_codes(&mut self, cluster: i64) -> Result<Codes> {
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

    fn grow_cluster(&mut self, cluster: i64, codes: &Codes, day: &str) -> Result<()> {
        self.run(
            "cannot update a cluster",
            "UPDATE clusters SET source_codes = $2, target_codes = $3, place_codes = $4,
                 day_first = least(day_first, $5), day_last = greatest(day_last, $5), events = events + 1
             WHERE id = $1",
            &[&cluster, &codes.sources, &codes.targets, &codes.places, &day],
        )?;
        Ok(())
    }

    fn new_cluster(&mut self, event_type: &str, codes: &Codes, day: &str) -> Result<i64> {
        self.id(
            "cannot store a cluster",
            "INSERT INTO clusters (type, source_codes, target_codes, place_codes, day_first, day_last, events, documents, outlets)
             VALUES ($1, $2, $3, $4, $5, $5, 1, 1, 0) RETURNING id",
            &[&event_type, &codes.sources, &codes.targets, &codes.places, &day],
        )
    }

    fn set_event_cluster(&mut self, event: i64, cluster: i64) -> Result<()> {
        self.run(
            "cannot cluster an event",
            "UPDATE events SET cluster = $2 WHERE id = $1",
            &[&event, &cluster],
        )?;
        Ok(())
    }

    fn document_clusters(&mut self, document: i64) -> Result<Vec<i64>> {
        self.ids(
            "cannot read clusters",
            "SELECT DISTINCT cluster FROM events WHERE document = $1 AND cluster IS NOT NULL",
            &[&document],
        )
    }

    fn recount_cluster(&mut self, cluster: i64) -> Result<()> {
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

    fn clear_document(&mut self, document: i64) -> Result<()> {
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
        let n = |table: &str| -> Result<u64> {
            // Table names are our own constants, never input.
            let v: i64 = self.read("cannot count", |c| {
                c.query_one(&format!("SELECT count(*) FROM {table}"), &[])?
                    .try_get(0)
            })?;
            Ok(u64::try_from(v).unwrap_or(0))
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
            self.read("cannot count", |c| {
                c.query(sql, &[])?
                    .iter()
                    .map(|r| Ok((r.try_get(0)?, r.try_get::<_, i64>(1)? as u64)))
                    .collect()
            })
        };
        let by_day = pairs(
            "SELECT day, count(*) FROM events WHERE day IS NOT NULL GROUP BY day ORDER BY day",
        )?;
        let by_type =
            pairs("SELECT type, count(*) AS n FROM events GROUP BY type ORDER BY n DESC, type")?;
        let by_actor_pair = self.read("cannot count", |c| {
            c.query(
                "SELECT s.code, t.code, count(DISTINCT s.event) AS n
                 FROM event_actors s JOIN event_actors t ON t.event = s.event AND t.role = 'target'
                 WHERE s.role = 'source' GROUP BY s.code, t.code ORDER BY n DESC, s.code, t.code LIMIT $1",
                &[&(top as i64)],
            )?
            .iter()
            .map(|r| Ok((r.try_get(0)?, r.try_get(1)?, r.try_get::<_, i64>(2)? as u64)))
            .collect()
        })?;
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
