//! Test stores for this crate's tests and the CLI's, so that every store test runs
//! against each backend: SQLite always (a fresh file), PostgreSQL in a fresh schema when
//! `SITREP_TEST_POSTGRES` names a server (`postgres://user@127.0.0.1:5432/db`) and the
//! crate is built with the `postgres` feature. Without either, the PostgreSQL runs are
//! skipped with one line on standard error saying why; with `SITREP_REQUIRE_POSTGRES=1`
//! a missing server is a test failure. Not meant for anything but tests.

use crate::{OpenOptions, Store};
use std::io::Write;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Once;

/// Which backend a test store uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A fresh, empty store location for one test. A PostgreSQL schema is dropped when this
/// is dropped.
pub struct TestDb {
    pub backend: Backend,
    /// What `--db` takes: a file path or a PostgreSQL URL naming the fresh schema.
    pub location: String,
    #[cfg(feature = "postgres")]
    schema: Option<(String, String)>,
}

static COUNTER: AtomicUsize = AtomicUsize::new(0);
static SKIP_NOTE: Once = Once::new();

/// Says once per test binary why PostgreSQL is skipped, past the test harness's capture
/// (so that it shows in `cargo test` output), or fails when it is required.
fn skip(reason: &str) {
    if std::env::var("SITREP_REQUIRE_POSTGRES").is_ok_and(|v| v == "1") {
        panic!("PostgreSQL is required (SITREP_REQUIRE_POSTGRES=1) but {reason}");
    }
    SKIP_NOTE.call_once(|| {
        let _ = writeln!(
            std::io::stderr(),
            "note: store tests ran on SQLite only; PostgreSQL skipped: {reason} (see .ci/postgres.sh)"
        );
    });
}

/// The PostgreSQL server to test against, if any.
fn postgres_url() -> Option<String> {
    match std::env::var("SITREP_TEST_POSTGRES") {
        Ok(url) if !url.is_empty() => {
            if cfg!(feature = "postgres") {
                Some(url)
            } else {
                skip("this test binary was built without `--features postgres`");
                None
            }
        }
        _ => {
            skip("SITREP_TEST_POSTGRES is not set (a postgres:// URL of a server to test against)");
            None
        }
    }
}

/// Runs `test` on a fresh store of every available backend ([`backends`]; SQLite files go
/// into `dir`), naming the backend on standard error when the test fails on it.
pub fn each(dir: &Path, test: impl Fn(&TestDb)) {
    for db in backends(dir) {
        let _guard = OnFailure(db.backend);
        test(&db);
    }
}

/// Names the backend when a test fails on it.
struct OnFailure(Backend);

impl Drop for OnFailure {
    fn drop(&mut self) {
        if std::thread::panicking() {
            eprintln!("(the failure above is on the {:?} backend)", self.0);
        }
    }
}

/// One fresh store location per available backend; SQLite files go into `dir`.
pub fn backends(dir: &Path) -> Vec<TestDb> {
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    #[allow(unused_mut)] // pushed to with the `postgres` feature
    let mut out = vec![TestDb {
        backend: Backend::Sqlite,
        location: dir
            .join(format!("store-{n}.db"))
            .to_string_lossy()
            .into_owned(),
        #[cfg(feature = "postgres")]
        schema: None,
    }];
    if let Some(url) = postgres_url() {
        #[cfg(feature = "postgres")]
        match TestDb::postgres(&url, n) {
            Ok(db) => out.push(db),
            Err(e) => skip(&format!(
                "cannot make a test schema on {}: {e}",
                crate::redact(&url)
            )),
        }
        #[cfg(not(feature = "postgres"))]
        let _ = url;
    }
    out
}

impl TestDb {
    #[cfg(feature = "postgres")]
    fn postgres(url: &str, n: usize) -> Result<TestDb, postgres::Error> {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        let schema = format!("sitrep_test_{}_{n}_{nanos}", std::process::id());
        let mut c = postgres::Client::connect(url, postgres::NoTls)?;
        // The name is ours (digits and letters), not input.
        c.batch_execute(&format!("CREATE SCHEMA {schema}"))?;
        let sep = if url.contains('?') { '&' } else { '?' };
        Ok(TestDb {
            backend: Backend::Postgres,
            location: format!("{url}{sep}options=-csearch_path%3D{schema}"),
            schema: Some((url.to_string(), schema)),
        })
    }

    /// Opens the store for writing.
    pub fn open(&self) -> Box<dyn Store> {
        self.open_with(&OpenOptions::default())
    }

    pub fn open_with(&self, opts: &OpenOptions) -> Box<dyn Store> {
        crate::open(&self.location, opts)
            .unwrap_or_else(|e| panic!("{:?}: cannot open: {e}", self.backend))
    }

    /// Opens it read-only.
    pub fn reader(&self) -> Box<dyn Store> {
        self.open_with(&OpenOptions {
            read_only: true,
            ..OpenOptions::default()
        })
    }

    /// `sqlite` or `postgres`, whichever fits the backend.
    pub fn pick<'a>(&self, sqlite: &'a str, postgres: &'a str) -> &'a str {
        match self.backend {
            Backend::Sqlite => sqlite,
            Backend::Postgres => postgres,
        }
    }

    /// Runs SQL (statements without results) on a connection of its own.
    pub fn execute(&self, sql: &str) {
        match self.backend {
            Backend::Sqlite => rusqlite::Connection::open(&self.location)
                .and_then(|c| c.execute_batch(sql))
                .unwrap_or_else(|e| panic!("{sql}: {e}")),
            #[cfg(feature = "postgres")]
            Backend::Postgres => postgres::Client::connect(&self.location, postgres::NoTls)
                .and_then(|mut c| c.batch_execute(sql))
                .unwrap_or_else(|e| panic!("{sql}: {e}")),
            #[cfg(not(feature = "postgres"))]
            Backend::Postgres => unreachable!("no PostgreSQL test stores without the feature"),
        }
    }

    /// The value a query returns (one row, one column), from either backend.
    pub fn value<T: OneValue>(&self, sql: &str) -> T {
        match self.backend {
            Backend::Sqlite => rusqlite::Connection::open(&self.location)
                .and_then(|c| c.query_row(sql, [], |r| r.get(0)))
                .unwrap_or_else(|e| panic!("{sql}: {e}")),
            #[cfg(feature = "postgres")]
            Backend::Postgres => postgres::Client::connect(&self.location, postgres::NoTls)
                .and_then(|mut c| c.query_one(sql, &[])?.try_get(0))
                .unwrap_or_else(|e| panic!("{sql}: {e}")),
            #[cfg(not(feature = "postgres"))]
            Backend::Postgres => unreachable!("no PostgreSQL test stores without the feature"),
        }
    }

    /// The integer a query returns (one row, one column).
    pub fn scalar(&self, sql: &str) -> i64 {
        self.value(sql)
    }

    /// The text a query returns (one row, one column).
    pub fn text(&self, sql: &str) -> String {
        self.value(sql)
    }

    /// Everything a refused open must leave unchanged: the file's bytes, or the schema's
    /// objects with their row counts.
    pub fn snapshot(&self) -> String {
        match self.backend {
            Backend::Sqlite => std::fs::read(&self.location)
                .map(|b| format!("{} bytes, {:x?}", b.len(), &b))
                .unwrap_or_else(|e| format!("unreadable: {e}")),
            #[cfg(feature = "postgres")]
            Backend::Postgres => {
                let mut c = postgres::Client::connect(&self.location, postgres::NoTls)
                    .unwrap_or_else(|e| panic!("cannot connect: {e}"));
                let tables: Vec<String> = c
                    .query(
                        "SELECT c.relname::text || ':' || c.relkind::text FROM pg_class c
                         WHERE c.relnamespace = current_schema()::regnamespace ORDER BY 1",
                        &[],
                    )
                    .unwrap()
                    .iter()
                    .map(|r| r.get(0))
                    .collect();
                let mut s = tables.join(",");
                for t in tables.iter().filter(|t| t.ends_with(":r")) {
                    let name = t.trim_end_matches(":r");
                    let rows: String = c
                        .query_one(
                            &format!("SELECT coalesce(string_agg(x::text, ';' ORDER BY x::text), '') FROM \"{name}\" x"),
                            &[],
                        )
                        .unwrap()
                        .get(0);
                    s.push_str(&format!("\n{name}: {rows}"));
                }
                s
            }
            #[cfg(not(feature = "postgres"))]
            Backend::Postgres => unreachable!("no PostgreSQL test stores without the feature"),
        }
    }
}

#[cfg(feature = "postgres")]
impl Drop for TestDb {
    fn drop(&mut self) {
        if let Some((url, schema)) = &self.schema {
            if let Ok(mut c) = postgres::Client::connect(url, postgres::NoTls) {
                let _ = c.batch_execute(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE"));
            }
        }
    }
}

/// A type that a one-value query ([`TestDb::value`]) reads from every enabled backend.
#[cfg(feature = "postgres")]
pub trait OneValue: rusqlite::types::FromSql + for<'a> postgres::types::FromSql<'a> {}
#[cfg(feature = "postgres")]
impl<T: rusqlite::types::FromSql + for<'a> postgres::types::FromSql<'a>> OneValue for T {}
/// A type that a one-value query ([`TestDb::value`]) reads from every enabled backend.
#[cfg(not(feature = "postgres"))]
pub trait OneValue: rusqlite::types::FromSql {}
#[cfg(not(feature = "postgres"))]
impl<T: rusqlite::types::FromSql> OneValue for T {}
