//! The sitrep store: analysed documents, their events and cross-article event clusters,
//! kept so that a corpus can be ingested once, re-run safely, queried and exported.
//!
//! * [`Store`]: the operations every backend provides; [`SqliteStore`] is the embedded
//!   SQLite backend (the default, a single file in WAL mode). A PostgreSQL backend
//!   implements the same trait.
//! * The schema is a list of versioned migrations (`migrations/NNNN_*.sql`), applied in one
//!   transaction when a store is opened; the version is recorded in the database. A file
//!   that is not a sitrep store, or one written by a newer sitrep, is refused unchanged.
//! * Documents are identified by their id and by a [`TextHash`]; an exact (or, with a
//!   [`NearDuplicates`] detector, near) copy of a stored document is kept as a further
//!   *report* of it (its own id, url, outlet and title) and not analysed again.
//! * Each document keeps its whole `sitrep/1` analysis as JSON plus flattened rows for
//!   querying (events, event actors, places, cited sources, entities, mentions, quotes).
//! * Events of the same type with compatible actors, place and date form event
//!   [clusters](cluster), incrementally as documents arrive.
//!
//! Everything a batch writes is one transaction: a crash loses at most the batch in flight,
//! never part of a document.

mod cluster;
mod export;
mod hash;
mod neardup;
#[cfg(feature = "parquet")]
mod parquet_export;
#[cfg(feature = "postgres")]
mod postgres;
mod read;
mod read_api;
mod sorted_json;
mod sqlite;
pub mod testing;
mod triage;
mod write;

pub use cluster::ClusterSettings;
pub use export::{
    cells, column_type, csv_header, csv_row, write_csv_field, Cell, ClusterRecord, ColumnType,
    EventRecord, CSV_COLUMNS,
};
pub use hash::TextHash;
pub use neardup::{ExactOnly, MinHash, NearDuplicates, Signature};
#[cfg(feature = "parquet")]
pub use parquet_export::{write_parquet, ParquetWriter};
#[cfg(feature = "postgres")]
pub use postgres::PgStore;
pub use read_api::{ActorCount, DayCount, Edge, EventKey, PlaceStats};
pub use sitrep_dedup::DedupConfig;
pub use sqlite::{OpenOptions, SqliteStore};
pub use triage::{triage, Seen, Triage};

use sitrep_core::{Analysis, Date, Document, EventType, Modality};

/// The newest schema version this build knows (the number of the last migration).
pub const SCHEMA_VERSION: u32 = 2;

/// What went wrong with a store. Every message names the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: not a sitrep store ({reason}); nothing was changed")]
    Foreign { path: String, reason: String },
    #[error(
        "{path}: store schema version {found} is newer than this sitrep knows ({known}); \
         use a newer sitrep; nothing was changed"
    )]
    Newer {
        path: String,
        found: u32,
        known: u32,
    },
    #[error("{path}: the store is locked by another process (gave up after {waited_ms} ms; see --busy-timeout)")]
    Locked { path: String, waited_ms: u64 },
    #[error("{path}: the store is read-only ({reason})")]
    ReadOnly { path: String, reason: String },
    #[error("{path}: no store here (nothing to read; `sitrep ingest` creates one)")]
    Missing { path: String },
    #[error("{path}: {context}: {source}")]
    Sqlite {
        path: String,
        context: String,
        #[source]
        source: rusqlite::Error,
    },
    #[cfg(feature = "postgres")]
    #[error("{path}: {context}: {source}")]
    Postgres {
        path: String,
        context: String,
        #[source]
        source: ::postgres::Error,
    },
    #[error("cannot write the output: {source}")]
    Output {
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: document {doc}: {reason}")]
    Document {
        path: String,
        doc: String,
        reason: String,
    },
    #[error("{0}")]
    Unsupported(String),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// A newly analysed document to store.
#[derive(Debug, Clone)]
pub struct NewDocument {
    pub analysis: Analysis,
    /// The analysis version that produced it (`sitrep_pipeline::ANALYSIS_VERSION`).
    pub version: u32,
    pub hash: TextHash,
    pub signature: Option<Signature>,
}

/// How a report matched its document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportKind {
    /// The same text (same [`TextHash`]).
    Exact,
    /// A near duplicate by the [`NearDuplicates`] detector.
    Near,
}

impl ReportKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ReportKind::Exact => "exact",
            ReportKind::Near => "near",
        }
    }
}

/// A further report of a stored (or same-batch) document: a copy that is not analysed.
#[derive(Debug, Clone)]
pub struct NewReport {
    pub doc_id: String,
    pub published: Option<Date>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub hash: TextHash,
    /// The id of the document it copies (stored, or earlier in the same batch).
    pub canonical: String,
    pub kind: ReportKind,
    pub similarity: Option<f32>,
}

impl NewReport {
    /// The report of `doc` as a copy of `canonical`.
    pub fn of(
        doc: &Document,
        hash: TextHash,
        canonical: String,
        kind: ReportKind,
        similarity: Option<f32>,
    ) -> NewReport {
        NewReport {
            doc_id: doc.id.clone(),
            published: doc.published,
            title: doc.title.clone(),
            url: doc.url.clone(),
            outlet: doc.outlet.clone(),
            hash,
            canonical,
            kind,
            similarity,
        }
    }
}

/// One item of a batch.
#[derive(Debug, Clone)]
pub enum Incoming {
    Document(NewDocument),
    Report(NewReport),
}

/// What a batch did. Items already stored (by id) are skipped, so writing a batch twice
/// changes nothing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BatchOutcome {
    /// Documents stored with their analysis.
    pub stored: usize,
    /// Reports stored as exact copies of a document (including documents found to be
    /// copies only inside the transaction, e.g. written meanwhile by another process).
    pub exact: usize,
    /// Reports stored as near duplicates.
    pub near: usize,
    /// Items skipped because their id was already stored.
    pub already: usize,
    /// Events stored.
    pub events: usize,
}

impl std::ops::AddAssign for BatchOutcome {
    fn add_assign(&mut self, o: BatchOutcome) {
        self.stored += o.stored;
        self.exact += o.exact;
        self.near += o.near;
        self.already += o.already;
        self.events += o.events;
    }
}

/// What is known about a document before analysing it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Known {
    /// Nothing: analyse it.
    New,
    /// Its id is stored (as a document or a report): skip it.
    StoredId,
    /// Its text is stored under another id: store it as a report of that document.
    SameText { canonical: String },
}

/// Which events (or clusters) to read. Codes match by prefix (`USA` matches `USAGOV`);
/// dates compare with the event's day (see [`EventRecord::day`]).
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// A source or target actor.
    pub actor: Option<String>,
    pub source: Option<String>,
    pub target: Option<String>,
    pub event_type: Option<EventType>,
    pub modality: Option<Modality>,
    /// A place code (origin, destination or location).
    pub place: Option<String>,
    pub since: Option<Date>,
    pub until: Option<Date>,
    /// Words that must all occur in the event's evidence (ASCII letters match in either
    /// case).
    pub text: Vec<String>,
    pub limit: Option<usize>,
}

/// The names of the filters, as `sitrep query` flags (`--actor`) and API parameters
/// (`?actor=`): one list, so the two cannot drift apart.
pub const FILTER_NAMES: [&str; 9] = [
    "actor", "source", "target", "type", "modality", "place", "since", "until", "text",
];

/// A filter value that could not be read: which filter, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{name}: {message}")]
pub struct FilterError {
    /// One of [`FILTER_NAMES`].
    pub name: &'static str,
    pub message: String,
}

impl Filter {
    /// The filter given by name → value (`value("actor")`), as `sitrep query` and the HTTP
    /// API take it: codes are trimmed and must not be empty, the type is case-blind, dates
    /// are `YYYY-MM-DD`, `text` is split at white space. `limit` is left to the caller.
    pub fn parse<'a>(value: impl Fn(&str) -> Option<&'a str>) -> Result<Filter, FilterError> {
        let code = |name: &'static str| match value(name).map(str::trim) {
            None => Ok(None),
            Some("") => Err(FilterError {
                name,
                message: "empty".into(),
            }),
            Some(v) => Ok(Some(v.to_string())),
        };
        Ok(Filter {
            actor: code("actor")?,
            source: code("source")?,
            target: code("target")?,
            event_type: parsed("type", value("type").map(str::to_uppercase))?,
            modality: parsed("modality", value("modality").map(str::to_lowercase))?,
            place: code("place")?,
            since: parsed("since", value("since").map(str::to_string))?,
            until: parsed("until", value("until").map(str::to_string))?,
            text: value("text")
                .map(|t| t.split_whitespace().map(str::to_string).collect())
                .unwrap_or_default(),
            limit: None,
        })
    }
}

/// A label or date filter's value, read by its type's `FromStr`.
fn parsed<T>(name: &'static str, value: Option<String>) -> Result<Option<T>, FilterError>
where
    T: std::str::FromStr,
    T::Err: std::fmt::Display,
{
    value
        .map(|v| {
            v.trim().parse::<T>().map_err(|e| FilterError {
                name,
                message: e.to_string(),
            })
        })
        .transpose()
}

/// Store-wide counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub documents: u64,
    pub reports: u64,
    pub events: u64,
    pub clusters: u64,
    pub entities: u64,
    pub mentions: u64,
    pub quotes: u64,
    pub citations: u64,
    pub event_actors: u64,
}

/// Counts by day, type and actor pair.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Stats {
    pub counts: CountsOut,
    pub by_day: Vec<(String, u64)>,
    pub by_type: Vec<(String, u64)>,
    /// (source code, target code, events), most frequent first.
    pub by_actor_pair: Vec<(String, String, u64)>,
}

/// [`Counts`] as written by `sitrep stats --format json`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct CountsOut {
    pub documents: u64,
    pub reports: u64,
    pub events: u64,
    pub clusters: u64,
}

/// A stored document whose analysis is older than the current version.
#[derive(Debug, Clone)]
pub struct Outdated {
    pub document: Document,
    pub version: u32,
}

/// The operations of a store. Implemented by [`SqliteStore`] and (feature `postgres`)
/// `PgStore`; what a batch stores and how events cluster is shared (`write.rs`), only SQL
/// and connection handling differ.
pub trait Store {
    /// Where the store is (path or URL), for messages.
    fn location(&self) -> &str;
    /// Is the document already stored, or its text?
    fn known(&self, doc_id: &str, hash: TextHash) -> Result<Known>;
    /// Stored documents sharing a near-duplicate key with `keys`: (id, signature).
    fn near_candidates(&self, keys: &[i64]) -> Result<Vec<(String, Vec<u8>)>>;
    /// Writes a batch in one transaction, clustering its events.
    fn write_batch(
        &mut self,
        batch: Vec<Incoming>,
        clusters: &ClusterSettings,
    ) -> Result<BatchOutcome>;
    /// Up to `limit` documents stored with an analysis version below `version`.
    fn outdated(&self, version: u32, limit: usize) -> Result<Vec<Outdated>>;
    /// Replaces stored analyses (matched by document id) in one transaction; returns the
    /// number replaced.
    fn replace_analyses(
        &mut self,
        analyses: Vec<Analysis>,
        version: u32,
        clusters: &ClusterSettings,
    ) -> Result<usize>;
    /// A stored document's analysis.
    fn analysis(&self, doc_id: &str) -> Result<Option<Analysis>>;
    /// Calls `f` with each event matching `filter`, by day then storage order, reading
    /// as it goes (exports of millions of events stay flat in memory); returns how many.
    /// An error from `f` stops the reading ([`StoreError::Output`]).
    fn each_event(
        &self,
        filter: &Filter,
        f: &mut dyn FnMut(EventRecord) -> std::io::Result<()>,
    ) -> Result<usize>;
    /// Events matching `filter`, by day then storage order.
    fn events(&self, filter: &Filter) -> Result<Vec<EventRecord>> {
        let mut out = Vec::new();
        self.each_event(filter, &mut |r| {
            out.push(r);
            Ok(())
        })?;
        Ok(out)
    }
    /// Clusters with at least one event matching `filter`, largest first.
    fn clusters(&self, filter: &Filter) -> Result<Vec<ClusterRecord>>;
    fn counts(&self) -> Result<Counts>;
    /// Counts by day, type and actor pair (`top` rows of the last two).
    fn stats(&self, top: usize) -> Result<Stats>;

    // Reads for interactive clients (`sitrep serve`); `filter.limit` is not used by them.

    /// Up to `limit` events matching `filter` that come after `after` in the order of
    /// [`Store::each_event`], each with its key (the next page starts after the last one).
    fn events_page(
        &self,
        filter: &Filter,
        after: Option<&EventKey>,
        limit: usize,
    ) -> Result<Vec<(EventKey, EventRecord)>>;
    /// The event `event_id` (its id within the document) of the stored document `doc_id`.
    fn event(&self, doc_id: &str, event_id: &str) -> Result<Option<EventRecord>>;
    /// Actors of the matching events with their event counts, most first, at most `limit`.
    fn actors(&self, filter: &Filter, limit: usize) -> Result<Vec<ActorCount>>;
    /// Matching events per day and type (events without a day are left out).
    fn timeline(&self, filter: &Filter) -> Result<Vec<DayCount>>;
    /// Source→target pairs of the matching events with counts and prevailing type, most
    /// events first, at most `limit`.
    fn network(&self, filter: &Filter, limit: usize) -> Result<Vec<Edge>>;
    /// Matching events per place code, and MOBILIZE movements origin→destination.
    fn places(&self, filter: &Filter) -> Result<PlaceStats>;
}

/// Is `location` a PostgreSQL URL (`postgres://…` or `postgresql://…`)?
pub fn is_postgres_url(location: &str) -> bool {
    location.starts_with("postgres://") || location.starts_with("postgresql://")
}

/// Opens the store named by `location`: a PostgreSQL URL (`postgres://…`, feature
/// `postgres`), else a SQLite file path, `sqlite:PATH`, or SQLite `file:` URI.
pub fn open(location: &str, opts: &OpenOptions) -> Result<Box<dyn Store>> {
    Ok(open_send(location, opts)?)
}

/// [`open`] for a store that moves between threads (used by one at a time, as in a
/// server's connection pool); every backend can.
pub fn open_send(location: &str, opts: &OpenOptions) -> Result<Box<dyn Store + Send>> {
    if is_postgres_url(location) {
        #[cfg(feature = "postgres")]
        return Ok(Box::new(PgStore::open(location, opts)?));
        #[cfg(not(feature = "postgres"))]
        return Err(StoreError::Unsupported(format!(
            "{}: this sitrep was built without PostgreSQL support; build it with \
             `cargo build --release -p sitrep-cli --features postgres`, or use a SQLite file",
            redact(location)
        )));
    }
    let path = location.strip_prefix("sqlite:").unwrap_or(location);
    Ok(Box::new(SqliteStore::open(path, opts)?))
}

/// `location` with a password (in the user part or a `password=` parameter) replaced by
/// `***`, for messages.
pub fn redact(location: &str) -> String {
    let mut s = location.to_string();
    if let Some(scheme_end) = s.find("://") {
        let rest = &s[scheme_end + 3..];
        let auth_end = rest.find(['/', '?']).unwrap_or(rest.len());
        if let Some(at) = rest[..auth_end].rfind('@') {
            if let Some(colon) = rest[..at].find(':') {
                let (a, b) = (scheme_end + 3 + colon + 1, scheme_end + 3 + at);
                s.replace_range(a..b, "***");
            }
        }
    }
    if let Some(q) = s.find('?') {
        let (head, query) = s.split_at(q + 1);
        let query: Vec<String> = query
            .split('&')
            .map(|kv| match kv.split_once('=') {
                Some((k, _)) if k == "password" => format!("{k}=***"),
                _ => kv.to_string(),
            })
            .collect();
        s = format!("{head}{}", query.join("&"));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::{Filter, FILTER_NAMES};

    #[test]
    fn every_filter_name_is_read_and_checked() {
        let valid = |name: &str| match name {
            "type" => " agree ",
            "modality" => "Planned",
            "since" | "until" => "2022-02-03",
            _ => " USA ",
        };
        let unset = format!("{:?}", Filter::default());
        for name in FILTER_NAMES {
            let f = Filter::parse(|n| (n == name).then(|| valid(n))).unwrap();
            assert_ne!(format!("{f:?}"), unset, "{name} is not read");
            // every filter but free text refuses a value that means nothing
            let bad = Filter::parse(|n| (n == name).then_some("  "));
            assert_eq!(bad.is_err(), name != "text", "{name}: {bad:?}");
            if let Err(e) = bad {
                assert_eq!(e.name, name);
            }
        }
        let f = Filter::parse(|n| Some(valid(n)).filter(|_| n != "text")).unwrap();
        assert_eq!(f.actor.as_deref(), Some("USA"));
        assert_eq!(f.event_type, Some(sitrep_core::EventType::Agree));
        assert_eq!(f.modality, Some(sitrep_core::Modality::Planned));
        assert_eq!(
            f.since.map(|d| d.to_string()).as_deref(),
            Some("2022-02-03")
        );
        assert!(f.text.is_empty() && f.limit.is_none());
    }

    #[test]
    fn passwords_are_redacted_from_locations() {
        use super::redact;
        assert_eq!(
            redact("postgres://u:secret@localhost:5432/db"),
            "postgres://u:***@localhost:5432/db"
        );
        assert_eq!(
            redact("postgresql://localhost/db?user=u&password=pw&options=x"),
            "postgresql://localhost/db?user=u&password=***&options=x"
        );
        assert_eq!(redact("postgres://u@host/db"), "postgres://u@host/db");
        assert_eq!(redact("/tmp/a.db"), "/tmp/a.db");
    }

    #[cfg(not(feature = "postgres"))]
    #[test]
    fn postgres_urls_say_how_to_build_with_postgres() {
        let e = super::open("postgres://u:pw@localhost/db", &Default::default())
            .err()
            .unwrap()
            .to_string();
        assert!(
            e.contains("--features postgres") && !e.contains("pw"),
            "{e}"
        );
    }
}
