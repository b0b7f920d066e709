//! `sitrep ingest` and `sitrep reanalyze`: documents into the store.
//!
//! One thread reads and triages (already stored? a copy of a stored text?), a rayon pool
//! analyses what is new, and the same single thread writes each batch in one transaction,
//! while the pool already analyses the next batch. Killing the process loses the analysis
//! of at most the two batches in flight, never a committed or a partial document; running
//! the same command again skips what was committed.

use crate::extract::ReaderArgs;
use clap::Args;
use rayon::prelude::*;
use sitrep_core::{Analysis, DocError};
use sitrep_ingest::Reader;
use sitrep_pipeline::{AnalyzeOptions, Pipeline, ANALYSIS_VERSION};
use sitrep_store::{
    BatchOutcome, ClusterSettings, DedupConfig, Incoming, MinHash, NearDuplicates, NewDocument,
    OpenOptions, Seen, Store, Triage,
};
use std::collections::{HashSet, VecDeque};
use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

/// Where the store is and how long to wait for another writer.
#[derive(Args, Debug, Clone)]
pub struct DbArgs {
    /// The store: a SQLite file (created when missing), `sqlite:PATH`, a SQLite `file:`
    /// URI, or a PostgreSQL URL `postgres://user:password@host:port/database` (the store
    /// lives in the connection's current schema; `?options=-csearch_path%3DNAME` picks
    /// another; needs a sitrep built with `--features postgres`).
    #[arg(long, default_value = "sitrep.db", value_name = "PATH|URL")]
    pub db: String,
    /// How long to wait for another process writing to the store, in milliseconds.
    #[arg(long, default_value_t = 10_000, value_name = "MS")]
    pub busy_timeout: u64,
}

impl DbArgs {
    pub fn open(&self, read_only: bool) -> anyhow::Result<Box<dyn Store>> {
        let opts = OpenOptions {
            busy_timeout: Duration::from_millis(self.busy_timeout),
            read_only,
        };
        Ok(sitrep_store::open(&self.db, &opts)?)
    }
}

#[derive(Args, Debug)]
pub struct IngestArgs {
    #[command(flatten)]
    pub reader: ReaderArgs,
    #[command(flatten)]
    pub db: DbArgs,
    /// Documents per transaction: a crash loses the work of at most two batches, the one
    /// being written and the one being analysed (the first batches are smaller, 16, 32, …
    /// up to N, so that analysis starts early).
    #[arg(long, default_value_t = 256, value_name = "N")]
    pub batch: usize,
    /// Analysis threads (default: all cores); one more thread writes.
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// Reports of one event at most this many days apart join one cluster.
    #[arg(long, default_value_t = ClusterSettings::default().window_days, value_name = "DAYS")]
    pub cluster_window: u32,
    /// Estimated Jaccard similarity of word 3-shingles from which a text is a near copy of
    /// a stored one (stored as a further report of it, not analysed again); a text mostly
    /// contained in a stored one (cut short) is a copy too. See evaluation/reports/dedup.md.
    #[arg(long, default_value_t = DedupConfig::default().threshold, value_name = "0..1")]
    pub near_threshold: f64,
}

#[derive(Args, Debug)]
pub struct ReanalyzeArgs {
    #[command(flatten)]
    pub db: DbArgs,
    /// Documents per transaction.
    #[arg(long, default_value_t = 256, value_name = "N")]
    pub batch: usize,
    /// Analysis threads (default: all cores).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// Reports of one event at most this many days apart join one cluster.
    #[arg(long, default_value_t = ClusterSettings::default().window_days, value_name = "DAYS")]
    pub cluster_window: u32,
}

/// A batch also ends at this much text, so memory stays flat on huge documents.
const BATCH_BYTES: usize = 64 << 20;

/// The smallest piece the last batch is split into (see [`split_tail`]).
const TAIL_PIECE: usize = 8;

/// The size of the first batch; the next ones double up to `--batch`.
const FIRST_BATCH: usize = 16;

/// The near-duplicate detector ingest uses: `sitrep-dedup`'s MinHash with its evaluated
/// defaults and the given threshold.
fn near_duplicates(threshold: f64) -> anyhow::Result<MinHash> {
    let config = DedupConfig {
        threshold,
        ..DedupConfig::default()
    };
    MinHash::new(config).map_err(|e| anyhow::anyhow!("--near-threshold: {e}"))
}

/// A new document's analysis, or why it failed (naming the document).
type Analysed = Result<Analysis, String>;

/// What a document in a batch becomes, or why it could not be read.
type Triaged = Result<Triage, String>;

#[derive(Default)]
struct Tally {
    read: usize,
    stored: usize,
    events: usize,
    exact: usize,
    near: usize,
    already: usize,
    failed: Vec<String>,
    bytes: u64,
}

pub fn run(args: IngestArgs) -> anyhow::Result<ExitCode> {
    if args.batch == 0 {
        anyhow::bail!("--batch must be at least 1");
    }
    let (inputs, opts) = args.reader.setup()?;
    let total_bytes = input_bytes(&args.reader.inputs);
    // settings first: a bad one must not leave a new store behind
    let near = near_duplicates(args.near_threshold)?;
    let pool = crate::extract::thread_pool(args.threads)?;
    let pipeline = Pipeline::new();
    let settings = ClusterSettings {
        window_days: args.cluster_window,
    };
    let analyze = AnalyzeOptions {
        tokens: false,
        entities: true,
        events: true,
    };
    let mut reader = Reader::new(inputs, opts).peekable();
    let mut tally = Tally::default();
    let mut progress = Progress::new(total_bytes);
    // Three steps overlap: while the pool analyses batch k, this thread writes batch k-1
    // and reads and triages batch k+1. The triage of k+1 cannot see batch k in the store
    // yet, so it also checks k's ids, texts and signatures, kept in memory.
    let mut failed_ids: HashSet<String> = HashSet::new();
    // Nothing is analysed before the first batch is read and triaged: meanwhile, load the
    // language of its first readable document (the stages load on first use otherwise),
    // starting as soon as the first document is read, and open the store (its first
    // `fsync`s) while it loads.
    let language = |ing: &sitrep_ingest::Ingested| pipeline.language_of(&ing.doc).ok().flatten();
    let peeked = reader
        .peek()
        .and_then(|i| i.as_ref().ok())
        .and_then(language);
    // The first batches are small and double up to `--batch`: the first analysis waits
    // only for the triage of a few documents, and each batch's triage (on this thread)
    // ends before the pool has analysed the batch before it.
    let mut size = FIRST_BATCH.min(args.batch);
    let (mut store, first, mut memory) = std::thread::scope(|scope| {
        let pipeline = &pipeline;
        if let Some(l) = peeked {
            scope.spawn(move || pipeline.load(l));
        }
        let store = args.db.open(false)?;
        // on this thread, which lives on (see `Pipeline::load_events`); the events' parts
        // of another language load on first use
        pipeline.load_events(peeked.as_slice());
        let items = read_batch(&mut reader, size);
        if peeked.is_none() {
            if let Some(l) = items
                .iter()
                .find_map(|i| i.as_ref().ok())
                .and_then(language)
            {
                scope.spawn(move || pipeline.load(l));
            }
        }
        let (first, memory) = triage(
            store.as_ref(),
            &near,
            items.into_iter(),
            &Seen::default(),
            &mut tally,
        )?;
        anyhow::Ok((store, first, memory))
    })?;
    // The last batch is analysed and written in shrinking pieces (see `split_tail`), so
    // that only a small one is written after all analysis has ended.
    let mut ended = reader.peek().is_none();
    let mut tail = if ended {
        split_tail(first)
    } else {
        VecDeque::from([first])
    };
    // The stages never wait for each other at a batch's end: each new document is a job
    // of its own on the pool (in input order), so the pool starts on batch k+1 while the
    // last documents of batch k are still being analysed, and this thread writes batch k
    // and triages batch k+2 meanwhile. The triage of k+2 sees batch k in the store and
    // k+1 in memory. At most two batches are uncommitted: one collected or being written,
    // the next queued.
    let cancel = AtomicBool::new(false);
    pool.in_place_scope_fifo(|scope| {
        let submit = |batch: Vec<Triaged>| submit(scope, &pipeline, &analyze, &cancel, batch);
        let mut in_flight: VecDeque<InFlight> = VecDeque::new();
        // the first batch goes to the pool before the second is triaged
        if let Some(first) = tail.pop_front().filter(|t| !t.is_empty()) {
            in_flight.push_back(submit(first));
        }
        let mut step = || -> anyhow::Result<bool> {
            // Triage only after the write of the batch before the one in flight: it must
            // see that one in the store (and the one in flight in `memory`).
            if !ended && !in_flight.is_empty() {
                size = (2 * size).min(args.batch);
                let items = read_batch(&mut reader, size);
                let (t, seen) = triage(
                    store.as_ref(),
                    &near,
                    items.into_iter(),
                    &memory,
                    &mut tally,
                )?;
                memory = seen;
                if reader.peek().is_none() {
                    tail = split_tail(t);
                    ended = true;
                } else {
                    tail.push_back(t);
                }
            }
            while let Some(batch) = tail.pop_front().filter(|t| !t.is_empty()) {
                in_flight.push_back(submit(batch));
            }
            let Some(front) = in_flight.pop_front() else {
                return Ok(false);
            };
            let (batch, analysed) = front.collect()?;
            let rows = assemble(batch, analysed, &mut failed_ids, &mut tally);
            let out: BatchOutcome = store.write_batch(rows, &settings)?;
            tally.stored += out.stored;
            tally.events += out.events;
            tally.already += out.already;
            tally.exact += out.exact;
            tally.near += out.near;
            progress.update(&tally, false);
            Ok(true)
        };
        let result = loop {
            match step() {
                Ok(true) => {}
                Ok(false) => break Ok(()),
                Err(e) => break Err(e),
            }
        };
        // the scope waits for the queued jobs: on an error they skip their documents
        if result.is_err() {
            cancel.store(true, Ordering::Relaxed);
        }
        result
    })?;
    progress.update(&tally, true);
    // The process ends next: freeing the loaded models and knowledge bases one allocation
    // at a time would only add tens of milliseconds.
    std::mem::forget(pipeline);
    let secs = progress.start.elapsed().as_secs_f64();
    eprintln!(
        "sitrep: ingest into {}: {} documents in {:.1} s ({:.0} docs/s): {} stored ({} events), {} duplicates stored as reports ({} exact, {} near), {} already stored, {} failed",
        store.location(),
        tally.read,
        secs,
        tally.read as f64 / secs.max(1e-9),
        tally.stored,
        tally.events,
        tally.exact + tally.near,
        tally.exact,
        tally.near,
        tally.already,
        tally.failed.len()
    );
    if !tally.failed.is_empty() {
        for f in tally.failed.iter().take(20) {
            eprintln!("  failed: {f}");
        }
        if tally.failed.len() > 20 {
            eprintln!(
                "  … and {} more (each named above)",
                tally.failed.len() - 20
            );
        }
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

fn fail(tally: &mut Tally, msg: String) {
    eprintln!("sitrep: {msg}");
    tally.failed.push(msg);
}

/// The last batch in pieces of half what is left, down to [`TAIL_PIECE`] documents: each
/// piece is written while the next is analysed, so the write that follows all analysis
/// is of the last small piece instead of a whole batch.
fn split_tail<T>(mut batch: Vec<T>) -> VecDeque<Vec<T>> {
    let mut pieces = VecDeque::new();
    while batch.len() > 2 * TAIL_PIECE {
        let rest = batch.split_off(batch.len().div_ceil(2));
        pieces.push_back(std::mem::replace(&mut batch, rest));
    }
    pieces.push_back(batch);
    pieces
}

/// The next batch: up to `max` documents or [`BATCH_BYTES`] of text.
fn read_batch(
    reader: &mut impl Iterator<Item = sitrep_ingest::Item>,
    max: usize,
) -> Vec<sitrep_ingest::Item> {
    let mut items = Vec::with_capacity(max);
    let mut bytes = 0;
    for item in reader.by_ref() {
        if let Ok(ing) = &item {
            bytes += ing.doc.text.len();
        }
        items.push(item);
        if items.len() >= max || bytes >= BATCH_BYTES {
            break;
        }
    }
    items
}

/// A triaged batch whose new documents are being analysed on the pool.
struct InFlight {
    batch: Vec<Triaged>,
    results: Receiver<(usize, Analysed)>,
    jobs: usize,
}

impl InFlight {
    /// Waits for the batch's analyses and gives them in input order.
    fn collect(self) -> anyhow::Result<(Vec<Triaged>, Vec<Analysed>)> {
        let mut analysed: Vec<Option<Analysed>> =
            std::iter::repeat_with(|| None).take(self.jobs).collect();
        for _ in 0..self.jobs {
            // every job sends once (the pipeline turns a panic into an error), so the
            // channel closes early only if a job died outside it
            let (i, r) = self
                .results
                .recv()
                .map_err(|_| anyhow::anyhow!("an analysis thread ended without a result"))?;
            analysed[i] = Some(r);
        }
        let analysed = analysed
            .into_iter()
            .map(|r| r.expect("every job sent"))
            .collect();
        Ok((self.batch, analysed))
    }
}

/// Puts each new document of a triaged batch on the pool as a job of its own (the scope
/// runs them in the order given) and returns at once. A job skips its document once
/// `cancel` is set (the ingest is ending with an error).
fn submit<'s>(
    scope: &rayon::ScopeFifo<'s>,
    pipeline: &'s Pipeline,
    analyze: &'s AnalyzeOptions,
    cancel: &'s AtomicBool,
    batch: Vec<Triaged>,
) -> InFlight {
    let (tx, results) = mpsc::channel();
    let mut jobs = 0;
    for t in &batch {
        if let Ok(Triage::Analyse { doc, .. }) = t {
            let (tx, doc, i) = (tx.clone(), doc.clone(), jobs);
            scope.spawn_fifo(move |_| {
                if cancel.load(Ordering::Relaxed) {
                    return;
                }
                let id = doc.id.clone();
                let r = pipeline
                    .analyze(doc, analyze)
                    .map_err(|p| DocError::new(id, p).to_string());
                // the receiver is gone only when the ingest already failed
                let _ = tx.send((i, r));
            });
            jobs += 1;
        }
    }
    InFlight {
        batch,
        results,
        jobs,
    }
}

/// The rows to write for a triaged batch and its analyses. A copy of a document whose
/// analysis failed (in this batch or an earlier one) fails too: its original is not stored.
fn assemble(
    triaged: Vec<Triaged>,
    analysed: Vec<Analysed>,
    failed_ids: &mut HashSet<String>,
    tally: &mut Tally,
) -> Vec<Incoming> {
    let mut analysed = analysed.into_iter();
    let mut batch = Vec::with_capacity(triaged.len());
    for t in triaged {
        match t {
            Ok(Triage::Analyse {
                doc,
                hash,
                signature,
            }) => match analysed.next().expect("one result per document") {
                Ok(analysis) => batch.push(Incoming::Document(NewDocument {
                    analysis,
                    version: ANALYSIS_VERSION,
                    hash,
                    signature,
                })),
                Err(e) => {
                    failed_ids.insert(doc.id);
                    fail(tally, e);
                }
            },
            Ok(Triage::Report(r)) if failed_ids.contains(&r.canonical) => {
                let msg = format!("{}: a copy of {}, which failed", r.doc_id, r.canonical);
                fail(tally, msg);
            }
            Ok(Triage::Report(r)) => batch.push(Incoming::Report(r)),
            Ok(Triage::Already) => tally.already += 1,
            Err(e) => fail(tally, e),
        }
    }
    batch
}

/// Decides, in input order, what each document of a batch becomes (see
/// [`sitrep_store::triage`]). `previous` is what the triage of the batch before let
/// through (not yet in the store).
fn triage(
    store: &dyn Store,
    near: &dyn NearDuplicates,
    items: impl Iterator<Item = sitrep_ingest::Item>,
    previous: &Seen,
    tally: &mut Tally,
) -> anyhow::Result<(Vec<Triaged>, Seen)> {
    let mut out = Vec::new();
    let mut seen = Seen::default();
    for item in items {
        tally.read += 1;
        let ing = match item {
            Ok(ing) => ing,
            Err(e) => {
                out.push(Err(e.to_string()));
                continue;
            }
        };
        for w in &ing.warnings {
            eprintln!("sitrep: warning: {}: {w}", ing.doc.id);
        }
        tally.bytes += ing.doc.text.len() as u64;
        out.push(Ok(sitrep_store::triage(
            store, near, ing.doc, previous, &mut seen,
        )?));
    }
    Ok((out, seen))
}

pub fn reanalyze(args: ReanalyzeArgs) -> anyhow::Result<ExitCode> {
    if args.batch == 0 {
        anyhow::bail!("--batch must be at least 1");
    }
    let mut store = args.db.open(false)?;
    let pool = crate::extract::thread_pool(args.threads)?;
    let pipeline = Pipeline::new();
    let settings = ClusterSettings {
        window_days: args.cluster_window,
    };
    let analyze = AnalyzeOptions {
        tokens: false,
        entities: true,
        events: true,
    };
    let start = Instant::now();
    let (mut done, mut failed) = (0usize, Vec::new());
    let mut skip = std::collections::HashSet::new();
    loop {
        let docs: Vec<_> = store
            .outdated(ANALYSIS_VERSION, args.batch + skip.len())?
            .into_iter()
            .filter(|o| !skip.contains(&o.document.id))
            .take(args.batch)
            .collect();
        if docs.is_empty() {
            break;
        }
        let results: Vec<Result<Analysis, (String, String)>> = pool.install(|| {
            docs.into_par_iter()
                .map(|o| {
                    let id = o.document.id.clone();
                    pipeline
                        .analyze(o.document, &analyze)
                        .map_err(|p| (id.clone(), DocError::new(id, p).to_string()))
                })
                .collect()
        });
        let mut ok = Vec::new();
        for r in results {
            match r {
                Ok(a) => ok.push(a),
                Err((id, e)) => {
                    eprintln!("sitrep: {e}");
                    skip.insert(id);
                    failed.push(e);
                }
            }
        }
        done += store.replace_analyses(ok, ANALYSIS_VERSION, &settings)?;
    }
    eprintln!(
        "sitrep: reanalyze {}: {done} documents brought to analysis version {ANALYSIS_VERSION} in {:.1} s, {} failed",
        store.location(),
        start.elapsed().as_secs_f64(),
        failed.len()
    );
    Ok(if failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// The size of the inputs when they are all regular files (for the ETA), else `None`.
fn input_bytes(inputs: &[String]) -> Option<u64> {
    let mut total = 0;
    for i in inputs {
        let m = std::fs::metadata(i).ok()?;
        if !m.is_file() {
            return None;
        }
        total += m.len();
    }
    (total > 0).then_some(total)
}

/// Progress on standard error: a line redrawn in place on a terminal, a plain line every
/// ten seconds otherwise.
struct Progress {
    start: Instant,
    last: Instant,
    terminal: bool,
    total_bytes: Option<u64>,
}

impl Progress {
    fn new(total_bytes: Option<u64>) -> Progress {
        let now = Instant::now();
        Progress {
            start: now,
            last: now,
            terminal: std::io::stderr().is_terminal(),
            total_bytes,
        }
    }

    fn update(&mut self, t: &Tally, last: bool) {
        let every = if self.terminal {
            Duration::from_millis(200)
        } else {
            Duration::from_secs(10)
        };
        if !last && self.last.elapsed() < every {
            return;
        }
        if last && !self.terminal {
            return; // the summary follows
        }
        self.last = Instant::now();
        let secs = self.start.elapsed().as_secs_f64().max(1e-9);
        let rate = t.read as f64 / secs;
        // Text bytes undercount file bytes (markup, JSON), so the ETA errs long.
        let eta = match self.total_bytes {
            Some(total) if t.bytes > 0 && !last => {
                let done = (t.bytes as f64 / total as f64).min(0.99);
                format!(", ETA {:.0} s", secs * (1.0 - done) / done)
            }
            _ => String::new(),
        };
        let line = format!(
            "{} docs, {:.0} docs/s: {} stored, {} duplicates, {} already stored, {} failed{eta}",
            t.read,
            rate,
            t.stored,
            t.exact + t.near,
            t.already,
            t.failed.len()
        );
        let mut err = std::io::stderr().lock();
        let _ = if self.terminal {
            write!(
                err,
                "\r\x1b[2Ksitrep: {line}{}",
                if last { "\n" } else { "" }
            )
        } else {
            writeln!(err, "sitrep: {line}")
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_core::Document;
    use sitrep_ingest::Ingested;
    use sitrep_store::{NewReport, ReportKind, Signature, TextHash};

    /// A toy detector for the triage: word sets, Jaccard similarity, the first word as key.
    struct Words;

    impl NearDuplicates for Words {
        fn signature(&self, text: &str) -> Option<Signature> {
            let mut w: Vec<&str> = text.split_whitespace().collect();
            let key = i64::from(*w.first()?.as_bytes().first()?);
            w.sort_unstable();
            w.dedup();
            Some(Signature {
                bytes: w.join(" ").into_bytes(),
                keys: vec![key],
            })
        }
        fn judge(&self, a: &[u8], b: &[u8]) -> Option<f32> {
            let set = |x: &[u8]| -> std::collections::BTreeSet<Vec<u8>> {
                x.split(|&c| c == b' ').map(<[u8]>::to_vec).collect()
            };
            let (a, b) = (set(a), set(b));
            let j = a.intersection(&b).count() as f32 / a.union(&b).count() as f32;
            (j >= 0.7).then_some(j)
        }
    }

    /// One line per triage outcome: `analyse ID`, `ID KIND of CANONICAL`, `already`,
    /// `failed REASON`.
    fn outcomes(t: &[Triaged]) -> Vec<String> {
        t.iter()
            .map(|t| match t {
                Ok(Triage::Analyse { doc, .. }) => format!("analyse {}", doc.id),
                Ok(Triage::Report(r)) => {
                    format!("{} {} of {}", r.doc_id, r.kind.as_str(), r.canonical)
                }
                Ok(Triage::Already) => "already".into(),
                Err(e) => format!("failed {e}"),
            })
            .collect()
    }

    fn item(id: &str, text: &str) -> sitrep_ingest::Item {
        Ok(Ingested {
            doc: Document::new(id, text),
            warnings: Vec::new(),
        })
    }

    #[test]
    fn triage_finds_stored_ids_copies_and_near_copies() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("s.db");
        let mut store = sitrep_store::open(db.to_str().unwrap(), &OpenOptions::default()).unwrap();
        let stored = "Frankreich schickt 500 Soldaten nach Estland zur Verstärkung der Nato";
        let mut a = Analysis::from_document(Document::new("s1", stored));
        a.language = Some(sitrep_core::Language::De);
        let doc = NewDocument {
            hash: TextHash::of(stored),
            signature: Words.signature(stored),
            analysis: a,
            version: 1,
        };
        store
            .write_batch(vec![Incoming::Document(doc)], &ClusterSettings::default())
            .unwrap();

        let items = vec![
            item("s1", "anything"),
            item("n1", "Ganz neuer Text über etwas anderes."),
            item("n1", "The same id again in one batch."),
            item("c1", stored),
            item(
                "c2",
                "Frankreich schickt 500 Soldaten nach Estland zur Verstärkung der Nato heute",
            ),
            item("c3", "Ganz  neuer Text über etwas anderes."),
        ];
        let mut tally = Tally::default();
        let (t, _) = triage(
            store.as_ref(),
            &Words,
            items.into_iter(),
            &Seen::default(),
            &mut tally,
        )
        .unwrap();
        let got = outcomes(&t);
        assert_eq!(
            got,
            [
                "already",
                "analyse n1",
                "already",
                "c1 exact of s1",
                "c2 near of s1",
                "c3 exact of n1"
            ]
        );
        assert_eq!(tally.read, 6);
    }

    /// The batch before is not written yet when the next is triaged: its documents are
    /// found in memory as if they were stored.
    #[test]
    fn triage_sees_the_unwritten_batch_before() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("s.db");
        let store = sitrep_store::open(db.to_str().unwrap(), &OpenOptions::default()).unwrap();
        let text = "Frankreich schickt 500 Soldaten nach Estland zur Verstärkung der Nato";
        let mut tally = Tally::default();
        let first = vec![item("a1", text)];
        let (t, seen) = triage(
            store.as_ref(),
            &Words,
            first.into_iter(),
            &Seen::default(),
            &mut tally,
        )
        .unwrap();
        assert!(matches!(&t[..], [Ok(Triage::Analyse { .. })]));
        let second = vec![
            item("a1", "the same id"),
            item("b1", text),
            item("b2", &format!("{text} heute")),
            item("b3", "Etwas ganz anderes."),
        ];
        let (t, _) = triage(
            store.as_ref(),
            &Words,
            second.into_iter(),
            &seen,
            &mut tally,
        )
        .unwrap();
        let got = outcomes(&t);
        assert_eq!(
            got,
            ["already", "b1 exact of a1", "b2 near of a1", "analyse b3"]
        );
    }

    /// The last batch's pieces: in order, nothing lost, each at most half of what was
    /// left, the last at most twice the smallest piece.
    #[test]
    fn the_last_batch_splits_into_shrinking_pieces() {
        for n in [0usize, 1, 16, 17, 125, 256] {
            let batch: Vec<String> = (0..n).map(|i| i.to_string()).collect();
            let pieces = split_tail(batch);
            let sizes: Vec<usize> = pieces.iter().map(Vec::len).collect();
            let order: Vec<String> = pieces.into_iter().flatten().collect();
            assert_eq!(order, (0..n).map(|i| i.to_string()).collect::<Vec<_>>());
            assert!(*sizes.last().unwrap() <= 2 * TAIL_PIECE, "{n}: {sizes:?}");
            let mut left = n;
            for &s in &sizes {
                assert!(
                    s <= left.div_ceil(2) || left <= 2 * TAIL_PIECE,
                    "{n}: {sizes:?}"
                );
                left -= s;
            }
        }
        let sizes: Vec<usize> = split_tail((0..125).collect::<Vec<u32>>())
            .iter()
            .map(Vec::len)
            .collect();
        assert_eq!(sizes, [63, 31, 16, 15]);
    }

    /// Documents analysed as jobs of their own come back in input order, one result per
    /// new document (stored ones and copies have none), whichever job ends first; jobs
    /// queued after `cancel` is set skip their documents and the batch reports it.
    #[test]
    fn submitted_batches_come_back_in_input_order() {
        let pool = crate::extract::thread_pool(Some(2)).unwrap();
        let pipeline = Pipeline::new();
        let analyze = AnalyzeOptions {
            tokens: false,
            entities: false,
            events: false,
        };
        // blank texts: no language, so no models to load; the ids tell the order
        let batch = |from: usize, n: usize| -> Vec<Triaged> {
            (from..from + n)
                .map(|i| match i % 5 {
                    3 => Ok(Triage::Already),
                    4 => Err(format!("unreadable {i}")),
                    _ => {
                        let doc = Document::new(format!("d{i}"), " ".repeat(i % 7));
                        let hash = TextHash::of(&doc.text);
                        Ok(Triage::Analyse {
                            doc,
                            hash,
                            signature: None,
                        })
                    }
                })
                .collect()
        };
        let expect = |from: usize, n: usize| -> Vec<String> {
            (from..from + n)
                .filter(|i| i % 5 < 3)
                .map(|i| format!("d{i}"))
                .collect()
        };
        let cancel = AtomicBool::new(false);
        pool.in_place_scope_fifo(|scope| {
            // three batches in flight at once, collected in turn
            let in_flight: Vec<InFlight> = [(0, 300), (300, 7), (307, 200)]
                .into_iter()
                .map(|(from, n)| submit(scope, &pipeline, &analyze, &cancel, batch(from, n)))
                .collect();
            for (f, (from, n)) in in_flight.into_iter().zip([(0, 300), (300, 7), (307, 200)]) {
                let (triaged, analysed) = f.collect().unwrap();
                assert_eq!(triaged.len(), n);
                let ids: Vec<String> = analysed.into_iter().map(|r| r.unwrap().id).collect();
                assert_eq!(ids, expect(from, n));
            }
            cancel.store(true, Ordering::Relaxed);
            let f = submit(scope, &pipeline, &analyze, &cancel, batch(0, 10));
            let err = f.collect().unwrap_err().to_string();
            assert!(err.contains("without a result"), "{err}");
        });
    }

    /// A copy of a document whose analysis failed in an earlier batch is not written (its
    /// original is not stored) but named as failed.
    #[test]
    fn a_copy_of_a_failed_document_fails() {
        let mut tally = Tally::default();
        let mut failed = HashSet::new();
        let doc = Document::new("a1", "Text");
        let hash = TextHash::of(&doc.text);
        let rows = assemble(
            vec![Ok(Triage::Analyse {
                doc: doc.clone(),
                hash,
                signature: None,
            })],
            vec![Err("a1: broken".to_string())],
            &mut failed,
            &mut tally,
        );
        assert!(rows.is_empty());
        let copy = Document::new("b1", "Text");
        let report = NewReport::of(&copy, hash, "a1".to_string(), ReportKind::Exact, None);
        let rows = assemble(
            vec![Ok(Triage::Report(report))],
            Vec::new(),
            &mut failed,
            &mut tally,
        );
        assert!(rows.is_empty());
        assert_eq!(
            tally.failed,
            ["a1: broken", "b1: a copy of a1, which failed"]
        );
    }
}
